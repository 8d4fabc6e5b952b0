"""Rows of a task spreadsheet: check every row first, then write all of them or none."""

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone

from canbo.integration.imports.reader import Row, RowResult, parse_date, parse_decimal, text
from canbo.integration.imports.scope import Actor
from canbo.people.models import Person
from canbo.work.errors import WorkError
from canbo.work.locks import locked_months
from canbo.work.models import CatalogItem, Task
from canbo.work.periods import period_of
from canbo.work.task_services import assign_task, complete_task

HEADERS = [
    "Mã công chức",
    "Tên nhiệm vụ",
    "Mã sản phẩm",
    "Hệ số",
    "Số lượng",
    "Ngày giao",
    "Hạn hoàn thành",
    "Ngày hoàn thành",
    "Nguồn",
    "Mã nhiệm vụ ngoài",
]
NOTES = [
    "Mỗi dòng là một nhiệm vụ được giao cho một công chức.",
    "Mã công chức: bắt buộc, là mã công chức trong hệ thống, thuộc phạm vi của người nhập.",
    "Tên nhiệm vụ: bắt buộc nếu không có Mã sản phẩm.",
    "Mã sản phẩm: mã trong danh mục sản phẩm đã ban hành của đơn vị; khi có, hệ số lấy "
    "theo danh mục (cột Hệ số để trống hoặc bằng hệ số danh mục).",
    "Hệ số: bắt buộc nếu không có Mã sản phẩm; lớn hơn 0, tối đa 2 chữ số thập phân.",
    "Số lượng: để trống là 1; phải lớn hơn 0.",
    "Ngày giao (bắt buộc), Hạn hoàn thành, Ngày hoàn thành: dạng dd/mm/yyyy.",
    "Nguồn và Mã nhiệm vụ ngoài: mã của phần mềm giao việc; cùng một mã gửi hai lần chỉ "
    "tạo một nhiệm vụ.",
    "Tệp có lỗi ở bất kỳ dòng nào thì không dòng nào được ghi.",
]
DEFAULT_SOURCE = "spreadsheet"
SAME_FIELDS = (
    "assignee_id",
    "name",
    "catalog_item_id",
    "assigned_date",
    "due_date",
    "quantity",
    "coefficient",
)
Progress = Callable[[int], None]


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    lookup = _Lookup(actor, rows)
    seen: dict[tuple, int] = {}
    results = []
    for index, (number, values) in enumerate(rows, start=1):
        result = _check_row(lookup, number, values)
        if not result.errors:
            _check_duplicate(result, seen)
        results.append(result)
        if progress and index % 200 == 0:
            progress(index)
    _refuse_locked(results)
    return results


def _refuse_locked(results: list[RowResult]) -> None:
    """Show in the preview the rows that fall in a locked month (one query for the file);
    writing would refuse them anyway (canbo.work.locks)."""
    month = {
        id(r): (r.data["assignee"].pk, period_of(r.data["assigned_date"], r.data["due_date"]))
        for r in results
        if r.action == "create"
    }
    locked = locked_months(month.values())
    for result in results:
        if month.get(id(result)) in locked:
            result.errors.append(
                f"Kỳ đánh giá tháng {month[id(result)][1]:%m/%Y} của công "
                "chức này đã khoá: không thể giao thêm nhiệm vụ."
            )
            result.action = ""


def write(actor: Actor, results: list[RowResult]) -> int:
    """Create every checked task in one transaction; a failure rolls all of them back."""
    written = 0
    with transaction.atomic():
        for result in results:
            if result.action != "create":
                continue
            data = dict(result.data)
            completed = data.pop("completed_date")
            try:
                task = assign_task(actor.user, **data)
                if completed:
                    complete_task(actor.user, task, completed)
            except WorkError as exc:
                raise WorkError(f"Dòng {result.number}: {exc.message}") from None
            written += 1
    return written


class _Lookup:
    """Everything the rows refer to, loaded with a few queries for the whole file."""

    def __init__(self, actor: Actor, rows: list[Row]) -> None:
        codes = {text(v["Mã công chức"]) for _, v in rows}
        self.people = {
            p.code: p for p in Person.objects.filter(code__in=codes).select_related("organization")
        }
        self.in_scope = set(actor.people().filter(code__in=codes).values_list("code", flat=True))
        items = {text(v["Mã sản phẩm"]) for _, v in rows} - {""}
        self.items: dict[str, list[CatalogItem]] = {}
        for item in CatalogItem.objects.filter(
            code__in=items, catalog__published=True
        ).select_related("catalog__organization"):
            self.items.setdefault(item.code, []).append(item)
        ids = {text(v["Mã nhiệm vụ ngoài"]) for _, v in rows} - {""}
        self.existing = set(
            Task.objects.filter(owner=None, external_id__in=ids).values_list(
                "source", "external_id"
            )
        )
        # Rows without an external id: an identical task already there is the same task.
        self.same = set(
            Task.objects.filter(external_id="", assignee__code__in=codes).values_list(*SAME_FIELDS)
        )
        self.today = timezone.localdate()

    def item_for(self, code: str, person: Person, day: date) -> CatalogItem | None:
        path = person.organization.path if person.organization else "\0"
        candidates = [
            i
            for i in self.items.get(code, [])
            if path.startswith(i.catalog.organization.path) and i.catalog.effective_from <= day
        ]
        return max(
            candidates, key=lambda i: (i.catalog.effective_from, i.catalog.version), default=None
        )


def _check_row(lookup: _Lookup, number: int, values: dict) -> RowResult:
    code, name = text(values["Mã công chức"]), text(values["Tên nhiệm vụ"])
    result = RowResult(number, f"{code or '?'} · {name or text(values['Mã sản phẩm'])}"[:120])
    errors = result.errors
    person = _person(lookup, code, errors)
    assigned = parse_date(values["Ngày giao"], "Ngày giao", errors)
    due = parse_date(values["Hạn hoàn thành"], "Hạn hoàn thành", errors)
    done = parse_date(values["Ngày hoàn thành"], "Ngày hoàn thành", errors)
    raw_quantity = values["Số lượng"] if text(values["Số lượng"]) else 1
    quantity = parse_decimal(raw_quantity, "Số lượng", errors, "9999999.99")
    if assigned is None and not text(values["Ngày giao"]):
        errors.append("Ngày giao không được để trống.")
    _check_dates(assigned, due, done, lookup.today, errors)
    item, coefficient = _item(lookup, values, person, assigned, errors)
    if not name and not text(values["Mã sản phẩm"]):
        errors.append("Tên nhiệm vụ không được để trống (hoặc ghi Mã sản phẩm).")
    if len(name) > 300:
        errors.append("Tên nhiệm vụ dài quá 300 ký tự.")
    source = text(values["Nguồn"]) or DEFAULT_SOURCE
    external_id = text(values["Mã nhiệm vụ ngoài"])
    if len(source) > 32 or len(external_id) > 100:
        errors.append("Nguồn tối đa 32 ký tự, Mã nhiệm vụ ngoài tối đa 100 ký tự.")
    if errors:
        return result
    result.data = {
        "name": name,
        "assignee": person,
        "catalog_item": item,
        "coefficient": coefficient,
        "quantity": quantity,
        "assigned_date": assigned,
        "due_date": due,
        "completed_date": done,
        "source": source,
        "external_id": external_id,
    }
    result.action = "skip" if _exists(lookup, result.data) else "create"
    return result


def _exists(lookup: _Lookup, data: dict) -> bool:
    if data["external_id"]:
        return (data["source"], data["external_id"]) in lookup.existing
    key = (
        data["assignee"].pk,
        data["name"] or data["catalog_item"].name,
        getattr(data["catalog_item"], "pk", None),
        data["assigned_date"],
        data["due_date"],
        data["quantity"],
        data["coefficient"],
    )
    return key in lookup.same


def _person(lookup: _Lookup, code: str, errors: list[str]) -> Person | None:
    if not code:
        errors.append("Mã công chức không được để trống.")
        return None
    person = lookup.people.get(code)
    if person is None:
        errors.append(f"Không có công chức mã “{code}”.")
    elif code not in lookup.in_scope:
        errors.append(f"Công chức mã “{code}” nằm ngoài phạm vi được phép của bạn.")
    elif person.organization_id is None:
        errors.append(f"Công chức mã “{code}” chưa có đơn vị công tác.")
    else:
        return person
    return None


def _check_dates(assigned, due, done, today: date, errors: list[str]) -> None:
    if assigned and due and due < assigned:
        errors.append("Hạn hoàn thành không được trước ngày giao.")
    if assigned and done and done < assigned:
        errors.append("Ngày hoàn thành không được trước ngày giao.")
    if done and done > today:
        errors.append("Ngày hoàn thành không được ở tương lai.")


def _item(
    lookup: _Lookup, values: dict, person: Person | None, assigned: date | None, errors: list[str]
):
    code, given = text(values["Mã sản phẩm"]), text(values["Hệ số"])
    coefficient = parse_decimal(given, "Hệ số", errors, "999.99") if given else None
    if not code:
        if not given:
            errors.append("Hệ số không được để trống khi không có Mã sản phẩm.")
        return None, coefficient
    if person is None or assigned is None:
        return None, coefficient
    item = lookup.item_for(code, person, assigned)
    if item is None:
        errors.append(
            f"Không có sản phẩm mã “{code}” trong danh mục đã ban hành áp dụng cho "
            f"đơn vị của công chức tại ngày giao."
        )
    elif coefficient is not None and coefficient != item.coefficient:
        errors.append(f"Hệ số {given} khác hệ số {item.coefficient} của danh mục.")
    return item, item.coefficient if item else None


def _check_duplicate(result: RowResult, seen: dict[tuple, int]) -> None:
    data = result.data
    if data["external_id"]:
        key: tuple = (data["source"], data["external_id"])
    else:
        key = (
            data["assignee"].pk,
            data["name"],
            getattr(data["catalog_item"], "pk", None),
            data["assigned_date"],
            data["due_date"],
            data["quantity"],
        )
    if key in seen:
        result.errors.append(f"Dòng trùng với dòng {seen[key]}.")
        result.action = ""
    else:
        seen[key] = result.number
