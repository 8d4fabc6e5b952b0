from django.urls import path

from canbo.cadre.views import flags, gaps, planning, plans, records, rotation, training

app_name = "cadre"
urlpatterns = [
    path("", gaps.index, name="index"),
    path("person/<int:pk>/", records.person, name="person"),
    path("gaps/", gaps.gap_summary, name="gaps"),
    path("gaps/people/", gaps.gap_people, name="gap_people"),
    path("candidates/", gaps.training_candidates, name="candidates"),
    path("political-theory/", gaps.theory_lacking, name="theory"),
    path("classes/", training.classes, name="classes"),
    path("classes/new/", training.class_new, name="class_new"),
    path("classes/<int:pk>/", training.class_detail, name="class_detail"),
    path("classes/<int:pk>/enrol/", training.enrol, name="enrol"),
    path("programmes/new/", training.programme_new, name="programme_new"),
    path("enrolments/", training.enrolments, name="enrolments"),
    path("enrolments/<int:pk>/", training.enrolment_update, name="enrolment_update"),
    path("plans/", plans.plans, name="plans"),
    path("planning/", planning.planning, name="planning"),
    path("planning/terms/new/", planning.term_new, name="term_new"),
    path("planning/add/", planning.candidate_add, name="candidate_add"),
    path("planning/<int:pk>/remove/", planning.candidate_remove, name="candidate_remove"),
    path("planning/review/", planning.review_add, name="review_add"),
    path("rotations/", rotation.rotations, name="rotations"),
    path("rotations/new/", rotation.rotation_new, name="rotation_new"),
    path("rotations/<int:pk>/decide/", rotation.rotation_decide, name="rotation_decide"),
    path("staffing/", rotation.staffing, name="staffing"),
    path("flags/", flags.flags, name="flags"),
    path("flags/new/", flags.flag_new, name="flag_new"),
    path("flags/<int:pk>/lift/", flags.flag_lift, name="flag_lift"),
    path("decisions/", records.decisions, name="decisions"),
    path("decisions/new/", records.decision_new, name="decision_new"),
]
