from django.urls import path

from canbo.integration import import_views, views

app_name = "integration"
urlpatterns = [
    path("", views.client_list, name="clients"),
    path("new/", views.client_create, name="client_create"),
    path("<int:pk>/", views.client_detail, name="client"),
    path("<int:pk>/revoke/", views.client_revoke, name="client_revoke"),
    path("<int:pk>/rotate/", views.client_rotate, name="client_rotate"),
    path("<int:pk>/subscribe/", views.client_subscribe, name="client_subscribe"),
    path("import/", import_views.import_index, name="imports"),
    path("import/template/<str:kind>.xlsx", import_views.import_template, name="import_template"),
    path("import/upload/", import_views.import_upload, name="import_upload"),
    path("import/<int:pk>/", import_views.import_batch, name="import_batch"),
    path("import/<int:pk>/commit/", import_views.import_commit, name="import_commit"),
    path("import/<int:pk>/retry/", import_views.import_retry, name="import_retry"),
    path("import/<int:pk>/discard/", import_views.import_discard, name="import_discard"),
    path("import/edxml/", import_views.import_edxml_files, name="import_edxml"),
    path("payloads/<int:pk>/retry/", import_views.payload_retry, name="payload_retry"),
    path("payloads/<int:pk>/discard/", import_views.payload_discard, name="payload_discard"),
    path("payloads/<int:pk>/handler/", import_views.payload_handler, name="payload_handler"),
]
