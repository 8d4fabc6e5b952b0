from django.urls import path

from canbo.agency import views

app_name = "agency"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:year>/", views.compare, name="compare"),
    path("<int:year>/recompute/", views.recompute, name="recompute"),
    path("<int:year>/indicators/", views.indicator_entry, name="indicators"),
    path("<int:year>/indicators/set/", views.indicator_set, name="indicator_set"),
    path("<int:year>/indicators/set/save/", views.indicator_save, name="indicator_save"),
    path("<int:year>/indicators/targets/", views.targets, name="targets"),
    path("<int:year>/indicators/targets.xlsx", views.targets_xlsx, name="targets_xlsx"),
    path("<int:year>/indicators/enter/", views.actual_enter, name="actual_enter"),
    path("actuals/<int:pk>/review/", views.actual_review, name="actual_review"),
    path("evaluations/<int:pk>/", views.evaluation, name="evaluation"),
    path("evaluations/<int:pk>/action/", views.evaluation_action, name="evaluation_action"),
]
