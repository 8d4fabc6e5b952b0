from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CadreConfig(AppConfig):
    name = "canbo.cadre"
    label = "cadre"
    verbose_name = _("Cadre development")
