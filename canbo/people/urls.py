from django.urls import path

from canbo.people import access_log, views

app_name = "people"
urlpatterns = [
    path("", views.people_list, name="list"),
    path("access-log/", access_log.access_log, name="access_log"),
    path("<int:pk>/", views.person_detail, name="detail"),
    path("<int:pk>/unlock/", views.person_unlock, name="unlock"),
    path("<int:pk>/edit/", views.person_edit, name="edit"),
    path("<int:pk>/posts/new/", views.post_new, name="post_new"),
]
