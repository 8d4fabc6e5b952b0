from django.urls import path

from canbo.agency import views
from canbo.agency.evaluation_views import evaluation, evaluation_action
from canbo.agency.indicator_set_views import indicator_save, indicator_set
from canbo.agency.indicator_views import actual_enter, actual_review, indicator_entry
from canbo.agency.target_views import table, table_xlsx

app_name = "agency"
urlpatterns = [
    path("", views.home, name="home"),
    path("<int:year>/", views.compare, name="compare"),
    path("<int:year>/recompute/", views.recompute, name="recompute"),
    path("<int:year>/indicators/", indicator_entry, name="indicators"),
    path("<int:year>/indicators/set/", indicator_set, name="indicator_set"),
    path("<int:year>/indicators/set/save/", indicator_save, name="indicator_save"),
    path("<int:year>/indicators/targets/", table, name="targets"),
    path("<int:year>/indicators/targets.xlsx", table_xlsx, name="targets_xlsx"),
    path("<int:year>/indicators/enter/", actual_enter, name="actual_enter"),
    path("actuals/<int:pk>/review/", actual_review, name="actual_review"),
    path("evaluations/<int:pk>/", evaluation, name="evaluation"),
    path("evaluations/<int:pk>/action/", evaluation_action, name="evaluation_action"),
]
