"""The citizen's phone number: kept apart, shown only to those who follow up, deletable."""

from canbo.core.models import AuditEntry
from canbo.feedback import tokens
from canbo.feedback.models import CitizenContact, Dossier
from canbo.feedback.rating import RatingInput, submit_rating


def test_phone_seen_by_head_not_by_officer_and_deleted(october, login):
    dossier = Dossier.objects.get(code="TP-8")  # not rated in the fixture
    rating = submit_rating(
        tokens.dossier_token(dossier.pk),
        RatingInput(level=1, comment="Thái độ không tốt", wants_answer=True, phone="0987654321"),
    )
    assert CitizenContact.objects.get(rating=rating).phone == "0987654321"
    staff_page = login(october.users["staff"]).get("/feedback/comments/").content.decode()
    assert "Thái độ không tốt" in staff_page and "0987654321" not in staff_page
    head = login(october.users["head"])
    assert "0987654321" in head.get("/feedback/comments/").content.decode()
    assert (
        login(october.users["staff"])
        .post(f"/feedback/ratings/{rating.pk}/contact/delete/")
        .status_code
        == 403
    )
    head = login(october.users["head"])  # the same test client, logged in again
    assert head.post(f"/feedback/ratings/{rating.pk}/contact/delete/").status_code == 302
    assert not CitizenContact.objects.filter(rating=rating).exists()
    entry = AuditEntry.objects.get(action="feedback.delete_contact")
    assert "0987654321" not in str(entry.changes)


def test_phone_numbers_past_the_retention_period_are_deleted(october, settings):
    import io
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    settings.CITIZEN_CONTACT_DAYS = 90
    now = timezone.now()
    old, fresh = (
        submit_rating(
            tokens.dossier_token(Dossier.objects.get(code=code).pk),
            RatingInput(level=2, wants_answer=True, phone=phone),
            now=now,
        )
        for code, phone in (("TP-8", "0987654321"), ("TP-9", "0912345678"))
    )
    CitizenContact.objects.filter(rating=old).update(created_at=now - timedelta(days=91))
    CitizenContact.objects.filter(rating=fresh).update(created_at=now - timedelta(days=89))
    out = io.StringIO()
    call_command("purge-contacts", stdout=out)
    assert out.getvalue().strip() == "Đã xoá 1 số điện thoại."
    assert list(CitizenContact.objects.values_list("phone", flat=True)) == ["0912345678"]
    entry = AuditEntry.objects.get(action="feedback.purge_contact")
    assert entry.object_id == str(old.pk) and "0987654321" not in str(entry.changes)
    assert old.__class__.objects.filter(pk=old.pk).exists()  # the rating itself stays


def test_purging_reads_each_rating_once(october, settings, django_assert_max_num_queries):
    from datetime import timedelta

    from django.utils import timezone

    from canbo.feedback.services import purge_contacts

    settings.CITIZEN_CONTACT_DAYS = 90
    for code in ("TP-7", "TP-8", "TP-9"):
        rating = submit_rating(
            tokens.dossier_token(Dossier.objects.get(code=code).pk),
            RatingInput(level=2, wants_answer=True, phone="0987654321"),
        )
        CitizenContact.objects.filter(rating=rating).update(
            created_at=timezone.now() - timedelta(days=100)
        )
    # ids, delete, ratings with their dossier and officer, one audit row each (+ savepoints)
    with django_assert_max_num_queries(10):
        assert purge_contacts(limit=2) == 2
    assert purge_contacts() == 1 and not CitizenContact.objects.exists()
