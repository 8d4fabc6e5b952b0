"""Live indicators: what the system already knows about an action's progress, on a date.

Each indicator reads the whole province (an aggregate, no personal data) and returns a
short value such as "12/38"; the plan tracker, the periodic report and `canbo plan-report`
show the same figures.
"""

from collections.abc import Callable
from datetime import date

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from canbo.cadre.analysis import assess, university_candidates
from canbo.cadre.models import (
    Enrolment,
    EnrolmentStatus,
    PlanningReview,
    ProgrammeKind,
    RotationRecord,
    RotationStatus,
    TrainingPlan,
)
from canbo.cadre.models.records import DISCIPLINE_KINDS, PersonnelDecision
from canbo.evaluation.choices import AnnualStatus, SheetStatus
from canbo.evaluation.models import AnnualResult, EvaluationSheet
from canbo.org.choices import COMMUNE_KINDS, Field
from canbo.org.models import Organization
from canbo.oversight import complaints
from canbo.oversight.models import Finding, JobPositionApproval, PlanReport, ReportStatus
from canbo.people.models import Person

IT_CLASS_TARGET = 100  # "02 lớp đại học công nghệ thông tin cho khoảng 100 cán bộ"
JOB_POSITIONS_DUE = date(2026, 6, 30)  # "hoàn thành trước ngày 01/7/2026"


class Context:
    """What several indicators share, computed once per report."""

    def __init__(self, as_of: date):
        self.as_of = as_of
        self._communes: int | None = None

    @property
    def communes(self) -> int:
        if self._communes is None:
            self._communes = Organization.objects.filter(kind__in=COMMUNE_KINDS).count()
        return self._communes

    def of_communes(self, n: int) -> str:
        return f"{n}/{self.communes}"

    def year_start(self) -> date:
        return date(self.as_of.year, 1, 1)


def job_positions(ctx: Context) -> str:
    approved = JobPositionApproval.objects.filter(
        decision_date__lte=min(ctx.as_of, JOB_POSITIONS_DUE),
        organization__kind__in=COMMUNE_KINDS,
    ).count()
    return ctx.of_communes(approved)


def university_sent(ctx: Context) -> str:
    """Below the professional standard with more than 6 years left: sent N of M."""
    people = Person.objects.filter(organization__isnull=False)
    candidates = university_candidates(assess(people), ctx.as_of)
    ids = {row.person.pk for row in candidates}
    sent = set(
        Enrolment.objects.filter(
            person_id__in=ids,
            training_class__programme__kind=ProgrammeKind.UNIVERSITY,
            training_class__start__lte=ctx.as_of,
        )
        .exclude(status=EnrolmentStatus.DROPPED)
        .values_list("person_id", flat=True)
    )
    return f"{len(sent)}/{len(ids)}"


def it_classes(ctx: Context) -> str:
    rows = Enrolment.objects.filter(
        Q(training_class__programme__kind=ProgrammeKind.IT)
        | Q(
            training_class__programme__kind=ProgrammeKind.UNIVERSITY,
            training_class__programme__field=Field.IT,
        ),
        training_class__start__lte=ctx.as_of,
    ).exclude(status=EnrolmentStatus.DROPPED)
    enrolled = rows.count()
    completed = rows.filter(status=EnrolmentStatus.COMPLETED, completed_on__lte=ctx.as_of).count()
    return str(
        _("%(enrolled)s enrolled, %(completed)s completed (target %(target)s)")
        % {"enrolled": enrolled, "completed": completed, "target": IT_CLASS_TARGET}
    )


def rotations_to_communes(ctx: Context) -> str:
    """Decided moves this year from a provincial body into a commune."""
    moves = RotationRecord.objects.filter(
        status=RotationStatus.DECIDED,
        effective_date__gte=ctx.year_start(),
        effective_date__lte=ctx.as_of,
        from_org__isnull=False,
    ).select_related("from_org", "to_org")
    communes = {o.path: o for o in Organization.objects.filter(kind__in=COMMUNE_KINDS)}

    def in_commune(org: Organization) -> bool:
        return any(org.path.startswith(path) for path in communes)

    return str(sum(1 for m in moves if in_commune(m.to_org) and not in_commune(m.from_org)))


def succession_reviewed(ctx: Context) -> str:
    reviewed = (
        PlanningReview.objects.filter(year=ctx.as_of.year, organization__kind__in=COMMUNE_KINDS)
        .values("organization")
        .distinct()
        .count()
    )
    return ctx.of_communes(reviewed)


def training_plans(ctx: Context) -> str:
    planned = (
        TrainingPlan.objects.filter(year=ctx.as_of.year, organization__kind__in=COMMUNE_KINDS)
        .values("organization")
        .distinct()
        .count()
    )
    return ctx.of_communes(planned)


def theory_enrolled(ctx: Context) -> str:
    return str(
        Enrolment.objects.filter(
            training_class__programme__kind=ProgrammeKind.POLITICAL_THEORY,
            training_class__start__lte=ctx.as_of,
        )
        .exclude(status=EnrolmentStatus.DROPPED)
        .count()
    )


def courses_completed(ctx: Context) -> str:
    return str(
        Enrolment.objects.filter(
            training_class__programme__kind__in=[
                ProgrammeKind.SHORT_COURSE,
                ProgrammeKind.STATE_MANAGEMENT,
            ],
            status=EnrolmentStatus.COMPLETED,
            completed_on__gte=ctx.year_start(),
            completed_on__lte=ctx.as_of,
        ).count()
    )


def annual_classified(ctx: Context) -> str:
    final = (
        AnnualResult.objects.filter(year=ctx.as_of.year, status=AnnualStatus.FINAL)
        .values("organization")
        .distinct()
        .count()
    )
    return ctx.of_communes(final)


def communes_on_software(ctx: Context) -> str:
    """Communes with sheets beyond the draft this year (periods may be province-wide)."""
    paths = (
        EvaluationSheet.objects.filter(
            period__start__year=ctx.as_of.year, period__start__lte=ctx.as_of
        )
        .exclude(status=SheetStatus.DRAFT)
        .values_list("person__organization__path", flat=True)
        .distinct()
    )
    communes = set(
        Organization.objects.filter(kind__in=COMMUNE_KINDS).values_list("path", flat=True)
    )
    using = {commune for path in paths for commune in communes if path.startswith(commune)}
    return ctx.of_communes(len(using))


def disciplines(ctx: Context) -> str:
    return str(
        PersonnelDecision.objects.filter(
            kind__in=DISCIPLINE_KINDS,
            decision_date__gte=ctx.year_start(),
            decision_date__lte=ctx.as_of,
        ).count()
    )


def findings(ctx: Context) -> str:
    return str(Finding.objects.filter(on__gte=ctx.year_start(), on__lte=ctx.as_of).count())


def reports_signed(ctx: Context) -> str:
    return str(PlanReport.objects.filter(year=ctx.as_of.year, status=ReportStatus.SIGNED).count())


def complaints_open(ctx: Context) -> str:
    return str(complaints.open_count(ctx.as_of))


INDICATORS: dict[str, tuple[object, Callable[[Context], str]]] = {
    "job_positions": (
        _("Communes whose job positions were approved before 01/07/2026"),
        job_positions,
    ),
    "university_sent": (
        _("Cadres below standard with more than 6 years left sent to university"),
        university_sent,
    ),
    "it_classes": (_("University IT classes: enrolled and completed"), it_classes),
    "rotations_to_communes": (
        _("Rotations from the province to communes this year"),
        rotations_to_communes,
    ),
    "succession_reviewed": (
        _("Communes whose succession lists were reviewed this year"),
        succession_reviewed,
    ),
    "training_plans": (_("Communes with a training plan this year"), training_plans),
    "theory_enrolled": (_("Cadres sent to political-theory classes"), theory_enrolled),
    "courses_completed": (
        _("Short and state-management courses completed this year"),
        courses_completed,
    ),
    "annual_classified": (
        _("Communes that finalised the annual classification"),
        annual_classified,
    ),
    "communes_on_software": (
        _("Communes evaluating their civil servants in the system this year"),
        communes_on_software,
    ),
    "disciplines": (_("Disciplinary decisions this year"), disciplines),
    "findings": (_("Supervision findings this year"), findings),
    "complaints_open": (_("Complaints and denunciations being handled"), complaints_open),
    "reports_signed": (_("Periodic reports signed this year"), reports_signed),
}
