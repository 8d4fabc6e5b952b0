"""The public rating page: light, accessible, and every refusal writes no rating."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from canbo.feedback import tokens
from canbo.feedback.models import CitizenContact, Dossier, Rating
from canbo.feedback.rating import RatingInput, RatingRefused, submit_rating
from tests.feedback.conftest import dossier, lock_month, put_dossiers


@pytest.fixture
def receipt(world):
    put_dossiers(
        [
            dossier("HS-1", "TP-1", date(2026, 11, 3)),
            dossier("HS-2", "TP-2", date(2026, 11, 3)),
            dossier("HS-9", "DK-1", date(2026, 11, 3)),
        ]
    )
    return Dossier.objects.get(code="HS-1")


def _url(token):
    return f"/r/{token}/"


def test_page_is_light_public_and_accessible(client, world, receipt):
    response = client.get(_url(tokens.dossier_token(receipt.pk)))
    assert response.status_code == 200
    assert len(response.content) < 20 * 1024
    body = response.content.decode()
    assert "<script" not in body and "Rất hài lòng" in body and "HS-1" in body
    assert 'lang="vi"' in body and "<legend>" in body and 'for="comment"' in body
    counter = client.get(_url(tokens.counter_token(world.people["staff"].pk)))
    assert counter.status_code == 200 and len(counter.content) < 20 * 1024
    assert "Nguyễn Văn An" in counter.content.decode()


def test_rating_a_dossier_strips_html_and_keeps_phone_apart(client, world, receipt):
    response = client.post(
        _url(tokens.dossier_token(receipt.pk)),
        {
            "level": "2",
            "comment": "<script>alert(1)</script>Chờ <b>lâu</b>",
            "concern": ["time", "attitude"],
            "answer": "yes",
            "phone": "0912 345 678",
        },
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 200, response.content.decode()
    rating = Rating.objects.get(dossier=receipt)
    assert rating.comment == "alert(1)Chờ lâu"
    assert rating.concerns == ["attitude", "time"] and rating.officer == world.people["staff"]
    assert CitizenContact.objects.get(rating=rating).phone == "0912345678"
    assert "<script>alert" not in response.content.decode()


def test_no_phone_without_asking_for_an_answer(world, receipt):
    rating = submit_rating(
        tokens.dossier_token(receipt.pk), RatingInput(level=5, phone="0912345678")
    )
    assert not CitizenContact.objects.filter(rating=rating).exists()


def _refused(client, token, data, status, text, address="10.0.0.9"):
    before = (Rating.objects.count(), CitizenContact.objects.count())
    response = client.post(_url(token), data, REMOTE_ADDR=address)
    assert response.status_code == status, response.content.decode()
    assert text in response.content.decode()
    assert (Rating.objects.count(), CitizenContact.objects.count()) == before


def test_tampered_token(client, world, receipt):
    token = tokens.dossier_token(receipt.pk)
    other = Dossier.objects.get(code="HS-2")
    forged = f"d{other.pk}." + token.split(".", 1)[1]
    _refused(client, forged, {"level": "5"}, 404, "không hợp lệ")
    _refused(
        client, token[:-1] + ("A" if token[-1] != "A" else "B"), {"level": "5"}, 404, "không hợp lệ"
    )
    _refused(client, "c1", {"level": "5"}, 404, "không hợp lệ")
    assert client.get(_url(forged)).status_code == 404
    # a token of another salt (e.g. another signed link of the app) is refused too
    from django.core import signing

    alien = signing.Signer(salt="other", sep=".").sign(f"d{receipt.pk}")
    _refused(client, alien, {"level": "5"}, 404, "không hợp lệ")


def test_unknown_dossier_and_officer(client, world, receipt):
    gone = tokens.dossier_token(999_999)
    _refused(client, gone, {"level": "5"}, 404, "Không tìm thấy hồ sơ")
    _refused(client, tokens.counter_token(999_999), {"level": "5"}, 404, "Không tìm thấy cán bộ")
    counter = tokens.counter_token(world.people["staff"].pk)
    _refused(client, counter, {"level": "5", "dossier": "HS-404"}, 404, "HS-404")


def test_dossier_of_another_commune_or_officer(client, world, receipt):
    counter = tokens.counter_token(world.people["staff"].pk)
    _refused(client, counter, {"level": "5", "dossier": "HS-9"}, 403, "xã, phường khác")
    _refused(client, counter, {"level": "5", "dossier": "HS-2"}, 403, "cán bộ khác")
    response = client.post(_url(counter), {"level": "4", "dossier": "HS-1"})
    assert response.status_code == 200
    assert Rating.objects.get(dossier=receipt).level == 4


def test_invalid_input(client, world, receipt):
    token = tokens.dossier_token(receipt.pk)
    _refused(client, token, {"level": "7"}, 400, "năm mức")
    _refused(client, token, {}, 400, "năm mức")
    _refused(client, token, {"level": "3", "concern": "bribe"}, 400, "không hợp lệ")
    _refused(client, token, {"level": "3", "answer": "yes", "phone": "12ab"}, 400, "số điện thoại")
    _refused(client, token, {"level": "3", "comment": "x" * 1001}, 400, "quá dài")


def test_second_rating_replaces_within_a_day_then_refused(world, receipt):
    token = tokens.dossier_token(receipt.pk)
    now = timezone.now()
    submit_rating(token, RatingInput(level=1, comment="Tệ"), now=now)
    submit_rating(token, RatingInput(level=4), now=now + timedelta(hours=3))
    rating = Rating.objects.get(dossier=receipt)
    assert (rating.level, rating.comment) == (4, "")
    with pytest.raises(RatingRefused) as refused:
        submit_rating(token, RatingInput(level=5), now=now + timedelta(days=2))
    assert refused.value.status == 409
    assert Rating.objects.get(dossier=receipt).level == 4
    assert Rating.objects.count() == 1


def test_replay_after_a_day_through_the_page(client, world, receipt):
    token = tokens.dossier_token(receipt.pk)
    submit_rating(token, RatingInput(level=5), now=timezone.now() - timedelta(days=2))
    _refused(client, token, {"level": "1"}, 409, "đã được đánh giá")


def test_locked_month(client, world, receipt):
    lock_month(world, date(2026, 11, 1))
    _refused(client, tokens.dossier_token(receipt.pk), {"level": "5"}, 409, "đã khoá")


def test_flood_per_address_and_per_token(client, world, receipt, settings):
    settings.RATING_LIMIT_PER_ADDRESS = 3
    counter = tokens.counter_token(world.people["staff"].pk)
    for _ in range(3):
        assert client.post(_url(counter), {"level": "5"}, REMOTE_ADDR="10.1.1.1").status_code == 200
    _refused(client, counter, {"level": "5"}, 429, "quá nhiều", address="10.1.1.1")
    assert client.post(_url(counter), {"level": "5"}, REMOTE_ADDR="10.1.1.2").status_code == 200
    settings.RATING_LIMIT_PER_ADDRESS, settings.RATING_LIMIT_PER_TOKEN = 100, 4
    _refused(client, counter, {"level": "5"}, 429, "quá nhiều", address="10.1.1.3")
    other = tokens.counter_token(world.people["colleague"].pk)
    assert client.post(_url(other), {"level": "5"}, REMOTE_ADDR="10.1.1.3").status_code == 200
