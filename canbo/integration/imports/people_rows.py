"""Rows of a people spreadsheet: create or update civil servants and their primary post."""

from collections.abc import Callable
from datetime import date

from django.db import transaction
from django.utils import timezone

from canbo.core import audit
from canbo.core.models import AuditEntry
from canbo.core.text import fold, has_control, is_code
from canbo.integration.imports.reader import Row, RowResult, parse_date, text
from canbo.integration.imports.scope import Actor
from canbo.integration.tasks.fast_insert import insert_rows
from canbo.org.choices import COMMUNE_KINDS, Education, PoliticalTheory, StateManagement
from canbo.org.models import JobPosition, Organization, Title
from canbo.people.choices import Ethnicity, Gender
from canbo.people.models import ID_NUMBER, PastClassification, Person, Post
from canbo.people.services import assign_post
from canbo.scoring import COMPLETE, EXCELLENT, FAIL, GOOD

HEADERS = [
    "Mã công chức",
    "Họ và tên",
    "Ngày sinh hoặc năm sinh",
    "Giới tính",
    "Dân tộc",
    "Đơn vị",
    "Mã vị trí việc làm",
    "Mã chức danh",
    "Ngày nhận nhiệm vụ",
]
PAST_YEARS = range(2021, 2026)
CLASSIFICATION_HEADERS = {f"Xếp loại {year}": year for year in PAST_YEARS}
HISTORY = "Quá trình công tác"
# Optional columns: the personnel record, past classifications and post history.
OPTIONAL = [
    "Số CCCD",
    "Quê quán",
    "Đảng viên",
    "Trình độ chuyên môn",
    "Chuyên ngành",
    "Lý luận chính trị",
    "Quản lý nhà nước",
    "Tin học",
    "Ngoại ngữ",
    "Ngày vào công tác",
    *CLASSIFICATION_HEADERS,
    HISTORY,
]
NOTES = [
    "Mỗi dòng là một công chức; mã đã có thì cập nhật, chưa có thì thêm mới.",
    "Ngày sinh hoặc năm sinh: dd/mm/yyyy, hoặc chỉ năm (ví dụ 1985).",
    "Giới tính: Nam hoặc Nữ. Dân tộc: Kinh, Thái, Mông, Dao, Hà Nhì, Giáy, Lự, Khơ Mú, Cống, "
    "Mảng, La Hủ, Si La hoặc Khác.",
    "Đơn vị: mã định danh, hoặc tên đúng (nếu trùng tên thì ghi “Tên đơn vị cha / Tên đơn vị”).",
    "Mã vị trí việc làm, Mã chức danh: theo danh mục của hệ thống (có thể để trống).",
    "Ngày nhận nhiệm vụ: ngày bắt đầu giữ chức vụ/đơn vị mới (để trống là hôm nay).",
    "Ngày nhận nhiệm vụ, Ngày vào công tác: không được sau hôm nay.",
    "Cột tùy chọn (có thể bỏ cả cột): Số CCCD (12 chữ số, không trùng người khác); Quê quán "
    "(xã/phường: mã định danh hoặc tên); Đảng viên (Có/Không); Trình độ chuyên môn (Trung học "
    "phổ thông, Trung cấp / Cao đẳng, Đại học, Thạc sĩ, Tiến sĩ); Chuyên ngành; Lý luận chính "
    "trị (Chưa có, Sơ cấp, Trung cấp, Cao cấp); Quản lý nhà nước (Chưa có, Chuyên viên, Chuyên "
    "viên chính, Chuyên viên cao cấp); Tin học; Ngoại ngữ; Ngày vào công tác.",
    "Xếp loại 2021 … Xếp loại 2025: Hoàn thành xuất sắc nhiệm vụ, Hoàn thành tốt nhiệm vụ, "
    "Hoàn thành nhiệm vụ, Không hoàn thành nhiệm vụ (hoặc HTXSNV, HTTNV, HTNV, KHTNV); để "
    "trống nếu không có.",
    "Quá trình công tác: các chức vụ đã giữ trước chức vụ hiện tại, cách nhau bằng dấu “;”, "
    "mỗi chức vụ “từ ngày|đến ngày|đơn vị|mã vị trí việc làm|mã chức danh” (ví dụ "
    "“01/01/2015|31/12/2020|Phường Tân Phong|VP|CONG_CHUC”).",
    "Tệp có lỗi ở bất kỳ dòng nào thì không dòng nào được ghi.",
]
LEVELS = {
    fold(k): v
    for k, v in {
        "Hoàn thành xuất sắc nhiệm vụ": EXCELLENT,
        "HTXSNV": EXCELLENT,
        "Xuất sắc": EXCELLENT,
        "Hoàn thành tốt nhiệm vụ": GOOD,
        "HTTNV": GOOD,
        "Tốt": GOOD,
        "Hoàn thành nhiệm vụ": COMPLETE,
        "HTNV": COMPLETE,
        "Hoàn thành": COMPLETE,
        "Không hoàn thành nhiệm vụ": FAIL,
        "KHTNV": FAIL,
        "Không hoàn thành": FAIL,
    }.items()
}
EDUCATION = {
    fold(k): v
    for k, v in {
        "Chưa có": Education.NONE,
        "Trung học phổ thông": Education.SECONDARY,
        "Trung cấp / Cao đẳng": Education.VOCATIONAL,
        "Trung cấp": Education.VOCATIONAL,
        "Cao đẳng": Education.VOCATIONAL,
        "Đại học": Education.UNIVERSITY,
        "Thạc sĩ": Education.MASTER,
        "Tiến sĩ": Education.DOCTOR,
    }.items()
}
THEORY = {
    fold(k): v
    for k, v in {
        "Chưa có": PoliticalTheory.NONE,
        "Không": PoliticalTheory.NONE,
        "Sơ cấp": PoliticalTheory.BASIC,
        "Trung cấp": PoliticalTheory.INTERMEDIATE,
        "Cao cấp": PoliticalTheory.ADVANCED,
    }.items()
}
STATE = {
    fold(k): v
    for k, v in {
        "Chưa có": StateManagement.NONE,
        "Không": StateManagement.NONE,
        "Chuyên viên": StateManagement.SPECIALIST,
        "Chuyên viên chính": StateManagement.MAIN_SPECIALIST,
        "Chuyên viên cao cấp": StateManagement.SENIOR_SPECIALIST,
    }.items()
}
YES_NO = {"co": True, "x": True, "1": True, "khong": False, "0": False}
RECORD_FIELDS = [
    "id_number",
    "hometown",
    "party_member",
    "education",
    "major",
    "political_theory",
    "state_management",
    "it_certificate",
    "foreign_language",
    "service_start",
]
GENDERS = {"nam": Gender.MALE, "male": Gender.MALE, "nu": Gender.FEMALE, "female": Gender.FEMALE}
ETHNICITIES = (
    {fold(label): code for code, label in Ethnicity.choices if code != Ethnicity.OTHER}
    | {code: code for code in Ethnicity.values}
    | {"khac": Ethnicity.OTHER}
)
PERSON_FIELDS = ["full_name", "birth_date", "birth_year", "gender", "ethnicity"]
POST_FIELDS = ["organization", "job_position", "title"]
Progress = Callable[[int], None]


def check(actor: Actor, rows: list[Row], progress: Progress | None = None) -> list[RowResult]:
    lookup = _Lookup(actor, rows)
    seen: dict[str, int] = {}
    seen_ids: dict[str, int] = {}
    results = []
    for index, (number, values) in enumerate(rows, start=1):
        result = _check_row(lookup, number, values)
        code = text(values["Mã công chức"])
        if code in seen:
            result.errors.append(f"Mã công chức trùng với dòng {seen[code]}.")
            result.action = ""
        seen.setdefault(code, number)
        id_number = text(values["Số CCCD"])
        if id_number and id_number in seen_ids:
            result.errors.append(f"Số CCCD {id_number} trùng với dòng {seen_ids[id_number]}.")
            result.action = ""
        if id_number:
            seen_ids.setdefault(id_number, number)
        results.append(result)
        if progress and index % 200 == 0:
            progress(index)
    return results


def write(actor: Actor, results: list[RowResult]) -> int:
    written = 0
    with transaction.atomic():
        news = [r.data for r in results if r.action == "create"]
        _create_people(actor, news)
        updates = [r.data for r in results if r.action == "update"]
        _update_people(actor, updates, _known_past(updates))
        written += len(news) + len(updates)
        _save_history(results)
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
        self.by_ref: dict[str, list[Organization]] = {}
        for o in self.orgs:
            for key in {o.code, o.name, _parent_path(o)} - {None, ""}:
                self.by_ref.setdefault(key, []).append(o)
        self.communes: dict[str, list[Organization]] = {}
        for o in Organization.objects.filter(kind__in=COMMUNE_KINDS):
            for key in {o.code, o.name} - {None, ""}:
                self.communes.setdefault(key, []).append(o)
        ids = {text(v["Số CCCD"]) for _, v in rows} - {""}
        self.id_owners = dict(
            Person.objects.filter(id_number__in=ids).values_list("id_number", "code")
        )
        known = [p.pk for p in self.people.values()]
        self.past = {
            (p, y): lv
            for p, y, lv in PastClassification.objects.filter(person_id__in=known).values_list(
                "person_id", "year", "level"
            )
        }
        self.posts = set(
            Post.objects.filter(person_id__in=known).values_list(
                "person_id", "start", "organization_id"
            )
        )
        # Current holders of single-holder titles (Chủ tịch…): (org id, title id) → code.
        self.holders = {
            (o, t): c
            for o, t, c in Post.objects.filter(
                end__isnull=True, title__single_holder=True
            ).values_list("organization_id", "title_id", "person__code")
        }
        self.codes = codes

    def org(self, ref: str, errors: list[str]) -> Organization | None:
        found = self.by_ref.get(ref, [])
        matches = [o for o in found if o.code == ref] or found
        if len(matches) == 1:
            return matches[0]
        if matches:
            errors.append(
                f"Có nhiều đơn vị tên “{ref}”: ghi “Tên đơn vị cha / {ref}” hoặc mã định danh."
            )
        elif (
            Organization.objects.filter(code=ref).exists()
            or Organization.objects.filter(name=ref).exists()
        ):
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
        errors.append(
            "Mã công chức chỉ gồm chữ cái không dấu, chữ số và . _ - (bắt đầu bằng "
            "chữ hoặc số; không có dấu cách, dấu nháy, dấu / hay xuống dòng)."
        )
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
    _single_holder(lookup, data, code, errors)
    data.update(_record(lookup, values, errors, code))
    data["past"] = _past(values, errors)
    data["history"] = _history(lookup, values, errors, data.get("start"))
    if errors:
        return result
    if existing and not data["birth_date"] and existing.birth_year == data["birth_year"]:
        data["birth_date"] = existing.birth_date  # a year alone keeps the known full date
    result.data = data | {"person": existing}
    result.action = _action(existing, data, lookup)
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
    for header, field, table in (
        ("Mã vị trí việc làm", "job_position", lookup.positions),
        ("Mã chức danh", "title", lookup.titles),
    ):
        key = text(values[header])
        found[field] = table.get(key) if key else None
        if key and found[field] is None:
            errors.append(f"Không có {header.lower()} “{key}”.")
    start = parse_date(values["Ngày nhận nhiệm vụ"], "Ngày nhận nhiệm vụ", errors)
    _not_future(start, "Ngày nhận nhiệm vụ", lookup.today, errors)
    return {"organization": org, **found, "start": start or lookup.today}


def _single_holder(lookup: _Lookup, data: dict, code: str, errors: list[str]) -> None:
    """A single-holder title (Chủ tịch UBND…) held by someone else, who is not in the file."""
    title, org = data.get("title"), data.get("organization")
    if not title or not org or not title.single_holder:
        return
    holder = lookup.holders.get((org.pk, title.pk))
    if holder and holder != code and holder not in lookup.codes:
        errors.append(
            f"{org} đang có {title} (mã {holder}): kết thúc chức vụ của người này "
            "trước (quyết định luân chuyển), hoặc đưa họ vào cùng tệp với chức vụ mới."
        )


def _not_future(day: date | None, label: str, today: date, errors: list[str]) -> None:
    if day and day > today:
        errors.append(f"{label} {day:%d/%m/%Y} ở tương lai (sau hôm nay).")


def _record(lookup: _Lookup, values: dict, errors: list[str], code: str) -> dict:
    """The optional personnel-record columns (absent column or empty cell: unchanged)."""
    data: dict = {}
    id_number = text(values["Số CCCD"])
    if id_number:
        owner = lookup.id_owners.get(id_number)
        if not ID_NUMBER.match(id_number):
            errors.append(f"Số CCCD “{id_number}” phải gồm đúng 12 chữ số.")
        elif owner and owner != code:
            errors.append(f"Số CCCD {id_number} đã được ghi cho công chức khác (mã {owner}).")
        data["id_number"] = id_number
    hometown = text(values["Quê quán"])
    if hometown:
        found = lookup.communes.get(hometown, [])
        if len(found) != 1:
            errors.append(
                f"Quê quán “{hometown}” không phải tên hoặc mã một xã, phường của tỉnh."
                if not found
                else f"Có nhiều xã, phường tên “{hometown}”: ghi mã định danh."
            )
        data["hometown"] = found[0] if len(found) == 1 else None
    for header, field, table, hint in (
        ("Đảng viên", "party_member", YES_NO, "Có hoặc Không"),
        ("Trình độ chuyên môn", "education", EDUCATION, "xem hướng dẫn"),
        ("Lý luận chính trị", "political_theory", THEORY, "xem hướng dẫn"),
        ("Quản lý nhà nước", "state_management", STATE, "xem hướng dẫn"),
    ):
        raw = text(values[header])
        if raw:
            value = table.get(fold(raw))
            if value is None:
                errors.append(f"{header} “{raw}” không hợp lệ ({hint}).")
            data[field] = value
    for header, field in (
        ("Chuyên ngành", "major"),
        ("Tin học", "it_certificate"),
        ("Ngoại ngữ", "foreign_language"),
    ):
        raw = text(values[header])
        if raw:
            if len(raw) > (200 if field == "major" else 120) or has_control(raw):
                errors.append(f"{header} quá dài hoặc có ký tự điều khiển.")
            data[field] = raw
    start = parse_date(values["Ngày vào công tác"], "Ngày vào công tác", errors)
    if start:
        _not_future(start, "Ngày vào công tác", lookup.today, errors)
        data["service_start"] = start
    return {"record": data}


def _past(values: dict, errors: list[str]) -> dict[int, str]:
    found = {}
    for header, year in CLASSIFICATION_HEADERS.items():
        raw = text(values[header])
        if raw:
            level = LEVELS.get(fold(raw))
            if level is None:
                errors.append(f"{header} “{raw}” không hợp lệ (xem hướng dẫn).")
            else:
                found[year] = level
    return found


def _history(lookup: _Lookup, values: dict, errors: list[str], current: date | None) -> list:
    raw = text(values[HISTORY])
    posts = []
    for index, entry in enumerate([e for e in raw.split(";") if e.strip()], start=1):
        parts = [p.strip() for p in entry.split("|")]
        if len(parts) != 5:
            errors.append(
                f"{HISTORY}, mục {index}: cần “từ ngày|đến ngày|đơn vị|mã vị trí việc "
                "làm|mã chức danh”."
            )
            continue
        label = f"{HISTORY}, mục {index}"
        start = parse_date(parts[0], f"{label}: từ ngày", errors)
        end = parse_date(parts[1], f"{label}: đến ngày", errors)
        org = _history_org(lookup, parts[2], label, errors)
        position = lookup.positions.get(parts[3]) if parts[3] else None
        title = lookup.titles.get(parts[4]) if parts[4] else None
        if parts[3] and position is None:
            errors.append(f"{label}: không có mã vị trí việc làm “{parts[3]}”.")
        if parts[4] and title is None:
            errors.append(f"{label}: không có mã chức danh “{parts[4]}”.")
        if start is None or end is None:
            errors.append(f"{label}: cần cả từ ngày và đến ngày.")
            continue
        if end < start:
            errors.append(f"{label}: đến ngày trước từ ngày.")
        _not_future(end, f"{label}: đến ngày", lookup.today, errors)
        if current and end > current:
            errors.append(f"{label}: kết thúc sau ngày nhận nhiệm vụ hiện tại.")
        posts.append((start, end, org, position, title))
    return posts


def _history_org(lookup: _Lookup, ref: str, label: str, errors: list[str]):
    found = lookup.by_ref.get(ref) or lookup.communes.get(ref) or []
    if len(found) != 1:
        errors.append(f"{label}: không xác định được đơn vị “{ref}”.")
        return None
    return found[0]


def _action(person: Person | None, data: dict, lookup: "_Lookup") -> str:
    if person is None:
        return "create"
    same = (
        all(getattr(person, f) == data[f] for f in PERSON_FIELDS)
        and all(getattr(person, f"{f}_id") == getattr(data[f], "pk", None) for f in POST_FIELDS)
        and all(_value(person, f) == _pk(v) for f, v in data["record"].items())
        and all(lookup.past.get((person.pk, y)) == lv for y, lv in data["past"].items())
        and all(
            (person.pk, start, getattr(org, "pk", None)) in lookup.posts
            for start, _end, org, _position, _title in data["history"]
        )
    )
    return "unchanged" if same else "update"


def _value(person: Person, name: str):
    """A field's stored value; a foreign key's id (never a query per row)."""
    return getattr(person, person._meta.get_field(name).attname)


def _pk(value):
    return value.pk if hasattr(value, "pk") else value


def _person_row(data: dict) -> dict:
    """Column values of a new person (attnames), for fast_insert."""
    row = {
        "code": data["code"],
        "search_key": f"{fold(data['full_name'])} {data['code'].lower()}",
        **{f: data[f] for f in PERSON_FIELDS},
        "id_number": None,
        **{f"{f}_id": getattr(data[f], "pk", None) for f in POST_FIELDS},
    }
    for name in RECORD_FIELDS:
        field = Person._meta.get_field(name)
        if name in data["record"]:
            row[field.attname] = _pk(data["record"][name])
        elif field.attname not in row:
            row[field.attname] = field.get_default()
    return row


def _create_people(actor: Actor, rows: list[dict]) -> None:
    """New people in bulk (COPY on PostgreSQL): the person, the primary post and one audit
    entry each."""
    if not rows:
        return
    people = [_person_row(d) for d in rows]
    insert_rows(Person, people)
    for data, row in zip(rows, people, strict=True):
        data["person_id"] = row["id"]
    insert_rows(
        Post,
        [
            {
                "person_id": d["person_id"],
                "organization_id": d["organization"].pk,
                "job_position_id": getattr(d["job_position"], "pk", None),
                "title_id": getattr(d["title"], "pk", None),
                "start": d["start"],
                "end": None,
                "concurrent": False,
                "decision": "nhập từ bảng tính",
            }
            for d in rows
        ],
    )
    user_id = actor.user.pk if getattr(actor.user, "pk", None) else None
    insert_rows(
        AuditEntry,
        [
            {
                "actor_id": user_id,
                "action": "people.import_person",
                "object_type": "people.person",
                "object_id": str(row["id"]),
                "object_repr": row["full_name"][:255],
                "changes": {f: [None, _json(row[f])] for f in PERSON_FIELDS},
                "reason": "nhập từ bảng tính",
            }
            for row in people
        ],
    )


def _json(value):
    return value if value is None or isinstance(value, (bool, int, str)) else str(value)


def _known_past(rows: list[dict]) -> dict:
    ids = [d["person"].pk for d in rows if d["past"]]
    found = {}
    for start in range(0, len(ids), 1000):
        found |= {
            (p, y): lv
            for p, y, lv in PastClassification.objects.filter(
                person_id__in=ids[start : start + 1000]
            ).values_list("person_id", "year", "level")
        }
    return found


def _save_history(results: list[RowResult]) -> None:
    """Past classifications (replacing those of the same years) and former posts."""
    rows = [r.data for r in results if r.action in ("create", "update")]
    past = [
        (d.get("person_id") or d["person"].pk, year, level)
        for d in rows
        for year, level in d["past"].items()
    ]
    updated = [d["person"].pk for d in rows if d.get("person") is not None and d["past"]]
    for start in range(0, len(updated), 1000):
        PastClassification.objects.filter(
            person_id__in=updated[start : start + 1000], year__in=list(PAST_YEARS)
        ).delete()
    insert_rows(
        PastClassification,
        [
            {"person_id": p, "year": y, "level": lv, "source": "nhập từ bảng tính"}
            for p, y, lv in past
        ],
    )
    existing: set = set()
    people = [d["person"].pk for d in rows if d.get("person") is not None and d["history"]]
    for start in range(0, len(people), 1000):
        existing |= set(
            Post.objects.filter(person_id__in=people[start : start + 1000]).values_list(
                "person_id", "start", "organization_id"
            )
        )
    history = []
    for d in rows:
        person_id = d.get("person_id") or d["person"].pk
        for start, end, org, position, title in d["history"]:
            if (person_id, start, org.pk) not in existing:
                existing.add((person_id, start, org.pk))
                history.append(
                    {
                        "person_id": person_id,
                        "organization_id": org.pk,
                        "job_position_id": getattr(position, "pk", None),
                        "title_id": getattr(title, "pk", None),
                        "start": start,
                        "end": end,
                        "concurrent": False,
                        "decision": "quá trình công tác (nhập từ bảng tính)",
                    }
                )
    insert_rows(Post, history)


def _update_people(actor: Actor, rows: list[dict], lookup_past: dict) -> None:
    """Existing people in bulk: changed fields, one audit entry each (with the past
    classifications that change); a changed post goes through assign_post."""
    people, audits, fields = [], [], {"search_key"}
    user_id = actor.user.pk if getattr(actor.user, "pk", None) else None
    for data in rows:
        person = data["person"]
        names = PERSON_FIELDS + list(data["record"])
        before = audit.snapshot(person, names)
        for name in PERSON_FIELDS:
            setattr(person, name, data[name])
        for name, value in data["record"].items():
            setattr(person, name, value)
        person.id_number = person.id_number or None
        person.search_key = f"{fold(person.full_name)} {person.code.lower()}"
        after = audit.snapshot(person, names)
        changes = {k: [before[k], after[k]] for k in names if before[k] != after[k]}
        for year, level in data["past"].items():
            old = lookup_past.get((person.pk, year))
            if old != level:
                changes[f"Xếp loại {year}"] = [old, level]
        if any(k in changes for k in names):
            people.append(person)
            fields |= {k for k in names if k in changes}
        audits.append(
            {
                "actor_id": user_id,
                "action": "people.import_person",
                "object_type": "people.person",
                "object_id": str(person.pk),
                "object_repr": str(person)[:255],
                "changes": changes,
                "reason": "nhập từ bảng tính",
            }
        )
    if people:
        Person.objects.bulk_update(people, sorted(fields), batch_size=500)
    insert_rows(AuditEntry, audits)
    for data in rows:
        person = data["person"]
        if any(getattr(person, f"{f}_id") != getattr(data[f], "pk", None) for f in POST_FIELDS):
            assign_post(
                actor.user,
                person,
                data["organization"],
                data["start"],
                job_position=data["job_position"],
                title=data["title"],
                decision="nhập từ bảng tính",
            )
