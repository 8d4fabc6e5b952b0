"""Rows of a people spreadsheet: create or update civil servants and their primary post."""

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone

from canbo.core import audit
from canbo.core.text import fold, has_control, is_code
from canbo.integration.imports.reader import Row, RowResult, parse_date, text
from canbo.integration.imports.scope import Actor
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.choices import Ethnicity, Gender
from canbo.people.models import Person
from canbo.people.services import assign_post

HEADERS = ["Mã công chức", "Họ và tên", "Ngày sinh hoặc năm sinh", "Giới tính", "Dân tộc",
           "Đơn vị", "Mã vị trí việc làm", "Mã chức danh", "Ngày nhận nhiệm vụ"]
NOTES = [
    "Mỗi dòng là một công chức; mã đã có thì cập nhật, chưa có thì thêm mới.",
    "Ngày sinh hoặc năm sinh: dd/mm/yyyy, hoặc chỉ năm (ví dụ 1985).",
    "Giới tính: Nam hoặc Nữ. Dân tộc: Kinh, Thái, Mông, Dao, Hà Nhì, Giáy, Lự, Khơ Mú, Cống, "
    "Mảng, La Hủ, Si La hoặc Khác.",
    "Đơn vị: mã định danh, hoặc tên đúng (nếu trùng tên thì ghi “Tên đơn vị cha / Tên đơn vị”).",
    "Mã vị trí việc làm, Mã chức danh: theo danh mục của hệ thống (có thể để trống).",
    "Ngày nhận nhiệm vụ: ngày bắt đầu giữ chức vụ/đơn vị mới (để trống là hôm nay).",
    "Tệp có lỗi ở bất kỳ dòng nào thì không dòng nào được ghi.",
]
GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "nu": Gender.FEMALE,
           "female": Gender.FEMALE}
ETHNICITIES = {fold(label): code for code, label in Ethnicity.choices
               if code != Ethnicity.OTHER} | {code: code for code in Ethnicity.values} | {
    "khac": Ethnicity.OTHER}
PERSON_FIELDS = ["full_name", "birth_date", "birth_year", "gender", "ethnicity"]
POST_FIELDS = ["organization", "job_position", "title"]
Progress = Callable[[int], None]


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    lookup = _Lookup(actor, rows)
    seen: dict[str, int] = {}
    results = []
    for index, (number, values) in enumerate(rows, start=1):
        result = _check_row(lookup, number, values)
        code = text(values["Mã công chức"])
        if code in seen:
            result.errors.append(f"Mã công chức trùng với dòng {seen[code]}.")
            result.action = ""
        seen.setdefault(code, number)
        results.append(result)
        if progress and index % 200 == 0:
            progress(index)
    return results


def write(actor: Actor, results: list[RowResult]) -> int:
    written = 0
    with transaction.atomic():
        for result in results:
            if result.action in ("create", "update"):
                _save_person(actor, result.data)
                written += 1
    return written


class _Lookup:
    def __init__(self, actor: Actor, rows: list[Row]) -> None:
        codes = {text(v["Mã công chức"]) for _, v in rows}
        self.people = {p.code: p for p in Person.objects.filter(code__in=codes)}
        self.in_scope = set(actor.people().filter(code__in=codes).values_list("code", flat=True))
        self.orgs = list(actor.orgs().select_related("parent"))
        self.positions = {p.code: p for p in JobPosition.objects.all()}
        self.titles = {t.code: t for t in Title.objects.all()}
        self.today = timezone.localdate()

    def org(self, ref: str, errors: list[str]) -> Organization | None:
        matches = [o for o in self.orgs if o.code == ref] or [
            o for o in self.orgs if o.name == ref or _parent_path(o) == ref]
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(f"Có nhiều đơn vị tên “{ref}”: ghi “Tên đơn vị cha / {ref}” hoặc "
                          "mã định danh.")
        elif Organization.objects.filter(code=ref).exists() or \
                Organization.objects.filter(name=ref).exists():
            errors.append(f"Đơn vị “{ref}” nằm ngoài phạm vi được phép của bạn.")
        else:
            errors.append(f"Không có đơn vị “{ref}”.")
        return None


def _parent_path(org: Organization) -> str:
    return f"{org.parent.name} / {org.name}" if org.parent_id else org.name


def _check_row(lookup: _Lookup, number: int, values: dict) -> RowResult:
    code, name = text(values["Mã công chức"]), text(values["Họ và tên"])
    result = RowResult(number, f"{code or '?'} · {name}"[:120])
    errors = result.errors
    if not code or len(code) > 32:
        errors.append("Mã công chức không được để trống và tối đa 32 ký tự.")
    elif not is_code(code, 32):
        errors.append("Mã công chức chỉ gồm chữ cái không dấu, chữ số và . _ - (bắt đầu bằng "
                      "chữ hoặc số; không có dấu cách, dấu nháy, dấu / hay xuống dòng).")
    if not name or len(name) > 120:
        errors.append("Họ và tên không được để trống và tối đa 120 ký tự.")
    elif has_control(name):
        errors.append("Họ và tên không được chứa ký tự xuống dòng hay ký tự điều khiển.")
    existing = lookup.people.get(code)
    if existing is not None and code not in lookup.in_scope:
        errors.append(f"Công chức mã “{code}” đã có ở đơn vị ngoài phạm vi của bạn.")
    data = {"code": code, "full_name": name, **_birth(values, lookup.today, errors)}
    data["gender"] = _choice(values, "Giới tính", GENDERS, errors, "Nam hoặc Nữ")
    data["ethnicity"] = _choice(values, "Dân tộc", ETHNICITIES, errors, "xem hướng dẫn")
    data.update(_post(lookup, values, errors))
    if errors:
        return result
    if existing and not data["birth_date"] and existing.birth_year == data["birth_year"]:
        data["birth_date"] = existing.birth_date  # a year alone keeps the known full date
    result.data = data | {"person": existing}
    result.action = _action(existing, data)
    return result


def _birth(values: dict, today: date, errors: list[str]) -> dict:
    raw = values["Ngày sinh hoặc năm sinh"]
    label = text(raw)
    if label.isdigit() and len(label) == 4:
        year, birth = int(label), None
    else:
        birth = parse_date(raw, "Ngày sinh", errors)
        year = birth.year if birth else None
        if not label:
            errors.append("Ngày sinh hoặc năm sinh không được để trống.")
    if year is not None and not today.year - 80 <= year <= today.year - 15:
        errors.append(f"Năm sinh {year} không hợp lý.")
    return {"birth_date": birth, "birth_year": year}


def _choice(values: dict, header: str, choices: dict, errors: list[str], hint: str) -> str:
    raw = text(values[header])
    value = choices.get(fold(raw))
    if value is None:
        errors.append(f"{header} “{raw}” không hợp lệ ({hint}).")
    return value or ""


def _post(lookup: _Lookup, values: dict, errors: list[str]) -> dict:
    ref = text(values["Đơn vị"])
    org = lookup.org(ref, errors) if ref else None
    if not ref:
        errors.append("Đơn vị không được để trống.")
    found = {}
    for header, field, table in (("Mã vị trí việc làm", "job_position", lookup.positions),
                                 ("Mã chức danh", "title", lookup.titles)):
        key = text(values[header])
        found[field] = table.get(key) if key else None
        if key and found[field] is None:
            errors.append(f"Không có {header.lower()} “{key}”.")
    start = parse_date(values["Ngày nhận nhiệm vụ"], "Ngày nhận nhiệm vụ", errors)
    return {"organization": org, **found, "start": start or lookup.today}


def _action(person: Person | None, data: dict) -> str:
    if person is None:
        return "create"
    same = all(getattr(person, f) == data[f] for f in PERSON_FIELDS) and all(
        getattr(person, f"{f}_id") == getattr(data[f], "pk", None) for f in POST_FIELDS)
    return "unchanged" if same else "update"


def _save_person(actor: Actor, data: dict) -> None:
    person = data["person"] or Person(code=data["code"])
    created = person.pk is None
    before = {} if created else audit.snapshot(person, PERSON_FIELDS)
    for name in PERSON_FIELDS:
        setattr(person, name, data[name])
    person.save()
    audit.record(actor.user, "people.import_person", person, before,
                 audit.snapshot(person, PERSON_FIELDS), reason="nhập từ bảng tính")
    if created or any(getattr(person, f"{f}_id") != getattr(data[f], "pk", None)
                      for f in POST_FIELDS):
        assign_post(actor.user, person, data["organization"], data["start"],
                    job_position=data["job_position"], title=data["title"],
                    decision="nhập từ bảng tính")
