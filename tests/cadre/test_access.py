"""Scope: a Đoàn Kết officer neither sees nor writes for Tân Phong; civil servants see only
their own records; forged POSTs are 404 with nothing written."""

from datetime import date

import pytest
from django.urls import reverse

from canbo.cadre.models import (
    DecisionKind,
    Enrolment,
    PersonnelDecision,
    PlanningCandidate,
    RotationRecord,
)
from canbo.cadre.services.planning import create_term
from canbo.cadre.services.records import record_decision
from canbo.cadre.services.training import enrol_person


@pytest.fixture
def dk(login, dk_personnel):
    return login(dk_personnel)


def test_doanket_officer_lists_only_doanket_people(dk, world, it_person):
    for name in ("cadre:gap_people", "cadre:candidates", "cadre:enrolments"):
        body = dk.get(reverse(name)).content.decode()
        assert "Vàng Văn Tính" not in body, name
    assert dk.get(reverse("cadre:person", args=[it_person.pk])).status_code == 404
    own = world.people["outsider"]
    assert dk.get(reverse("cadre:person", args=[own.pk])).status_code == 200


def test_doanket_officer_cannot_post_for_tanphong_people(dk, world, it_class, it_person):
    term = create_term(None, 2026)
    target = it_person.pk
    posts = [
        (reverse("cadre:enrol", args=[it_class.pk]), {"person": target}),
        (
            reverse("cadre:candidate_add"),
            {
                "term": term.pk,
                "title": world.head_title.pk,
                "organization": world.doanket.pk,
                "person": target,
                "reason": "x",
            },
        ),
        (
            reverse("cadre:rotation_new"),
            {
                "person": target,
                "kind": "transfer",
                "to_org": world.dk_office.pk,
                "action": "propose",
            },
        ),
        (
            reverse("cadre:decision_new"),
            {
                "person": target,
                "kind": "khien_trach",
                "decision_number": "1",
                "decision_date": "2026-01-01",
                "issuing_authority": "UBND",
            },
        ),
        (reverse("cadre:enrol", args=[it_class.pk]), {"person": "abc"}),
    ]
    for url, data in posts:
        assert dk.post(url, data).status_code == 404, url
    for model in (Enrolment, PlanningCandidate, RotationRecord, PersonnelDecision):
        assert not model.objects.exists(), model


def test_doanket_officer_cannot_update_a_tanphong_enrolment(dk, it_class, it_person):
    enrolment = enrol_person(None, it_class, it_person)
    url = reverse("cadre:enrolment_update", args=[enrolment.pk])
    response = dk.post(url, {"status": "completed", "completed_on": "2026-05-01"})
    assert response.status_code == 404
    enrolment.refresh_from_db()
    assert enrolment.status == "enrolled"


def test_doanket_officer_can_work_in_own_ward(dk, world, it_class):
    own = world.people["outsider"]
    response = dk.post(reverse("cadre:enrol", args=[it_class.pk]), {"person": own.pk})
    assert response.status_code == 302
    assert Enrolment.objects.filter(person=own).exists()


def test_civil_servant_sees_only_own_records(login, world, it_class, it_person):
    enrol_person(None, it_class, it_person)
    enrol_person(None, it_class, world.people["staff"])
    for person in (world.people["staff"], world.people["colleague"]):
        record_decision(
            None, person, DecisionKind.GIAY_KHEN, f"G-{person.pk}", date(2026, 1, 5), "UBND phường"
        )
    client = login(world.users["staff"])
    body = client.get(reverse("cadre:enrolments")).content.decode()
    assert "Nguyễn Văn An" in body and "Vàng Văn Tính" not in body
    body = client.get(reverse("cadre:decisions")).content.decode()
    assert f"G-{world.people['staff'].pk}" in body
    assert f"G-{world.people['colleague'].pk}" not in body
    assert client.get(reverse("cadre:gaps")).status_code == 403
    assert (
        client.post(
            reverse("cadre:enrol", args=[it_class.pk]), {"person": world.people["staff"].pk}
        ).status_code
        == 403
    )


def test_chairman_reads_but_does_not_write(login, world, it_class):
    client = login(world.users["chair"])
    assert client.get(reverse("cadre:candidates")).status_code == 200
    response = client.post(
        reverse("cadre:enrol", args=[it_class.pk]), {"person": world.people["staff"].pk}
    )
    assert response.status_code == 403
    assert not Enrolment.objects.exists()
