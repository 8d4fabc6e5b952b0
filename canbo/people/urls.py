from django.urls import path

from canbo.people import views

app_name = "people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/unlock/", views.person_unlock, name="unlock"),
]
