from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationConfig(AppConfig):
    name = "canbo.integration"
    label = "integration"
    verbose_name = _("Integration")

    def ready(self) -> None:
        from canbo.evaluation.signals import annual_finalised
        from canbo.integration.receivers import on_annual_finalised

        annual_finalised.connect(on_annual_finalised, dispatch_uid="integration.annual_finalised")
