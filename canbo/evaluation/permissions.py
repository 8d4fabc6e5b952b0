"""Who may act on a sheet. Rows are first limited by `visible_to`; these add the role rules."""

from canbo.core.access import scope_for
from canbo.core.roles import Role
from canbo.evaluation.models import EvaluationSheet

UNIT_REVIEWERS = {Role.UNIT_HEAD, Role.UNIT_DEPUTY}
COMMUNE_LEADERS = {Role.CHAIRMAN, Role.VICE_CHAIRMAN}
PERIOD_MANAGERS = {Role.PERSONNEL_COMMUNE, Role.PERSONNEL_PROVINCE, Role.ADMIN}
# The People's Committee chairman's own sheet is approved at the province.
CHAIRMAN_TITLE_CODE = "CHU_TICH"


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


def can_review(user, sheet: EvaluationSheet) -> bool:
    role = scope_for(user).role
    if _is_own(user, sheet) or not _visible(user, sheet):
        return False
    if role in COMMUNE_LEADERS:
        return True
    return role in UNIT_REVIEWERS and not _reviewed_by_commune_leaders(sheet)


def can_approve(user, sheet: EvaluationSheet) -> bool:
    """The commune chairman (or an authorised vice chairman) approves commune civil servants;
    the chairman's own sheet is approved at the province."""
    role = scope_for(user).role
    if _is_own(user, sheet) or not _visible(user, sheet):
        return False
    if sheet.person.title_id and sheet.person.title.code == CHAIRMAN_TITLE_CODE:
        return role == Role.PERSONNEL_PROVINCE
    return role in COMMUNE_LEADERS


def can_manage_periods(user) -> bool:
    return scope_for(user).role in PERIOD_MANAGERS


def can_resolve_complaint(user, sheet: EvaluationSheet) -> bool:
    return can_approve(user, sheet)
