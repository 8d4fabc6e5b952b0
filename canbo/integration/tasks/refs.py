"""Resolve the codes of a task batch (people, organisations, catalogue items) in a few queries,
checking that every target lies inside the API client's organisation subtree."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core.access import in_own_subtree, usable_catalogs
from canbo.integration.api.errors import ApiError
from canbo.integration.tasks.schemas import TaskIn
from canbo.org.models import Organization
from canbo.people.models import Person
from canbo.work.models import CatalogItem


@dataclass(frozen=True)
class PersonRef:
    id: int
    code: str
    organization_id: int | None
    path: str | None  # of the person's organisation


@dataclass(frozen=True)
class OrgRef:
    id: int
    path: str


@dataclass(frozen=True)
class Resolved:
    assignee_id: int | None
    organization_id: int
    assigner_id: int | None
    catalog_item_id: int | None
    coefficient: Decimal
    name: str


class References:
    """People, organisations and catalogue items named in a batch, loaded once."""

    def __init__(self, client, rows: list[TaskIn], prefix: str = "tasks"):
        self.client, self.prefix = client, prefix
        codes = {r.assignee_code for r in rows} | {r.assigner_code for r in rows}
        codes.discard(None)
        people = (
            Person.objects.visible_to(client)
            .filter(code__in=codes)
            .values_list("id", "code", "organization_id", "organization__path")
        )
        self.people = {row[1]: PersonRef(*row) for row in people}
        missing = codes - set(self.people)
        self.outside = set(Person.objects.filter(code__in=missing).values_list("code", flat=True))
        org_codes = {r.organization_code for r in rows if r.organization_code}
        orgs = Organization.objects.filter(code__in=org_codes).values_list("code", "id", "path")
        self.orgs = {code: OrgRef(pk, path) for code, pk, path in orgs}
        self.items = self._items(rows)

    def _items(self, rows: list[TaskIn]) -> dict[str, list[dict]]:
        codes = {r.catalog_item_code for r in rows if r.catalog_item_code}
        if not codes:
            return {}
        found: dict[str, list[dict]] = {}
        items = usable_catalogs(CatalogItem.objects.all(), self.client, "catalog__")
        rows = items.filter(code__in=codes).values(
            "id",
            "code",
            "name",
            "coefficient",
            "catalog__organization__path",
            "catalog__effective_from",
            "catalog__version",
        )
        for row in rows:
            found.setdefault(row["code"], []).append(row)
        return found

    def error(
        self, i: int, field: str, message: str, status: int = 422, code: str = "invalid"
    ) -> ApiError:
        name = f"{self.prefix}[{i}].{field}" if self.prefix else field
        return ApiError(status, code, message, name)

    def resolve(self, i: int, row: TaskIn) -> Resolved:
        assignee = self._person(i, "assignee_code", row.assignee_code)
        org = self._organization(i, row, assignee)
        assigner = self._person(i, "assigner_code", row.assigner_code)
        item = self._item(i, row, org)
        coefficient = item["coefficient"] if item else row.coefficient
        if coefficient is None:
            raise self.error(
                i,
                "coefficient",
                _(
                    "A catalogue item code (catalog_item_code) or a conversion coefficient "
                    "(coefficient) is required."
                ),
            )
        name = row.name or (item["name"] if item else "")
        if not name:
            raise self.error(i, "name", _("The task needs a name."))
        check_dates(self, i, row)
        return Resolved(
            assignee.id if assignee else None,
            org.id,
            assigner.id if assigner else None,
            item["id"] if item else None,
            coefficient,
            name,
        )

    def _person(self, i: int, field: str, code: str | None) -> PersonRef | None:
        if code is None:
            return None
        if code in self.people:
            return self.people[code]
        if code in self.outside:
            raise self.error(
                i,
                field,
                _("Civil servant %(code)s is outside the connected application's units.")
                % {"code": code},
                403,
                "outside_scope",
            )
        raise self.error(i, field, _("No civil servant with code %(code)s.") % {"code": code})

    def _organization(self, i: int, row: TaskIn, assignee: PersonRef | None) -> OrgRef:
        code = row.organization_code
        if assignee is not None:
            if assignee.organization_id is None:
                raise self.error(
                    i,
                    "assignee_code",
                    _("Civil servant %(code)s has no unit at present.") % {"code": assignee.code},
                )
            if code and not assignee.path.startswith(self._org(i, code).path):
                raise self.error(
                    i,
                    "organization_code",
                    _("Civil servant %(code)s does not belong to unit %(unit)s.")
                    % {"code": assignee.code, "unit": code},
                )
            return OrgRef(assignee.organization_id, assignee.path)
        if not code:
            raise self.error(
                i,
                "assignee_code",
                _(
                    "The assignee's code (assignee_code) or the assigned unit's identifier "
                    "code (organization_code) is required."
                ),
            )
        return self._org(i, code)

    def _org(self, i: int, code: str) -> OrgRef:
        org = self.orgs.get(code)
        if org is None:
            raise self.error(
                i, "organization_code", _("No unit with identifier code %(code)s.") % {"code": code}
            )
        if not in_own_subtree(self.client, org.path):
            raise self.error(
                i,
                "organization_code",
                _("Unit %(code)s is outside the connected application's scope.") % {"code": code},
                403,
                "outside_scope",
            )
        return org

    def _item(self, i: int, row: TaskIn, org: OrgRef) -> dict | None:
        code = row.catalog_item_code
        if not code:
            return None
        candidates = [
            c
            for c in self.items.get(code, [])
            if org.path.startswith(c["catalog__organization__path"])
            and c["catalog__effective_from"] <= row.assigned_date
        ]
        if not candidates:
            raise self.error(
                i,
                "catalog_item_code",
                _("No item %(code)s in an issued catalogue in force on %(date)s.")
                % {"code": code, "date": f"{row.assigned_date:%d/%m/%Y}"},
            )
        # The version in force: the latest effective date, then the highest version.
        return max(
            candidates,
            key=lambda c: (
                c["catalog__effective_from"],
                c["catalog__version"],
                len(c["catalog__organization__path"]),
            ),
        )


def check_dates(refs: References, i: int, row: TaskIn) -> None:
    if row.due_date and row.due_date < row.assigned_date:
        raise refs.error(i, "due_date", _("The due date must not be before the assigned date."))
    if row.status == "completed" and row.completed_date is None:
        raise refs.error(i, "completed_date", _("A completed task needs a completion date."))
    if row.status != "completed" and row.completed_date is not None:
        raise refs.error(
            i, "completed_date", _("Send a completion date only when status = completed.")
        )
    if row.completed_date:
        check_completion(refs, i, row.assigned_date, row.completed_date)


def check_completion(refs, i: int, assigned: date, completed: date) -> None:
    if completed < assigned:
        raise refs.error(
            i, "completed_date", _("The completion date must not be before the assigned date.")
        )
    if completed > timezone.localdate():
        raise refs.error(i, "completed_date", _("The completion date must not be in the future."))
