from django.urls import path

from canbo.reports import annual_views, plan_views, views

app_name = "reports"
urlpatterns = [
    path("sheets/<int:pk>.docx", views.sheet_docx, name="sheet_docx"),
    path("annual/<int:pk>.docx", views.annual_docx, name="annual_docx"),
    path("unit.xlsx", views.unit_xlsx, name="unit_xlsx"),
    path("annual-report/<int:year>.xlsx", annual_views.annual_report_xlsx,
         name="annual_report_xlsx"),
    path("annual-report/<int:year>.docx", annual_views.annual_report_docx,
         name="annual_report_docx"),
    path("plan-05.docx", plan_views.plan_docx, name="plan_docx"),
    path("plan-05.xlsx", plan_views.plan_xlsx, name="plan_xlsx"),
]
