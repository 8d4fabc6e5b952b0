"""One definition per workflow rule: the approval board lists exactly the sheets the sheet
page lets a person approve, and the sheet page offers a step only in the states its service
accepts."""

from django.contrib.auth.models import User

from canbo.core.roles import Role
from canbo.evaluation.choices import STEP_FROM, SheetStatus
from canbo.evaluation.models import EvaluationSheet
from canbo.evaluation.permissions import approvable_sheets, can_approve
from canbo.evaluation.services.sheets import approve_sheet
from tests.factories import make_person, make_user


def test_the_board_and_the_sheet_page_apply_one_approval_rule(world, period):
    vice = make_person("TP-9", "Phó Chủ tịch", world.tanphong, world.head_title, None)
    users = [world.users[k] for k in ("chair", "head", "personnel", "outsider")]
    users.append(make_user("vice", Role.VICE_CHAIRMAN, world.tanphong, vice))
    EvaluationSheet.objects.create(person=vice, period=period)
    period.sheets.update(status=SheetStatus.REVIEWED)
    sheets = list(EvaluationSheet.objects.filter(period=period))
    assert len(sheets) >= 6
    for user in users:
        board = set(approvable_sheets(user).values_list("pk", flat=True))
        if user.profile.role in (Role.CHAIRMAN, Role.VICE_CHAIRMAN):
            assert board == {s.pk for s in sheets if can_approve(user, s)}, user.username
        else:
            assert board == set(), user.username  # the board is the commune leaders' page
    chair = world.users["chair"]
    assert approvable_sheets(chair).count() >= 5  # the comparison above is not of empty sets
    assert world.people["chair"].pk not in {
        s.person_id for s in approvable_sheets(chair)
    }  # never one's own


def test_a_step_is_refused_by_its_service_outside_its_states(world, period):
    import pytest

    from canbo.evaluation.errors import EvaluationError

    sheet = EvaluationSheet.objects.get(period=period, person=world.people["staff"])
    chair = User.objects.get(username="chair")
    for status in SheetStatus.values:
        EvaluationSheet.objects.filter(pk=sheet.pk).update(status=status)
        sheet.refresh_from_db()
        if status in STEP_FROM["approve"]:
            continue
        with pytest.raises(EvaluationError, match="không thể thực hiện bước này"):
            approve_sheet(chair, sheet, version=sheet.version)
