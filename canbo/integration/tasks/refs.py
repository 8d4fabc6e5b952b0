"""Resolve the codes of a task batch (people, organisations, catalogue items) in a few queries,
checking that every target lies inside the API client's organisation subtree."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from canbo.core.access import scope_for
from canbo.core.paths import path_prefixes
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
        self.subtree = scope_for(client).org_path or "\0"
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
        # Catalogues of the client's organisation, its ancestors (the commune) or its units.
        where = Q(catalog__organization__path__in=path_prefixes(self.subtree)) | Q(
            catalog__organization__path__startswith=self.subtree
        )
        rows = CatalogItem.objects.filter(where, code__in=codes, catalog__published=True).values(
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
                "Cần mã sản phẩm trong danh mục "
                "(catalog_item_code) hoặc hệ số quy đổi (coefficient).",
            )
        name = row.name or (item["name"] if item else "")
        if not name:
            raise self.error(i, "name", "Nhiệm vụ cần có tên.")
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
                f"Công chức mã {code} không thuộc phạm vi đơn vị của ứng dụng kết nối.",
                403,
                "outside_scope",
            )
        raise self.error(i, field, f"Không tìm thấy công chức mã {code}.")

    def _organization(self, i: int, row: TaskIn, assignee: PersonRef | None) -> OrgRef:
        code = row.organization_code
        if assignee is not None:
            if assignee.organization_id is None:
                raise self.error(
                    i,
                    "assignee_code",
                    f"Công chức mã {assignee.code} hiện không có đơn vị công tác.",
                )
            if code and not assignee.path.startswith(self._org(i, code).path):
                raise self.error(
                    i,
                    "organization_code",
                    f"Công chức mã {assignee.code} không thuộc đơn vị mã {code}.",
                )
            return OrgRef(assignee.organization_id, assignee.path)
        if not code:
            raise self.error(
                i,
                "assignee_code",
                "Cần mã công chức được giao (assignee_code) "
                "hoặc mã định danh đơn vị được giao (organization_code).",
            )
        return self._org(i, code)

    def _org(self, i: int, code: str) -> OrgRef:
        org = self.orgs.get(code)
        if org is None:
            raise self.error(i, "organization_code", f"Không tìm thấy đơn vị mã định danh {code}.")
        if not org.path.startswith(self.subtree):
            raise self.error(
                i,
                "organization_code",
                f"Đơn vị mã {code} không thuộc phạm vi của ứng dụng kết nối.",
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
                f"Không có sản phẩm mã {code} trong danh "
                "mục đã ban hành có hiệu lực ngày "
                f"{row.assigned_date:%d/%m/%Y}.",
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
        raise refs.error(i, "due_date", "Hạn hoàn thành không được trước ngày giao.")
    if row.status == "completed" and row.completed_date is None:
        raise refs.error(i, "completed_date", "Nhiệm vụ đã hoàn thành cần ngày hoàn thành.")
    if row.status != "completed" and row.completed_date is not None:
        raise refs.error(i, "completed_date", "Chỉ gửi ngày hoàn thành khi status = completed.")
    if row.completed_date:
        check_completion(refs, i, row.assigned_date, row.completed_date)


def check_completion(refs, i: int, assigned: date, completed: date) -> None:
    if completed < assigned:
        raise refs.error(i, "completed_date", "Ngày hoàn thành không được trước ngày giao.")
    if completed > timezone.localdate():
        raise refs.error(i, "completed_date", "Ngày hoàn thành không được ở tương lai.")
