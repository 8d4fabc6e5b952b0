from django.urls import path

from canbo.oversight import (
    case_views,
    equipment_views,
    inspection_views,
    register_views,
    report_views,
    views,
)

app_name = "oversight"

urlpatterns = [
    path("", views.actions, name="actions"),
    path("actions/<int:pk>/", views.action, name="action"),
    path("actions/<int:pk>/update/", views.action_update, name="action_update"),
    path("actions/<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("actions/<int:pk>/finding/", views.finding_add, name="finding_add"),
    path("evidence/<int:pk>/", views.evidence, name="evidence"),
    path("findings/", views.findings, name="findings"),
    path("reports/", report_views.reports, name="reports"),
    path("reports/edit/", report_views.report_edit, name="report_edit"),
    path("analytics/", report_views.analytics, name="analytics"),
    path("inspections/", inspection_views.inspections, name="inspections"),
    path("inspections/new/", inspection_views.inspection_new, name="inspection_new"),
    path("inspections/<int:pk>/", inspection_views.inspection, name="inspection"),
    path(
        "inspections/<int:pk>/finding/",
        inspection_views.inspection_finding,
        name="inspection_finding",
    ),
    path(
        "inspections/<int:pk>/conclude/",
        inspection_views.inspection_conclude,
        name="inspection_conclude",
    ),
    path("findings/<int:pk>/remedy/", inspection_views.finding_remedy, name="finding_remedy"),
    path("findings/<int:pk>/outcome/", inspection_views.finding_outcome, name="finding_outcome"),
    path("equipment/", equipment_views.equipment, name="equipment"),
    path("equipment/<int:pk>/", equipment_views.equipment_commune, name="equipment_commune"),
    path("equipment/<int:pk>/add/", equipment_views.equipment_add, name="equipment_add"),
    path("equipment/norms/", register_views.norms_page, name="norms"),
    path("equipment/norms/set/", register_views.norm_set, name="norm_set"),
    path("approvals/", register_views.approvals, name="approvals"),
    path("approvals/new/", register_views.approval_add, name="approval_add"),
    path("cases/", case_views.cases, name="cases"),
    path("cases/new/", case_views.case_new, name="case_new"),
    path("cases/<int:pk>/", case_views.case, name="case"),
    path("cases/<int:pk>/act/", case_views.case_act, name="case_act"),
    path("cases/<int:pk>/outcome/", case_views.case_outcome, name="case_outcome"),
    path("cases/<int:pk>/document/", case_views.case_document_add, name="case_document_add"),
    path("case-documents/<int:pk>/", case_views.case_document, name="case_document"),
]
