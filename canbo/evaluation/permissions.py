"""Who may act on a sheet. Rows are first limited by `visible_to`; these add the role rules."""

from canbo.core.access import scope_for
from canbo.core.roles import Role
from canbo.evaluation.choices import PeriodStatus, SheetStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.services.leaders import CHAIRMAN, VICE_CHAIRMAN, leader_kind

UNIT_REVIEWERS = {Role.UNIT_HEAD, Role.UNIT_DEPUTY}
COMMUNE_LEADERS = {Role.CHAIRMAN, Role.VICE_CHAIRMAN}
PERIOD_MANAGERS = {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN}


def _visible(user, sheet: EvaluationSheet) -> bool:
    return EvaluationSheet.objects.visible_to(user).filter(pk=sheet.pk).exists()


def _is_own(user, sheet: EvaluationSheet) -> bool:
    return scope_for(user).person_id == sheet.person_id


def _reviewed_by_commune_leaders(sheet: EvaluationSheet) -> bool:
    """Leaders' sheets, and those of people attached to the commune itself, go up a level."""
    org = sheet.person.organization
    return sheet.is_leader or (org is not None and org.is_commune)


def can_self_assess(user, sheet: EvaluationSheet) -> bool:
    return _is_own(user, sheet)


def _superior_rule(role: str, sheet: EvaluationSheet) -> bool | None:
    """Nobody reviews or approves their own superior: the chairman's sheet goes to the
    province, a vice chairman's to the chairman. None: the ordinary rules apply."""
    kind = leader_kind(sheet.person) if sheet.is_leader else None
    if kind == CHAIRMAN:
        return role == Role.PERSONNEL_PROVINCE
    if kind == VICE_CHAIRMAN:
        return role == Role.CHAIRMAN
    return None


def can_review(user, sheet: EvaluationSheet) -> bool:
    role = scope_for(user).role
    if _is_own(user, sheet) or not _visible(user, sheet):
        return False
    superior = _superior_rule(role, sheet)
    if superior is not None:
        return superior
    if role in COMMUNE_LEADERS:
        return True
    return role in UNIT_REVIEWERS and not _reviewed_by_commune_leaders(sheet)


def can_approve(user, sheet: EvaluationSheet) -> bool:
    return _visible(user, sheet) and _may_approve(scope_for(user), sheet)


def _may_approve(scope, sheet: EvaluationSheet) -> bool:
    """The one approval rule (for a sheet the user can see): the commune chairman (or an
    authorised vice chairman) approves commune civil servants; the chairman's own sheet is
    approved at the province, a vice chairman's by the chairman; never one's own."""
    if scope.person_id == sheet.person_id:
        return False
    superior = _superior_rule(scope.role, sheet)
    if superior is not None:
        return superior
    return scope.role in COMMUNE_LEADERS


def can_manage_periods(user) -> bool:
    return scope_for(user).role in PERIOD_MANAGERS


def can_resolve_complaint(user, sheet: EvaluationSheet) -> bool:
    return can_approve(user, sheet)


def approvable_sheets(user):
    """Reviewed sheets of open periods this commune leader may approve on the board: the
    sheets `can_approve` allows (the same rule, read once per candidate)."""
    scope = scope_for(user)
    sheets = EvaluationSheet.objects.visible_to(user).filter(
        status=SheetStatus.REVIEWED, period__status=PeriodStatus.OPEN
    )
    if scope.role not in COMMUNE_LEADERS:
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
    return sheets.filter(pk__in=[s.pk for s in candidates if _may_approve(scope, s)])
