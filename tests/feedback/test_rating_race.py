"""Two citizens' phones rating one dossier at the same moment on PostgreSQL (real threads):
one rating is stored, the other is refused with a message; never two ratings."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from canbo.feedback import tokens
from canbo.feedback.models import Dossier, Rating
from canbo.feedback.rating import RatingInput, RatingRefused, submit_rating
from tests.feedback.conftest import dossier, put_dossiers

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="concurrent writers need PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),
]


def test_two_ratings_of_one_dossier_at_once(world):
    put_dossiers([dossier("HS-RACE", "TP-1", date(2026, 11, 3))])
    token = tokens.dossier_token(Dossier.objects.get(code="HS-RACE").pk)
    barrier, outcomes = threading.Barrier(2), []

    def rate(level):
        try:
            barrier.wait()
            submit_rating(token, RatingInput(level=level), address=f"10.9.9.{level}")
            outcomes.append("ok")
        except RatingRefused as exc:
            outcomes.append(exc.status)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=rate, args=(level,)) for level in (1, 5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert Rating.objects.filter(dossier__code="HS-RACE").count() == 1
    # the loser either replaced the first within the day (both "ok") or was refused (409)
    assert sorted(map(str, outcomes)) in (["409", "ok"], ["ok", "ok"]), outcomes
