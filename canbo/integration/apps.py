from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntegrationConfig(AppConfig):
    name = "canbo.integration"
    label = "integration"
    verbose_name = _("Integration")

    def ready(self) -> None:
        from canbo.agency import signals as agency_signals
        from canbo.evaluation import signals
        from canbo.integration.webhooks import receivers

        signals.annual_finalised.connect(
            receivers.on_annual_finalised, dispatch_uid="integration.annual_finalised"
        )
        signals.sheet_published.connect(
            receivers.on_sheet_published, dispatch_uid="integration.sheet_published"
        )
        signals.period_locked.connect(
            receivers.on_period_locked, dispatch_uid="integration.period_locked"
        )
        agency_signals.agency_published.connect(
            receivers.on_agency_published, dispatch_uid="integration.agency_published"
        )
