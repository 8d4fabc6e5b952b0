from django.urls import path

from canbo.agency import (
    evaluation_views,
    indicator_set_views,
    indicator_views,
    target_views,
    views,
)

app_name = "agency"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:year>/", views.compare, name="compare"),
    path("<int:year>/recompute/", views.recompute, name="recompute"),
    path("<int:year>/indicators/", indicator_views.indicator_entry, name="indicators"),
    path("<int:year>/indicators/set/", indicator_set_views.indicator_set, name="indicator_set"),
    path(
        "<int:year>/indicators/set/save/",
        indicator_set_views.indicator_save,
        name="indicator_save",
    ),
    path("<int:year>/indicators/targets/", target_views.table, name="targets"),
    path("<int:year>/indicators/targets.xlsx", target_views.table_xlsx, name="targets_xlsx"),
    path("<int:year>/indicators/enter/", indicator_views.actual_enter, name="actual_enter"),
    path("actuals/<int:pk>/review/", indicator_views.actual_review, name="actual_review"),
    path("evaluations/<int:pk>/", evaluation_views.evaluation, name="evaluation"),
    path(
        "evaluations/<int:pk>/action/",
        evaluation_views.evaluation_action,
        name="evaluation_action",
    ),
]
