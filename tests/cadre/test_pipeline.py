"""Key titles, the single-holder rule on rotations, recruitment and the talent pool."""

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from canbo.cadre.errors import CadreError
from canbo.cadre.models import (
    RecruitmentCandidate,
    RecruitmentPosition,
    RecruitmentRound,
    RotationRecord,
    TalentRecord,
    TalentStatus,
)
from canbo.cadre.services.appointment import appoint_candidate
from canbo.cadre.services.pipeline import key_title_rows
from canbo.cadre.services.recruitment import move_talent_to_recruitment
from canbo.cadre.services.rotation import decide_rotation, propose_rotation
from canbo.core.models import AuditEntry
from canbo.org.choices import Education
from canbo.org.models import StaffingQuota
from canbo.people.models import Person, Post
from tests.cadre.conftest import TODAY
from tests.factories import make_person


@pytest.fixture
def dk_chair(world):
    world.chair_title.single_holder = True
    world.chair_title.save()
    return make_person("DK-9", "Lò Văn Chung", world.doanket, world.chair_title, None)


def _current_chairs(org):
    return set(
        Post.objects.filter(title__code="CHU_TICH", organization=org, end__isnull=True).values_list(
            "person__code", flat=True
        )
    )


def test_rotation_into_an_occupied_chair_is_refused_with_a_question(world, dk_chair):
    deputy = world.people["head"]
    record = propose_rotation(
        None, deputy, "rotation", world.doanket, world.chair_title, today=TODAY
    )
    with pytest.raises(CadreError) as error:
        decide_rotation(None, record, "12/QĐ-UBND", TODAY, TODAY)
    assert "Lò Văn Chung" in error.value.message and "Phường Đoàn Kết" in error.value.message
    record.refresh_from_db()
    assert record.status == "proposed" and _current_chairs(world.doanket) == {"DK-9"}
    deputy.refresh_from_db()
    assert deputy.organization == world.tp_office


def test_rotation_that_ends_the_incumbent_leaves_one_chairman(world, dk_chair):
    record = propose_rotation(
        None, world.people["head"], "rotation", world.doanket, world.chair_title, today=TODAY
    )
    decide_rotation(None, record, "12/QĐ-UBND", TODAY, TODAY, end_incumbent=True)
    assert _current_chairs(world.doanket) == {"TP-4"}
    dk_chair.refresh_from_db()
    assert dk_chair.title is None and dk_chair.posts.get(title=world.chair_title).end == TODAY
    assert AuditEntry.objects.filter(action="people.end_post", object_id=str(dk_chair.pk))


def test_decide_page_asks_about_the_incumbent(world, dk_chair, login):
    record = propose_rotation(
        None, world.people["head"], "rotation", world.doanket, world.chair_title, today=TODAY
    )
    client = login(world.users["personnel"])
    url = f"/cadre/rotations/{record.pk}/decide/"
    assert "Lò Văn Chung" in client.get(url).content.decode()
    data = {
        "decision_number": "12/QĐ-UBND",
        "decision_date": "2026-03-01",
        "effective_date": "2026-03-01",
    }
    response = client.post(url, data)
    assert response.status_code == 200 and "Lò Văn Chung" in response.content.decode()
    assert _current_chairs(world.doanket) == {"DK-9"}
    assert client.post(url, data | {"end_incumbent": "on"}).status_code == 302
    assert _current_chairs(world.doanket) == {"TP-4"}
    assert RotationRecord.objects.get(pk=record.pk).status == "decided"


def test_key_titles_local_and_vacant(world):
    chair = world.people["chair"]
    chair.hometown = world.tanphong
    chair.save()
    rows = key_title_rows([world.tanphong, world.doanket])
    by = {(r.commune.name, r.title.code): r for r in rows}
    assert by[("Phường Tân Phong", "CHU_TICH")].local is True
    assert by[("Phường Đoàn Kết", "CHU_TICH")].vacant is True


def test_key_titles_page_and_export_stay_in_the_commune(world, login):
    world.people["chair"].hometown = world.tanphong
    world.people["chair"].save()
    client = login(world.users["chair"])
    html = client.get("/cadre/key-titles/").content.decode()
    assert "Lê Văn Bình" in html and "Phường Đoàn Kết" not in html
    book = load_workbook(io.BytesIO(client.get("/cadre/key-titles/?format=xlsx").content))
    values = [c.value for row in book.worksheets[0].iter_rows() for c in row]
    assert "Lê Văn Bình" in values and "Phường Đoàn Kết" not in values
    everything = login(world.users["personnel"]).get("/cadre/key-titles/?show=all")
    assert "Phường Đoàn Kết" in everything.content.decode()


@pytest.fixture
def recruitment(world):
    StaffingQuota.objects.create(organization=world.tanphong, job_position=world.position, quota=5)
    rnd = RecruitmentRound.objects.create(
        name="Tuyển dụng 2026", year=2026, organization=world.tanphong, status="open"
    )
    position = RecruitmentPosition.objects.create(
        round=rnd, organization=world.tp_office, job_position=world.position, places=1
    )
    candidate = RecruitmentCandidate.objects.create(
        position=position,
        full_name="Lò Văn Thắng",
        gender="male",
        ethnicity="thai",
        hometown=world.tanphong,
        education=Education.UNIVERSITY,
        passed=True,
        id_number="098765432109",
    )
    return candidate


def test_appointing_a_candidate_creates_the_person_and_the_post(world, recruitment):
    person = appoint_candidate(None, recruitment, "TP-20", date(2026, 3, 1), "5/QĐ-UBND", TODAY)
    assert person.organization == world.tp_office and person.job_position == world.position
    assert person.posts.get().decision == "5/QĐ-UBND" and person.id_number == "098765432109"
    recruitment.refresh_from_db()
    assert recruitment.person == person and recruitment.local and recruitment.ethnic_minority


@pytest.mark.parametrize(
    "change, message",
    [
        ({"education": Education.VOCATIONAL}, "tiêu chuẩn"),
    ],
)
def test_candidate_without_the_qualification_is_refused(world, recruitment, change, message):
    RecruitmentCandidate.objects.filter(pk=recruitment.pk).update(**change)
    recruitment.refresh_from_db()
    with pytest.raises(CadreError) as error:
        appoint_candidate(None, recruitment, "TP-20", date(2026, 3, 1), "5/QĐ-UBND", TODAY)
    assert message in error.value.message
    assert not Person.objects.filter(code="TP-20").exists()


def test_appointment_over_the_staffing_quota_is_refused(world, recruitment):
    StaffingQuota.objects.filter(organization=world.tanphong).update(quota=4)  # 4 in post
    with pytest.raises(CadreError) as error:
        appoint_candidate(None, recruitment, "TP-20", date(2026, 3, 1), "5/QĐ-UBND", TODAY)
    assert "vượt biên chế" in error.value.message or "biên chế" in error.value.message
    assert not Person.objects.filter(code="TP-20").exists()
    assert RecruitmentCandidate.objects.get(pk=recruitment.pk).person is None


def test_duplicate_id_number_and_future_start_are_refused(world, recruitment):
    Person.objects.filter(pk=world.people["staff"].pk).update(id_number="098765432109")
    with pytest.raises(CadreError) as error:
        appoint_candidate(None, recruitment, "TP-20", date(2026, 3, 1), "5/QĐ-UBND", TODAY)
    assert "098765432109" in error.value.message
    with pytest.raises(CadreError):
        appoint_candidate(None, recruitment, "TP-20", date(2026, 4, 1), "5/QĐ-UBND", TODAY)
    assert not Person.objects.filter(code="TP-20").exists()


def test_appoint_page_shows_the_refusal(world, recruitment, login):
    RecruitmentCandidate.objects.filter(pk=recruitment.pk).update(education=Education.SECONDARY)
    client = login(world.users["personnel"])
    response = client.post(
        f"/cadre/recruitment/candidates/{recruitment.pk}/appoint/",
        {"code": "TP-20", "start": "2026-03-01", "decision": "5/QĐ-UBND"},
    )
    assert response.status_code == 200 and "tiêu chuẩn" in response.content.decode()
    assert not Person.objects.filter(code="TP-20").exists()


def test_graduate_moves_to_recruitment_in_one_step(world, recruitment, login):
    talent = TalentRecord.objects.create(
        year=2026,
        full_name="Vàng Thị Dung",
        gender="female",
        ethnicity="mong",
        origin=world.tanphong,
        school="ĐH Thái Nguyên",
        major="Văn thư lưu trữ",
        field="archives",
        graduation_year=2026,
        status=TalentStatus.GRADUATED,
    )
    client = login(world.users["personnel"])
    response = client.post(
        f"/cadre/talent/{talent.pk}/recruit/", {"position": recruitment.position_id}
    )
    assert response.status_code == 302
    candidate = RecruitmentCandidate.objects.get(talent=talent)
    assert candidate.hometown == world.tanphong and candidate.full_name == "Vàng Thị Dung"
    talent.refresh_from_db()
    assert talent.status == TalentStatus.RECRUITING
    with pytest.raises(CadreError):
        move_talent_to_recruitment(None, talent, recruitment.position)


def test_lists_of_another_commune_never_show(world, recruitment, login):
    TalentRecord.objects.create(
        year=2026,
        full_name="Tẩn Thị Mẩy",
        gender="female",
        ethnicity="dao",
        origin=world.doanket,
        school="ĐH Sư phạm",
        major="Toán",
        field="general",
        graduation_year=2027,
    )
    dk_round = RecruitmentRound.objects.create(
        name="Tuyển dụng Đoàn Kết", year=2026, organization=world.doanket
    )
    StaffingQuota.objects.create(organization=world.doanket, job_position=world.position, quota=9)
    client = login(world.users["chair"])
    assert "Tẩn Thị Mẩy" not in client.get("/cadre/talent/?year=2026").content.decode()
    assert "Tuyển dụng Đoàn Kết" not in client.get("/cadre/recruitment/").content.decode()
    needs = client.get("/cadre/recruitment/needs/").content.decode()
    assert "Phường Đoàn Kết" not in needs and "Phường Tân Phong" in needs
    assert client.get(f"/cadre/recruitment/{dk_round.pk}/").status_code == 404
    everything = login(world.users["personnel"])
    assert "Tẩn Thị Mẩy" in everything.get("/cadre/talent/?year=2026").content.decode()


def test_round_decision_needs_its_number_and_no_future_date(world, recruitment, login):
    client = login(world.users["personnel"])
    url = f"/cadre/recruitment/{recruitment.position.round_id}/edit/"
    data = {
        "status": "decided",
        "plan": "Kế hoạch",
        "decision_number": "",
        "decision_date": "2026-02-01",
    }
    assert client.post(url, data).status_code == 200
    assert (
        client.post(
            url, data | {"decision_number": "7/QĐ-UBND", "decision_date": "2026-12-01"}
        ).status_code
        == 200
    )
    rnd = RecruitmentRound.objects.get(pk=recruitment.position.round_id)
    assert rnd.status == "open" and rnd.decision_number == ""
    assert client.post(url, data | {"decision_number": "7/QĐ-UBND"}).status_code == 302
    rnd.refresh_from_db()
    assert (rnd.status, rnd.decision_number) == ("decided", "7/QĐ-UBND")
    assert AuditEntry.objects.filter(action="cadre.update_recruitment_round").exists()
