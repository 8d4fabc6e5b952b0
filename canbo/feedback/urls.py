from django.urls import path

from canbo.feedback import views

app_name = "feedback"
urlpatterns = [
    path("", views.index_page, name="index"),
    path("people/<int:pk>/", views.person_page, name="person"),
    path("comments/", views.comments_page, name="comments"),
    path("ratings/<int:pk>/seen/", views.rating_seen, name="rating_seen"),
    path("ratings/<int:pk>/answer/", views.rating_answer, name="rating_answer"),
    path("ratings/<int:pk>/contact/delete/", views.contact_delete, name="contact_delete"),
    path("communes/<int:pk>/xlsx/", views.commune_xlsx, name="commune_xlsx"),
    path("qr/people/<int:pk>/", views.qr_person, name="qr_person"),
    path("qr/dossiers/<int:pk>/", views.qr_dossier, name="qr_dossier"),
    path("qr/communes/<int:pk>/", views.qr_commune, name="qr_commune"),
]
