from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "canbo.feedback"
    label = "feedback"
    verbose_name = _("Citizen satisfaction")

    def ready(self) -> None:
        from canbo.core import inbox
        from canbo.evaluation.signals import review_objections, sheet_panels
        from canbo.feedback import receivers

        sheet_panels.connect(receivers.satisfaction_panel, dispatch_uid="feedback.panel")
        review_objections.connect(receivers.b_cap_objection, dispatch_uid="feedback.b_cap")
        inbox.register(receivers.feedback_inbox)
