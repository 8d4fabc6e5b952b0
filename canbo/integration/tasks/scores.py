"""Refresh the month scores of the people whose tasks an API request changed.

Scheduled once per request after the transaction commits, as a background task (the
immediate backend runs it at once; with the database backend `canbo worker` does). A few people
are re-scored one by one with the full explanation (canbo.work.recompute.refresh_person_period);
many people in one month are re-scored from the weight sums of that month, as the period
recompute does, and only their rows are written.
"""

import logging
from collections import defaultdict
from datetime import date
from functools import partial

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from canbo.org.models import Organization
from canbo.scoring import ScoringInputError, rulebook_for
from canbo.scoring.bulk import ZERO
from canbo.work.choices import ScoreKind
from canbo.work.recompute import period_is_open, refresh_person_period
from canbo.work.recompute.sumrows import RowSink
from canbo.work.recompute.sums import weight_sums
from canbo.work.recompute.upsert import upsert

log = logging.getLogger(__name__)
ONE_BY_ONE = 20  # up to this many people in a month: refresh each with the full explanation


def schedule_refresh(pairs: set[tuple[int | None, date]], organization_id: int) -> None:
    """After commit, enqueue one refresh of the (person, month) pairs (persons may be None)."""
    payload = sorted([person, month.isoformat()] for person, month in pairs if person)
    if payload:
        transaction.on_commit(partial(refresh_scores.enqueue, payload, organization_id))


@task()
def refresh_scores(pairs: list[list], organization_id: int) -> int:
    by_month: dict[date, set[int]] = defaultdict(set)
    for person, month in pairs:
        by_month[date.fromisoformat(month)].add(int(person))
    done = 0
    for month, people in sorted(by_month.items()):
        open_people = {p for p in people if period_is_open(p, month)}
        if len(open_people) <= ONE_BY_ONE:
            done += sum(refresh_person_period(p, month) is not None for p in open_people)
        else:
            done += _refresh_many(month, open_people, organization_id)
    return done


def _refresh_many(month: date, people: set[int], organization_id: int) -> int:
    org = Organization.objects.filter(pk=organization_id).first()
    now = timezone.now()
    try:
        loaded, rulebook, sink = weight_sums((month,), org), rulebook_for(month), RowSink(now, None)
        rows = [
            sink.sums(
                p, ScoreKind.MONTH, month, loaded.sums.get((p, month), ZERO), loaded.scale, rulebook
            )[0]
            for p in sorted(people)
        ]
    except ScoringInputError as exc:
        log.warning("month %s not scored: %s", month, exc)
        return 0
    return upsert(rows)
