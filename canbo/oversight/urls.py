from django.urls import path

from canbo.oversight import case_views, views

app_name = "oversight"

urlpatterns = [
    path("", views.actions, name="actions"),
    path("actions/<int:pk>/", views.action, name="action"),
    path("actions/<int:pk>/update/", views.action_update, name="action_update"),
    path("actions/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("actions/<int:pk>/finding/", views.finding_add, name="finding_add"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("findings/", views.findings, name="findings"),
    path("reports/", views.reports, name="reports"),
    path("reports/edit/", views.report_edit, name="report_edit"),
    path("analytics/", views.analytics, name="analytics"),
    path("cases/", case_views.cases, name="cases"),
    path("cases/new/", case_views.case_new, name="case_new"),
    path("cases/<int:pk>/", case_views.case, name="case"),
    path("cases/<int:pk>/act/", case_views.case_act, name="case_act"),
    path("cases/<int:pk>/document/", case_views.case_document_add, name="case_document_add"),
    path("case-documents/<int:pk>/", case_views.case_document, name="case_document"),
]
