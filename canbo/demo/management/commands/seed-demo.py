"""`canbo seed-demo [--scale N]`: a deterministic demo Lai Châu (idempotent)."""

from django.core.management.base import BaseCommand, CommandParser

from canbo.agency.demo import seed_agency
from canbo.cadre.demo import seed_cadre
from canbo.cadre.demo_registers import seed_leave_and_conclusions
from canbo.demo.seed import seed_all
from canbo.evaluation.demo import seed_evaluation, seed_year_end
from canbo.feedback.demo import seed_feedback
from canbo.oversight.demo import seed_oversight
from canbo.work.demo import seed_work


def _number(value: int) -> str:
    """Vietnamese digit grouping: 100000 -> 100.000."""
    return f"{value:,}".replace(",", ".")


class Command(BaseCommand):
    help = "Tạo dữ liệu demo tỉnh Lai Châu: 38 đơn vị cấp xã, công chức, tài khoản demo."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=int,
            default=0,
            metavar="N",
            help="Tạo thêm N công chức (mã SC-000001…) để thử tải.",
        )

    def handle(self, *args, scale: int = 0, **options) -> None:
        if scale < 0:
            self.stderr.write("--scale phải là số không âm.")
            return
        summary = seed_all(scale=scale)
        self.stdout.write(
            self.style.SUCCESS(
                f"Dữ liệu demo: {summary.communes} đơn vị cấp xã, "
                f"{summary.departments} phòng, ban; {_number(summary.people)} công chức "
                f"(thêm mới {_number(summary.created)})."
            )
        )
        if not scale:
            # Tasks, evaluations and cadre records only for the demo province itself:
            # --scale adds people for load tests, not a year of their work.
            seed_work(self.stdout)
            seed_leave_and_conclusions(self.stdout)  # before the evaluations: months off
            seed_evaluation(self.stdout)
            seed_feedback(self.stdout)
            seed_cadre(self.stdout)
            seed_year_end(self.stdout)  # after discipline and conclusions are recorded
            seed_agency(self.stdout)  # after the year's tasks, training and annual results
            seed_oversight(self.stdout)
        self.stdout.write("Xem tài khoản demo: canbo demo-logins")
