"""The demo year of dossiers and ratings: deterministic, idempotent, mostly satisfied."""

from datetime import date

from canbo.feedback.demo import seed_feedback
from canbo.feedback.index import index_rows
from canbo.feedback.models import Dossier, Rating
from canbo.org.choices import OrgKind
from tests.factories import make_org, make_person


def _centre(world):
    centre = make_org("Trung tâm Phục vụ hành chính công", OrgKind.SERVICE_CENTRE, world.tanphong)
    return [
        make_person(f"HCC-{n}", f"Cán bộ một cửa {n}", centre, world.staff_title, world.position)
        for n in range(8)
    ]


def test_seed_is_deterministic_idempotent_and_mostly_satisfied(world):
    officers = _centre(world)
    created = seed_feedback()
    assert created == Dossier.objects.count() > 8 * 11 * 12
    assert seed_feedback() == 0 and Dossier.objects.count() == created
    codes = sorted(Dossier.objects.values_list("code", flat=True))
    levels = list(Rating.objects.order_by("dossier__code").values_list("level", flat=True))
    Rating.objects.all().delete()
    Dossier.objects.all().delete()
    assert seed_feedback() == created
    assert sorted(Dossier.objects.values_list("code", flat=True)) == codes
    assert list(Rating.objects.order_by("dossier__code").values_list("level", flat=True)) == levels
    assert set(Dossier.objects.values_list("organization_id", flat=True)) == {world.tanphong.pk}
    rows = index_rows(Dossier.objects.filter(month=date(2026, 10, 1)), "officer")
    by_code = {r.person_code: r.index for r in rows}
    assert len(by_code) == len(officers)
    troubled = by_code.pop("HCC-3")  # one officer in fifteen has problems (the 4th here)
    assert min(by_code.values()) > 85 and troubled < min(by_code.values())
    assert (
        Rating.objects.filter(month=date(2026, 11, 1), level__lte=2, seen_at__isnull=True)
        .exclude(comment="")
        .exists()
    )


def test_commune_qr_sheet_lists_the_centre_officers(world, login):
    officers = _centre(world)
    body = login(world.users["chair"]).get(f"/feedback/qr/communes/{world.tanphong.pk}/")
    text = body.content.decode()
    assert body.status_code == 200 and text.count("<svg") == len(officers)
    assert "Cán bộ một cửa 0" in text and "Nguyễn Văn An" not in text  # not of the centre
    assert (
        login(world.users["chair"]).get(f"/feedback/qr/communes/{world.doanket.pk}/").status_code
        == 404
    )
