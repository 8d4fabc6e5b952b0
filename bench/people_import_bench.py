"""Time `canbo import-people` on 10,000 rows with the full personnel record, past
classifications 2021–2025 and two former posts each (issue 17 target: < 30 s).

A fresh database is migrated and given the demo province's structure (no staff); the rows are
generated deterministically, written to an .xlsx, then checked and written as the command does.
Then a revised file is imported (every row an update: major and the 2025 classification),
then that file again (nothing changes). Prints figures; asserts nothing.

Usage:
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/canbo_pp \\
        .venv/bin/python bench/people_import_bench.py [--rows 10000]
    (without DATABASE_URL: a temporary SQLite file)
"""

import argparse
import io
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
if "DATABASE_URL" not in os.environ:
    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from canbo.demo import province  # noqa: E402
from canbo.demo.seed import seed_commune, seed_positions, seed_province, seed_titles  # noqa: E402
from canbo.integration.imports.batches import check_rows, write_rows  # noqa: E402
from canbo.integration.imports.people_rows import HEADERS, OPTIONAL  # noqa: E402
from canbo.integration.imports.scope import Actor  # noqa: E402
from canbo.people.models import PastClassification, Person, Post  # noqa: E402

LEVELS = ["Hoàn thành tốt nhiệm vụ", "HTXSNV", "Hoàn thành nhiệm vụ", "Không hoàn thành nhiệm vụ"]


def _structure() -> list[str]:
    root, _office = seed_province()
    seed_titles()
    seed_positions()
    return [seed_commune(c, root).org.code for c in province.COMMUNES]


def _rows(n: int, communes: list[str], revised: bool = False) -> bytes:
    rng = random.Random(17)
    positions = [p.code for p in province.POSITIONS]
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(HEADERS + OPTIONAL)
    for i in range(n):
        home, first, second = rng.choice(communes), rng.choice(communes), rng.choice(communes)
        position = rng.choice(positions)
        record = {
            "Số CCCD": f"{11_000_000_000 + i:012d}",
            "Quê quán": home,
            "Đảng viên": rng.choice(["Có", "Không"]),
            "Trình độ chuyên môn": "Đại học",
            "Chuyên ngành": "Luật",
            "Lý luận chính trị": rng.choice(["Sơ cấp", "Trung cấp"]),
            "Quản lý nhà nước": "Chuyên viên",
            "Tin học": "Cơ bản",
            "Ngoại ngữ": "",
            "Ngày vào công tác": "01/03/2008",
            **{f"Xếp loại {y}": rng.choice(LEVELS) for y in range(2021, 2026)},
            **(
                {"Xếp loại 2025": "Hoàn thành tốt nhiệm vụ", "Chuyên ngành": "Hành chính học"}
                if revised
                else {}
            ),
            "Quá trình công tác": f"01/03/2008|31/12/2014|{first}|{position}|CONG_CHUC; "
            f"01/01/2015|31/12/2020|{second}|{position}|CONG_CHUC",
        }
        sheet.append(
            [
                f"BM-{i:05d}",
                f"Nguyễn Văn Thử {i}",
                str(1970 + i % 30),
                rng.choice(["Nam", "Nữ"]),
                rng.choice(["Kinh", "Thái", "Mông", "Dao"]),
                rng.choice(communes),
                position,
                "CONG_CHUC",
                "01/01/2021",
            ]
            + [record[h] for h in OPTIONAL]
        )
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _import(content: bytes) -> tuple[float, float, int]:
    actor = Actor(None, None)
    start = time.perf_counter()
    results = check_rows(actor, "people", content)
    checked = time.perf_counter()
    assert not any(r.errors for r in results), [r.errors for r in results if r.errors][:3]
    written = write_rows(actor, "people", results)
    return checked - start, time.perf_counter() - checked, written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    Post.objects.filter(person__code__startswith="BM-").delete()
    PastClassification.objects.filter(person__code__startswith="BM-").delete()
    Person.objects.filter(code__startswith="BM-").delete()
    communes = _structure()
    content = _rows(args.rows, communes)
    revised = _rows(args.rows, communes, revised=True)
    print(
        f"database: {connection.vendor}; file: {args.rows:,} rows, "
        f"{len(content) / 1024 / 1024:.1f} MB"
    )
    for label, data in (
        ("first import (create)", content),
        ("revised file (update)", revised),
        ("same file again", revised),
    ):
        check, write, written = _import(data)
        print(
            f"{label:24s} check {check:6.1f} s  write {write:6.1f} s  total "
            f"{check + write:6.1f} s  ({written:,} rows written)"
        )
    print(
        f"people {Person.objects.count():,}, posts {Post.objects.count():,}, "
        f"past classifications {PastClassification.objects.count():,}"
    )


if __name__ == "__main__":
    main()
