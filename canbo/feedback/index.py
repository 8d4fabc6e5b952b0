"""The Decision 766 satisfaction index per officer, unit and commune per month.

Counts come from the database in one grouped query; the formula is canbo.scoring.satisfaction.
Every query starts from `Dossier.objects.visible_to(user)` (the access chokepoint).
"""

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from fractions import Fraction

from django.db.models import Count, F, Q
from django.utils.translation import gettext

from canbo.core.access import within
from canbo.feedback.choices import DISSATISFIED_MAX, SATISFIED_MIN
from canbo.feedback.models import Dossier
from canbo.scoring.satisfaction import percent, satisfaction_index

# Grouping keys: the officer, their unit at receipt, the commune.
BY_OFFICER = (
    "officer_id",
    "officer__code",
    "officer__full_name",
    "unit_id",
    "unit__name",
    "organization_id",
    "organization__code",
    "organization__name",
)
BY_UNIT = (
    "unit_id",
    "unit__name",
    "unit__path",
    "organization_id",
    "organization__code",
    "organization__name",
)
BY_COMMUNE = ("organization_id", "organization__code", "organization__name")
LEVELS = {"officer": BY_OFFICER, "unit": BY_UNIT, "commune": BY_COMMUNE}

COUNTS = {
    "dossiers": Count("id"),
    "rated": Count("rating"),
    "satisfied": Count("rating", filter=Q(rating__level__gte=SATISFIED_MIN)),
    "dissatisfied": Count("rating", filter=Q(rating__level__lte=DISSATISFIED_MAX)),
    "bad": Count("id", filter=Q(rating__level__lte=DISSATISFIED_MAX) | Q(complained=True)),
    "returned": Count("id", filter=Q(returned_date__isnull=False, due_date__isnull=False)),
    "on_time_n": Count(
        "id",
        filter=Q(
            returned_date__isnull=False, due_date__isnull=False, returned_date__lte=F("due_date")
        ),
    ),
}


@dataclass(frozen=True)
class IndexRow:
    month: date | None
    officer_id: int | None
    person_code: str | None
    person_name: str
    unit_id: int | None
    unit_name: str
    commune_id: int
    org_code: str | None  # the commune's electronic code
    commune_name: str
    dossiers: int
    rated: int
    satisfied: int
    dissatisfied: int
    complained_or_dissatisfied: int
    returned: int
    on_time_count: int
    unit_path: str = ""  # grouped by unit only: where the dashboards count the row

    @property
    def index(self) -> Decimal | None:
        return satisfaction_index(self.dossiers, self.complained_or_dissatisfied)

    @property
    def on_time(self) -> Decimal | None:
        return percent(self.on_time_count, self.returned)

    def as_api(self) -> dict:
        return {
            "person_code": self.person_code,
            "org_code": self.org_code,
            "dossiers": self.dossiers,
            "rated": self.rated,
            "satisfied": self.satisfied,
            "dissatisfied": self.dissatisfied,
            "index": self.index,
            "on_time": self.on_time,
        }


def dossiers_for(user, months: Iterable[date], org_path: str | None = None):
    queryset = Dossier.objects.visible_to(user).filter(month__in=list(months))
    if org_path:
        queryset = within(queryset, org_path, "unit__path")
    return queryset


def index_rows(queryset, level: str = "officer", by_month: bool = False) -> list[IndexRow]:
    """Rows of the index grouped at `level` (officer, unit or commune), optionally per month."""
    keys = LEVELS[level] + (("month",) if by_month else ())
    grouped = queryset.order_by().values(*keys).annotate(**COUNTS).order_by(*keys)
    return [_row(values) for values in grouped]


def _row(v: dict) -> IndexRow:
    return IndexRow(
        month=v.get("month"),
        officer_id=v.get("officer_id"),
        person_code=v.get("officer__code"),
        person_name=v.get("officer__full_name") or "",
        unit_id=v.get("unit_id"),
        unit_name=v.get("unit__name") or "",
        commune_id=v["organization_id"],
        org_code=v["organization__code"],
        commune_name=v["organization__name"],
        dossiers=v["dossiers"],
        rated=v["rated"],
        satisfied=v["satisfied"],
        dissatisfied=v["dissatisfied"],
        complained_or_dissatisfied=v["bad"],
        returned=v["returned"],
        on_time_count=v["on_time_n"],
        unit_path=v.get("unit__path") or "",
    )


COUNTED = (
    "dossiers",
    "rated",
    "satisfied",
    "dissatisfied",
    "complained_or_dissatisfied",
    "returned",
    "on_time_count",
)


def add_up(rows: list[IndexRow]) -> IndexRow:
    """The counts of several rows added up, under the first row's month and names; the index
    of the sum is computed from the summed counts (never an average of indices)."""
    return replace(rows[0], **{name: sum(getattr(r, name) for r in rows) for name in COUNTED})


def person_index(person_id: int, months: Iterable[date]) -> IndexRow | None:
    """One officer's index over the months (for the reviewer: not limited by a user's scope,
    the sheet page itself is)."""
    rows = index_rows(
        Dossier.objects.filter(officer_id=person_id, month__in=list(months)), "officer"
    )
    return add_up(rows) if rows else None


def person_trend(person_id: int, year: int) -> list[IndexRow]:
    months = [date(year, m, 1) for m in range(1, 13)]
    return index_rows(
        Dossier.objects.filter(officer_id=person_id, month__in=months), "officer", by_month=True
    )


def commune_year_measures(organization, year: int) -> dict | None:
    """The commune's dossiers of the year for its agency evaluation: shares (0–1) of dossiers
    handled on time and of the Decision 766 index; None without returned dossiers."""
    rows = index_rows(
        Dossier.objects.filter(organization=organization, month__year=year), "commune"
    )
    dossiers = sum(r.dossiers for r in rows)
    returned = sum(r.returned for r in rows)
    if not dossiers or not returned:
        return None
    bad = sum(r.complained_or_dissatisfied for r in rows)
    on_time = sum(r.on_time_count for r in rows)
    text = gettext("From %(n)d dossiers of the one-stop system in %(year)d.") % {
        "n": dossiers,
        "year": year,
    }
    return {
        "on_time": Fraction(on_time, returned),
        "satisfaction": Fraction(dossiers - bad, dossiers),
        "text": text,
    }
