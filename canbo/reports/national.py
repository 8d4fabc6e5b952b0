"""The annual classification for the national cadre database (Decree 27/2026/NĐ-CP, data
group "đánh giá, xếp loại"). The national format is not published: this is our documented,
versioned exchange format (docs/national-export.md). Finalised rows only.
"""

import csv
import io
import json

from django.utils import timezone

from canbo.evaluation.choices import AnnualStatus
from canbo.reports.annual_report import average_text
from canbo.reports.official_data import DATA_GROUP, LEGAL_BASIS
from canbo.scoring import LABELS

FORMAT = "canbo.national-cadre.evaluation"
VERSION = "1.0"
FIELDS = [
    "personal_id",
    "person_code",
    "full_name",
    "birth_date",
    "gender",
    "organization_code",
    "organization_name",
    "year",
    "months_counted",
    "months_absent",
    "average",
    "score_level",
    "final_level",
    "final_label",
    "overrides",
    "decision",
    "reason",
    "finalised_at",
]


def national_rows(year: int, results):
    return (
        results.filter(year=year, status=AnnualStatus.FINAL)
        .select_related("person", "organization")
        .order_by("organization__path", "person__code")
    )


def record(row) -> dict:
    person, org = row.person, row.organization
    return {
        # The Person model holds no personal identification number (số định danh cá nhân)
        # yet: the key is null and person_code identifies the civil servant.
        "personal_id": getattr(person, "id_number", None) or None,
        "person_code": person.code,
        "full_name": person.full_name,
        "birth_date": person.birth_date.isoformat() if person.birth_date else None,
        "gender": person.gender or None,
        "organization_code": org.code,
        "organization_name": org.name,
        "year": row.year,
        "months_counted": row.periods_used,
        "months_absent": row.periods_absent,
        "average": average_text(row),
        "score_level": row.classification or None,
        "final_level": row.level or None,
        "final_label": LABELS.get(row.level) or None,
        "overrides": list(row.overrides or []),
        "decision": row.final_decision or None,
        "reason": row.final_reason or None,
        "finalised_at": row.finalised_at.isoformat() if row.finalised_at else None,
    }


def national_json(year: int, results, source) -> bytes:
    document = {
        "format": FORMAT,
        "version": VERSION,
        "data_group": DATA_GROUP,
        "legal_basis": LEGAL_BASIS,
        "generated_at": timezone.now().isoformat(),
        "source": {
            "system": "canbo",
            "organization_code": source.code,
            "organization_name": source.name,
        },
        "year": year,
        "records": [record(row) for row in national_rows(year, results)],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()


def national_csv(year: int, results) -> bytes:
    """UTF-8 with a byte-order mark (spreadsheets read it right), one header row, lists
    joined by "|"; every row carries the format version."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["format_version", *FIELDS])
    for row in national_rows(year, results):
        data = record(row)
        data["overrides"] = "|".join(data["overrides"])
        writer.writerow([VERSION, *("" if data[f] is None else data[f] for f in FIELDS)])
    return ("\ufeff" + buffer.getvalue()).encode()
