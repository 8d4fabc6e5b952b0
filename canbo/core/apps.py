from django.apps import AppConfig
from django.utils.translation import gettext

from canbo.scoring import text as scoring_text


class CoreConfig(AppConfig):
    name = "canbo.core"
    label = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        # The pure scoring engine writes English msgids and cannot import Django: give it
        # Django's gettext, so its explanations and errors come out in the active language.
        # Core is the lowest layer, so every app that scores finds it installed.
        scoring_text.install(gettext)
