from django.urls import path

from canbo.reports import views

app_name = "reports"
urlpatterns = [
    path("sheets/<int:pk>.docx", views.sheet_docx, name="sheet_docx"),
    path("annual/<int:pk>.docx", views.annual_docx, name="annual_docx"),
    path("unit.xlsx", views.unit_xlsx, name="unit_xlsx"),
]
