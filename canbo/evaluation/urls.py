from django.urls import path

from canbo.evaluation.views import annual, boards, charges, periods, sheet

app_name = "evaluation"
urlpatterns = [
    path("me/", boards.my_work, name="me"),
    path("sheets/<int:pk>/", sheet.sheet_detail, name="sheet"),
    path("review/", boards.review_board, name="review_board"),
    path("results/", boards.unit_results, name="unit_results"),
    path("approve/", boards.approval_board, name="approval_board"),
    path("approve/bulk/", boards.approve_bulk, name="approve_bulk"),
    path("periods/", periods.period_list, name="periods"),
    path("periods/<int:pk>/", periods.period_detail, name="period"),
    path("periods/<int:pk>/lock/", periods.period_lock, name="period_lock"),
    path("charges/<int:pk>/", charges.charge_list, name="charges"),
    path("charges/<int:pk>/action/", charges.charge_action, name="charge_action"),
    path("annual/", annual.annual_current, name="annual_current"),
    path("annual/<int:year>/", annual.annual_screen, name="annual"),
    path("annual/<int:year>/action/", annual.annual_action, name="annual_action"),
]
