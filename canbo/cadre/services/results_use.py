"""Use of the annual results (Decree 335 Art. 23, Law 80/2025 Art. 27): after the year, who
was classified "not completing tasks" (this year, two years running) and "excellent", and the
decision recorded for each.

cadre sits below evaluation in the layers and never imports it: the finalised annual results
are read through Person's reverse relation `annual_results` (as the person page does), and the
years before the app come from the personnel file (people.PastClassification)."""

from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from canbo.cadre.errors import CadreError
from canbo.cadre.models import ACTIONS_BY_BASIS, ResultBasis, ResultUse
from canbo.core import audit
from canbo.people.models import PastClassification, Person
from canbo.scoring import EXCELLENT, FAIL

FINAL = "final"  # evaluation's AnnualStatus.FINAL: only finalised years count


def year_levels(people, year: int) -> dict[int, str]:
    """person id → level of the year: the finalised annual result, else the personnel file."""
    found = dict(
        PastClassification.objects.filter(person__in=people.values("pk"), year=year).values_list(
            "person_id", "level"
        )
    )
    rows = people.filter(annual_results__year=year, annual_results__status=FINAL).values_list(
        "pk", "annual_results__final_level", "annual_results__classification"
    )
    for pk, final, score in rows:
        found[pk] = final or score
    return found


@dataclass(frozen=True)
class ResultRow:
    person: Person
    basis: str
    use: ResultUse | None


def bases(this: str | None, last: str | None) -> list[str]:
    if this == FAIL:
        return [ResultBasis.FAIL_TWICE if last == FAIL else ResultBasis.FAIL]
    return [ResultBasis.EXCELLENT] if this == EXCELLENT else []


def result_rows(people, year: int) -> list[ResultRow]:
    this, last = year_levels(people, year), year_levels(people, year - 1)
    wanted = {pk: bases(level, last.get(pk)) for pk, level in this.items()}
    wanted = {pk: b for pk, b in wanted.items() if b}
    persons = Person.objects.in_bulk(list(wanted))
    uses = {
        (u.person_id, u.basis): u
        for u in ResultUse.objects.filter(person_id__in=list(wanted), year=year)
    }
    rows = [
        ResultRow(persons[pk], basis, uses.get((pk, basis)))
        for pk, found in wanted.items()
        for basis in found
        if pk in persons
    ]
    persons_sorted = sorted(rows, key=lambda r: (r.basis, r.person.search_key))
    return persons_sorted


@transaction.atomic
def record_result_use(
    actor,
    person: Person,
    year: int,
    action: str,
    decision_number: str,
    decision_date: date,
    note: str,
    today: date,
) -> ResultUse:
    people = Person.objects.filter(pk=person.pk)
    found = bases(
        year_levels(people, year).get(person.pk), year_levels(people, year - 1).get(person.pk)
    )
    if not found:
        raise CadreError(
            _(
                "%(person)s was neither classified as not completing tasks nor as "
                "excellent in %(year)s."
            )
            % {"person": person, "year": year}
        )
    basis = found[0]
    if action not in ACTIONS_BY_BASIS[basis]:
        raise CadreError(_("This action does not follow from the classification."))
    if not decision_number.strip():
        raise CadreError(_("The decision number is required."))
    if decision_date > today:
        raise CadreError(_("The decision date cannot be in the future."))
    if decision_date.year < year:
        raise CadreError(
            _("The decision on the results of %(year)s comes after that year's classification.")
            % {"year": year}
        )
    try:
        with transaction.atomic():
            use = ResultUse.objects.create(
                person=person,
                year=year,
                basis=basis,
                action=action,
                decision_number=decision_number.strip(),
                decision_date=decision_date,
                note=note.strip(),
            )
    except IntegrityError:
        raise CadreError(
            _("A decision is already recorded for %(person)s for %(year)s.")
            % {"person": person, "year": year}
        ) from None
    audit.record(
        actor,
        "cadre.record_result_use",
        person,
        after={"year": year, "basis": basis, "action": action},
        reason=decision_number.strip(),
    )
    return use
