from django.urls import path

from canbo.integration import views

app_name = "integration"
urlpatterns = [
    path("", views.client_list, name="clients"),
    path("new/", views.client_create, name="client_create"),
    path("<int:pk>/", views.client_detail, name="client"),
    path("<int:pk>/revoke/", views.client_revoke, name="client_revoke"),
    path("<int:pk>/rotate/", views.client_rotate, name="client_rotate"),
    path("<int:pk>/subscribe/", views.client_subscribe, name="client_subscribe"),
]
