from django.urls import path

from canbo.people import org_views as views

app_name = "org"
urlpatterns = [
    path("", views.org_list, name="list"),
    path("<int:pk>/", views.org_detail, name="detail"),
]
