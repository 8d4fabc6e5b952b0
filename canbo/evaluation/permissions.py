"""Who may act on a sheet. Rows are first limited by `visible_to`; these add the sheet's own
rules (whose sheet it is, who reviews a leader) over the capabilities of `core/roles.py`."""

from canbo.core.access import can, is_own
from canbo.evaluation.choices import PeriodStatus, SheetStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.leaders import CHAIRMAN, VICE_CHAIRMAN, leader_kind


def _visible(user, sheet: EvaluationSheet) -> bool:
    return EvaluationSheet.objects.visible_to(user).filter(pk=sheet.pk).exists()


def _reviewed_by_commune_leaders(sheet: EvaluationSheet) -> bool:
    """Leaders' sheets, and those of people attached to the commune itself, go up a level."""
    org = sheet.person.organization
    return sheet.is_leader or (org is not None and org.is_commune)


def can_self_assess(user, sheet: EvaluationSheet) -> bool:
    return is_own(user, sheet.person_id)


# Nobody reviews or approves their own superior: who does it for a chairman's and a vice
# chairman's sheet (capabilities of core/roles.py).
SUPERIOR = {
    CHAIRMAN: "evaluation.approve_chairman",
    VICE_CHAIRMAN: "evaluation.approve_vice_chairman",
}


def _superior_rule(user, sheet: EvaluationSheet) -> bool | None:
    """For a chairman's or vice chairman's sheet, whether the user is their superior; None:
    the ordinary rules apply."""
    kind = leader_kind(sheet.person) if sheet.is_leader else None
    return can(user, SUPERIOR[kind]) if kind in SUPERIOR else None


def can_review(user, sheet: EvaluationSheet) -> bool:
    if is_own(user, sheet.person_id) or not _visible(user, sheet):
        return False
    superior = _superior_rule(user, sheet)
    if superior is not None:
        return superior
    if can(user, "evaluation.review_commune"):
        return True
    return can(user, "evaluation.review_unit") and not _reviewed_by_commune_leaders(sheet)


def can_approve(user, sheet: EvaluationSheet) -> bool:
    return _visible(user, sheet) and _may_approve(user, sheet)


def _may_approve(user, sheet: EvaluationSheet) -> bool:
    """The one approval rule (for a sheet the user can see): the commune chairman (or an
    authorised vice chairman) approves commune civil servants; the chairman's own sheet is
    approved at the province, a vice chairman's by the chairman; never one's own."""
    if is_own(user, sheet.person_id):
        return False
    superior = _superior_rule(user, sheet)
    if superior is not None:
        return superior
    return can(user, "evaluation.approve")


def can_manage_periods(user) -> bool:
    return can(user, "evaluation.periods")


def can_resolve_complaint(user, sheet: EvaluationSheet) -> bool:
    return can_approve(user, sheet)


def approvable_sheets(user):
    """Reviewed sheets of open periods this commune leader may approve on the board: the
    sheets `can_approve` allows (the same rule, read once per candidate)."""
    sheets = EvaluationSheet.objects.visible_to(user).filter(
        status=SheetStatus.REVIEWED, period__status=PeriodStatus.OPEN
    )
    if not can(user, "evaluation.approve"):
        return sheets.none()
    candidates = sheets.select_related("person__organization", "person__title").only(
        "pk",
        "person_id",
        "is_leader",
        "person__organization__kind",
        "person__organization__path",
        "person__title__rank",
        "person__title__is_leader",
    )
    return sheets.filter(pk__in=[s.pk for s in candidates if _may_approve(user, s)])
