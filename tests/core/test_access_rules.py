"""The rules core/access/ took over from views and services: each fails if its rule breaks.

Rules written for any rows are tried on the organisation tree itself (path="path")."""

from datetime import date

import pytest
from django.contrib.auth.models import AnonymousUser

from canbo.core import access
from canbo.core.roles import Role
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.models import Task
from canbo.work.task_services import assign_task
from tests.factories import make_user

ORGS = Organization.objects


def _names(rows) -> set[str]:
    return {row.name for row in rows}


def _pks(rows) -> set[int]:
    return {row.pk for row in rows}


def test_periods_and_clients_follow_the_visible_structure(world):
    from canbo.evaluation.models import EvaluationPeriod
    from canbo.evaluation.services.periods import open_period

    for ward in (world.tanphong, world.doanket):
        open_period(world.users["personnel"], ward, date(2026, 10, 1))
    chair = EvaluationPeriod.objects.visible_to(world.users["chair"])
    assert {p.organization for p in chair} == {world.tanphong}
    assert EvaluationPeriod.objects.visible_to(world.users["personnel"]).count() == 2
    rows = access.visible_org_rows(ORGS.all(), world.users["head"], "path")
    assert world.doanket not in rows and world.tp_economy in rows  # the commune's structure


def test_kept_payloads_are_those_of_the_writable_subtree(world):
    from canbo.integration.imports.models import RejectedPayload

    for org in (world.tp_office, world.tp_economy, world.dk_office, None):
        RejectedPayload.objects.create(organization=org, endpoint="upload", body=b"")
    seen = access.visible_payloads(RejectedPayload.objects.all(), world.users["head"])
    assert {p.organization for p in seen} == {world.tp_office}  # not the other unit's
    everything = access.visible_payloads(RejectedPayload.objects.all(), world.users["personnel"])
    assert everything.count() == 4  # an orphan payload only province-wide
    assert not access.visible_payloads(RejectedPayload.objects.all(), world.users["staff"]).filter(
        organization__isnull=True
    )


def test_opening_a_period_needs_the_organisation_in_ones_own_subtree(world):
    head, chair, personnel = (world.users[k] for k in ("head", "chair", "personnel"))
    assert access.in_own_subtree(head, world.tp_office.path)
    assert not access.in_own_subtree(head, world.tp_economy.path)
    assert not access.in_own_subtree(head, world.tanphong.path)  # above the unit
    assert access.in_own_subtree(chair, world.tp_economy.path)
    assert not access.in_own_subtree(chair, world.doanket.path)
    assert access.in_own_subtree(personnel, world.doanket.path)
    assert not access.in_own_subtree(AnonymousUser(), world.tp_office.path)


def test_own_organisation_and_home_commune(world):
    head, chair, personnel = (world.users[k] for k in ("head", "chair", "personnel"))
    assert access.own_org(ORGS.all(), head) == world.tp_office
    assert access.own_org(ORGS.all(), head, commune=True) == world.tanphong
    assert access.own_org(ORGS.all(), personnel) is None  # province-wide: no own screen
    assert access.home_commune(ORGS.all(), head) == world.tanphong
    assert access.home_commune(ORGS.all(), chair) == world.tanphong
    assert access.home_commune(ORGS.all(), personnel) == world.province
    assert access.home_commune(ORGS.all(), world.users["outsider"]) == world.doanket


def test_within_narrows_and_never_grants(world):
    head = world.users["head"]
    people = access.within(Person.objects.visible_to(head), world.doanket.path)
    assert not people.exists()
    staff = access.within(Person.objects.visible_to(head), world.tp_office.path)
    assert world.people["staff"] in staff and world.people["economy"] not in staff


def _tasks(world):
    return {
        key: assign_task(
            None,
            name=f"Việc {key}",
            assignee=world.people[key],
            assigned_date=date(2026, 10, 2),
            coefficient=1,
        )
        for key in ("staff", "head", "outsider")
    }


def test_own_rows_and_the_rows_of_others(world):
    tasks = _tasks(world)
    head = world.users["head"]
    mine = access.own_rows(Task.objects.all(), head, "assignee_id")
    assert _pks(mine) == {tasks["head"].pk}
    others = access.not_own(Task.objects.visible_to(head), head, "assignee_id")
    assert _pks(others) == {tasks["staff"].pk}
    # An administrator has no civil-servant record: no own rows, and nothing excluded.
    assert not access.own_rows(Task.objects.all(), world.users["admin"], "assignee_id")
    assert access.not_own(Task.objects.all(), world.users["admin"], "assignee_id").count() == 3


def test_judging_is_for_others_rows_only(world):
    tasks = _tasks(world)
    head = world.users["head"]
    assert access.is_own(head, tasks["head"].assignee_id)
    assert access.can_for_other(head, "work.tasks.judge", tasks["staff"].assignee_id)
    assert not access.can_for_other(head, "work.tasks.judge", tasks["head"].assignee_id)
    staff = world.users["staff"]  # a civil servant judges nobody's
    assert not access.can_for_other(staff, "work.tasks.judge", tasks["head"].assignee_id)


def test_made_by_is_the_users_own_uploads(world):
    from canbo.integration.imports.models import ImportBatch

    for key in ("head", "chair"):
        ImportBatch.objects.create(
            kind="tasks", file_name=key, content=b"", sha256="0", uploaded_by=world.users[key]
        )
    batches = ImportBatch.objects.all()
    assert [b.file_name for b in access.made_by(batches, world.users["head"], "uploaded_by")] == [
        "head"
    ]
    assert not access.made_by(batches, AnonymousUser(), "uploaded_by")


def test_plan_actions_are_updated_by_their_owner_agency(world):
    reporter = make_user("reporter", Role.PLAN_REPORTER, world.tanphong)
    owned = access.owned_actions(ORGS.all(), reporter, "path")
    assert world.tp_office in owned and world.doanket not in owned
    assert access.owned_actions(ORGS.all(), world.users["admin"], "path").count() == ORGS.count()
    personnel = access.owned_actions(ORGS.all(), world.users["personnel"], "path")
    assert _names(personnel) == {"Sở Nội vụ"}  # its own agency, not the whole province


def test_cases_are_handled_by_the_body_and_its_members(world):
    personnel = world.users["personnel"]  # at the Sở Nội vụ, under the province
    handled = access.handled_cases(ORGS.all(), personnel, "path")
    assert _names(handled) == {"Sở Nội vụ", "Tỉnh Lai Châu"}  # the body or one above it
    assert access.handles_case(personnel, world.province.path)
    assert not access.handles_case(personnel, world.tanphong.path)
    chair = world.users["chair"]  # reads complaints, does not handle them
    assert not access.handled_cases(ORGS.all(), chair, "path")
    assert not access.handles_case(chair, world.tanphong.path)


@pytest.mark.parametrize(
    ("capability", "roles"),
    [
        ("evaluation.review_unit", {Role.UNIT_HEAD, Role.UNIT_DEPUTY}),
        ("evaluation.review_commune", {Role.CHAIRMAN, Role.VICE_CHAIRMAN}),
        ("evaluation.approve", {Role.CHAIRMAN, Role.VICE_CHAIRMAN}),
        ("evaluation.approve_chairman", {Role.PERSONNEL_PROVINCE}),
        ("evaluation.approve_vice_chairman", {Role.CHAIRMAN}),
        ("evaluation.annual.decide", {Role.CHAIRMAN}),
        ("oversight.plan.update_all", {Role.ADMIN}),
        ("admin.site", {Role.ADMIN}),
    ],
)
def test_the_role_rules_moved_into_the_capability_table(capability, roles):
    from canbo.core.roles import CAPABILITIES

    assert CAPABILITIES[capability] == roles


def test_kept_payloads_are_for_importers_and_integration_managers():
    from canbo.core.roles import CAPABILITIES

    assert CAPABILITIES["integration.payloads"] == (
        CAPABILITIES["integration.import"] | CAPABILITIES["integration.manage"]
    )


def test_a_unit_head_sees_only_the_units_sheets_on_the_review_board(client, world):
    from canbo.evaluation.services.periods import open_period

    open_period(world.users["personnel"], world.tanphong, date(2026, 10, 1))
    client.force_login(world.users["head"])
    board = client.get("/evaluation/review/", {"month": "2026-10"}).content.decode()
    assert "Nguyễn Văn An" in board  # the unit's civil servant
    assert "Giàng A Páo" not in board  # the other unit's (Phòng Kinh tế)
    client.force_login(world.users["chair"])
    board = client.get("/evaluation/review/", {"month": "2026-10"}).content.decode()
    assert "Nguyễn Văn An" in board and "Giàng A Páo" in board  # the whole commune
