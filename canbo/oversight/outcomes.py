"""What a finding or a complaint case led to: a conclusion or a disciplinary decision in the
cadre registers. One rule for linking (for findings and cases alike) and one way a form names
the record ("c:<id>" for a conclusion, "d:<id>" for a decision)."""

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy

from canbo.cadre.models import Conclusion, PersonnelDecision
from canbo.core import audit
from canbo.core.access import can
from canbo.oversight.errors import OversightError
from canbo.people.models import Person


class OutcomeLinks(models.Model):
    """The discipline or conclusion a record led to (and through it the classification)."""

    decision = models.ForeignKey(
        PersonnelDecision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=gettext_lazy("disciplinary decision"),
    )
    conclusion = models.ForeignKey(
        Conclusion,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=gettext_lazy("conclusion"),
    )

    class Meta:
        abstract = True


def record_choices(user, person_ids) -> dict[int, list[tuple[str, str]]]:
    """Per person, the conclusions and decisions the user may tie a record to."""
    if not can(user, "cadre.manage") or not person_ids:
        return {}
    people = Person.objects.visible_to(user).filter(pk__in=person_ids)
    choices: dict[int, list[tuple[str, str]]] = {}
    for prefix, model in (("c", Conclusion), ("d", PersonnelDecision)):
        for record in model.objects.filter(person__in=people):
            choices.setdefault(record.person_id, []).append((f"{prefix}:{record.pk}", str(record)))
    return choices


def posted_record(request) -> dict:
    """The record named by the form's "record" field, as link_outcome's keyword; 404 when it
    is malformed or names a record of a person the user may not see."""
    kind, _sep, ident = request.POST.get("record", "").partition(":")
    if kind not in ("c", "d") or not ident.isdigit():
        raise Http404
    people = Person.objects.visible_to(request.user)
    model = Conclusion if kind == "c" else PersonnelDecision
    record = get_object_or_404(model.objects.filter(person__in=people), pk=int(ident))
    return {"conclusion": record} if kind == "c" else {"decision": record}


def link_outcome(actor, item, action: str, message: str, conclusion=None, decision=None):
    """Tie `item` (a finding or a case) to its outcome: the personnel office only, and only a
    record about the person the item names. Raises OversightError(message) otherwise."""
    if not can(actor, "cadre.manage"):
        raise PermissionDenied
    record = conclusion or decision
    if record is None or item.person_id is None or record.person_id != item.person_id:
        raise OversightError(message)
    before = {"conclusion": item.conclusion_id, "decision": item.decision_id}
    if conclusion is not None:
        item.conclusion = conclusion
    if decision is not None:
        item.decision = decision
    item.save(update_fields=["conclusion", "decision"])
    after = {"conclusion": item.conclusion_id, "decision": item.decision_id}
    audit.record(actor, action, item, before, after)
    return item
