from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "canbo.oversight"
    label = "oversight"
    verbose_name = _("Plan oversight")

    def ready(self) -> None:
        from canbo.core import inbox
        from canbo.oversight.inbox import oversight_inbox

        inbox.register(oversight_inbox)
