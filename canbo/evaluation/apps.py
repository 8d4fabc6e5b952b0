from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "canbo.evaluation"
    label = "evaluation"
    verbose_name = _("Evaluation")

    def ready(self) -> None:
        from canbo.core import inbox
        from canbo.evaluation.inbox import evaluation_inbox
        from canbo.evaluation.services import absence
        from canbo.people.signals import leave_changed, leave_locked_months

        leave_changed.connect(absence.on_leave_changed, dispatch_uid="evaluation.sync_worked")
        leave_locked_months.connect(absence.locked_months, dispatch_uid="evaluation.locked_months")
        inbox.register(evaluation_inbox)
        from canbo.evaluation.services.periods import locked_pairs
        from canbo.work.signals import locked_pairs_requested

        locked_pairs_requested.connect(locked_pairs, dispatch_uid="evaluation.locked_pairs")
        from canbo.cadre.signals import classifications_requested
        from canbo.evaluation.services.annual import annual_classifications

        classifications_requested.connect(
            annual_classifications, dispatch_uid="evaluation.classifications"
        )
