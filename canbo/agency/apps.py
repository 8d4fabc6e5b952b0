from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyConfig(AppConfig):
    name = "canbo.agency"
    label = "agency"
    verbose_name = _("Agency evaluation")

    def ready(self) -> None:
        from canbo.agency import receivers
        from canbo.evaluation.signals import agency_result_requested

        agency_result_requested.connect(
            receivers.agency_result, dispatch_uid="agency.agency_result"
        )
