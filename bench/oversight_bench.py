"""Time the plan tracker's pages and `canbo plan-report` on the demo province.

Runs against the configured database (the SQLite demo under var/ by default, or
DATABASE_URL), which must hold `canbo seed-demo`. Pages are fetched as the supervising body
(uybankiemtra), the provincial personnel office (sonoivu) and a commune chairman; prints the
median and worst time of each page over --runs fetches, its size raw and gzipped, and the
time of plan-report in each format. Asserts nothing.

Usage:
    .venv/bin/python bench/oversight_bench.py [--runs 7]
"""

import argparse
import gzip
import io
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.scratch import timed  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "canbo.settings")
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from canbo.org.models import Organization
    from canbo.oversight.analytics import supervision_analytics
    from canbo.oversight.complaints import Case
    from canbo.oversight.models import Inspection, PlanAction

    setup_test_environment()  # the test client's ALLOWED_HOSTS ("testserver")
    users = get_user_model().objects
    action = PlanAction.objects.get(code="II.2.1.b")
    case = Case.objects.order_by("pk").first()
    inspection = Inspection.objects.order_by("pk").first()
    commune = Organization.objects.get(name="Phường Tân Phong")
    pages = [
        ("uybankiemtra", reverse("oversight:actions")),
        ("uybankiemtra", reverse("oversight:action", args=[action.pk])),
        ("uybankiemtra", reverse("oversight:findings")),
        ("uybankiemtra", reverse("oversight:cases")),
        ("uybankiemtra", reverse("oversight:case", args=[case.pk])),
        ("uybankiemtra", reverse("oversight:analytics") + "?year=2026"),
        ("uybankiemtra", reverse("oversight:reports")),
        ("uybankiemtra", reverse("oversight:inspections")),
        ("uybankiemtra", reverse("oversight:inspection", args=[inspection.pk])),
        ("uybankiemtra", reverse("oversight:equipment")),
        ("uybankiemtra", reverse("oversight:equipment_commune", args=[commune.pk])),
        ("sonoivu", reverse("oversight:approvals")),
        ("sonoivu", reverse("oversight:norms")),
        ("sonoivu", reverse("oversight:case", args=[case.pk])),
        ("sonoivu", reverse("oversight:actions") + "?overdue=on"),
        ("sonoivu", reverse("oversight:cases")),
        ("chutich.tanphong", reverse("oversight:analytics") + "?year=2026"),
        ("uybankiemtra", reverse("oversight:actions") + "?format=xlsx"),
        ("uybankiemtra", reverse("reports:plan_docx") + "?as_of=2026-11-30"),
    ]
    print(f"{'user':<18} {'page':<44} {'median ms':>9} {'max ms':>8} {'KB':>7} {'gz KB':>6}")
    for username, url in pages:
        client = Client()
        client.force_login(users.get(username=username))
        median, worst, response = timed(lambda c=client, u=url: c.get(u), args.runs)
        body = response.content
        print(
            f"{username:<18} {url:<44} {median:9.0f} {worst:8.0f} {len(body) / 1024:7.1f} "
            f"{len(gzip.compress(body)) / 1024:6.1f}  [{response.status_code}]"
        )
    supervisor = users.get(username="uybankiemtra")
    median, worst, _ = timed(lambda: supervision_analytics(supervisor, 2026), args.runs)
    print(
        f"analytics computed afresh (the page shares it 10 min): median {median:6.0f} ms, "
        f"max {worst:6.0f} ms"
    )
    with tempfile.TemporaryDirectory() as folder:
        for kind in ("json", "xlsx", "docx"):
            target = [] if kind == "json" else ["-o", str(Path(folder) / f"plan.{kind}")]

            def report(kind=kind, target=target):
                call_command(
                    "plan-report",
                    "--format",
                    kind,
                    "--as-of",
                    "2026-11-30",
                    *target,
                    stdout=io.StringIO(),
                )

            median, worst, _ = timed(report, args.runs)
            print(f"plan-report --format {kind:<5} median {median:6.0f} ms, max {worst:6.0f} ms")


if __name__ == "__main__":
    main()
