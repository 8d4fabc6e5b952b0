"""Key titles, recruitment needs, and the talent pool against the shortages."""

from collections import Counter, defaultdict
from dataclasses import dataclass

from canbo.cadre.services.staffing import staffing_rows
from canbo.core.access import writable_orgs
from canbo.org.choices import COMMUNE_KINDS, Field
from canbo.org.models import Organization, Title
from canbo.people.models import Person, Post


def communes_of(user) -> list[Organization]:
    """Communes and wards inside the user's (or API client's) subtree."""
    return list(
        writable_orgs(Organization.objects.filter(kind__in=COMMUNE_KINDS), user).order_by("path")
    )


def key_titles() -> list[Title]:
    """The key titles the plan names (Bí thư, Chủ tịch UBND, Chủ nhiệm UBKT): those that must
    be held by a non-local person."""
    return list(Title.objects.filter(must_be_non_local=True).order_by("rank", "code"))


@dataclass(frozen=True)
class KeyTitleRow:
    commune: Organization
    title: Title
    person: Person | None
    local: bool

    @property
    def vacant(self) -> bool:
        return self.person is None

    @property
    def problem(self) -> bool:
        return self.vacant or self.local


def key_title_rows(communes: list[Organization]) -> list[KeyTitleRow]:
    """Each commune × key title: its current holder(s), or one vacant row."""
    titles = key_titles()
    by_id = {c.pk: c for c in communes}
    holders: dict[tuple[int, int], list[Person]] = defaultdict(list)
    posts = (
        Post.objects.filter(
            end__isnull=True,
            title__in=titles,
            organization__in=Organization.objects.filter(
                kind__in=COMMUNE_KINDS, pk__in=list(by_id)
            ),
        )
        .select_related("person")
        .order_by("person__code")
    )
    for post in posts:
        key = (post.organization_id, post.title_id)
        if post.person not in holders[key]:
            holders[key].append(post.person)
    rows = []
    for commune in communes:
        for title in titles:
            people = holders.get((commune.pk, title.pk)) or [None]
            rows += [
                KeyTitleRow(commune, title, p, bool(p and p.hometown_id == commune.pk))
                for p in people
            ]
    return rows


@dataclass(frozen=True)
class NeedRow:
    unit: Organization
    field: str
    quota: int
    actual: int

    @property
    def shortage(self) -> int:
        return max(0, self.quota - self.actual)

    @property
    def field_label(self) -> str:
        return str(Field(self.field).label)


def recruitment_needs(people, orgs) -> list[NeedRow]:
    """Commune × field where the staff is below the staffing quota (leaders are appointed,
    not recruited)."""
    return [
        NeedRow(r.unit, r.field, r.quota, r.actual)
        for r in staffing_rows(people, orgs)
        if r.balance < 0 and r.field != Field.LEADERSHIP and r.unit.is_commune
    ]


@dataclass(frozen=True)
class TalentSummaryRow:
    field: str
    major: str
    graduation_year: int
    students: int
    committed: int
    shortage: int

    @property
    def field_label(self) -> str:
        return str(Field(self.field).label)


def talent_summary(records, needs: list[NeedRow]) -> list[TalentSummaryRow]:
    """Students by major and graduation year, beside the shortage of their field."""
    shortage: Counter = Counter()
    for need in needs:
        shortage[need.field] += need.shortage
    students: Counter = Counter()
    committed: Counter = Counter()
    for field, major, year, commits in records.values_list(
        "field", "major", "graduation_year", "commits_to_return"
    ):
        students[(field, major, year)] += 1
        committed[(field, major, year)] += commits
    return [
        TalentSummaryRow(f, m, y, n, committed[(f, m, y)], shortage[f])
        for (f, m, y), n in sorted(students.items())
    ]
