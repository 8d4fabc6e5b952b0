from django.urls import path

from canbo.reports import (
    agency_views,
    annual_views,
    dashboard_views,
    export_views,
    plan_views,
    views,
)

app_name = "reports"
urlpatterns = [
    path("sheets/<int:pk>.docx", views.sheet_docx, name="sheet_docx"),
    path("annual/<int:pk>.docx", views.annual_docx, name="annual_docx"),
    path("unit.xlsx", views.unit_xlsx, name="unit_xlsx"),
    path(
        "annual-report/<int:year>.xlsx", annual_views.annual_report_xlsx, name="annual_report_xlsx"
    ),
    path(
        "annual-report/<int:year>.docx", annual_views.annual_report_docx, name="annual_report_docx"
    ),
    path("dashboard/", dashboard_views.dashboard, name="dashboard"),
    path("dashboard.xlsx", dashboard_views.dashboard_xlsx, name="dashboard_xlsx"),
    path("exports/annual-<int:year>/", export_views.export_start, name="export_start"),
    path("exports/<int:pk>/", export_views.export_status, name="export_status"),
    path("exports/<int:pk>/download", export_views.export_download, name="export_download"),
    path("agency/<int:pk>.docx", agency_views.agency_docx, name="agency_docx"),
    path("agency-table/<int:year>.xlsx", agency_views.agency_xlsx, name="agency_xlsx"),
    path("plan-05.docx", plan_views.plan_docx, name="plan_docx"),
    path("plan-05.xlsx", plan_views.plan_xlsx, name="plan_xlsx"),
]
