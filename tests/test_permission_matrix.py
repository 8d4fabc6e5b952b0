"""Every URL × every persona: generated from the URL conf so a new URL cannot be forgotten."""

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PERSONAS = ["anonymous", "staff", "head", "chair", "personnel", "outsider", "admin"]
ALL_IN = {p: 200 for p in PERSONAS if p != "anonymous"} | {"anonymous": 302}


def expect(anonymous=302, **statuses) -> dict[str, int]:
    return {"anonymous": anonymous} | statuses


@dataclass
class Case:
    kwargs: Callable = field(default=lambda w: {})
    statuses: dict[str, int] = field(default_factory=lambda: dict(ALL_IN))
    method: str = "get"


def person(key):
    return lambda w: {"pk": w.people[key].pk}


def org(attr):
    return lambda w: {"pk": getattr(w, attr).pk}


def api_client(w):
    from canbo.integration.models import ApiClient
    from canbo.integration.services import create_client

    client = ApiClient.objects.filter(name="matrix").first()
    if client is None:
        client, _ = create_client(None, "matrix", w.tanphong, ["org:read"])
    return {"pk": client.pk}


def work_catalog(published):
    """A published catalogue of Tân Phong, or a draft of its office (get-or-create)."""

    def kwargs(w):
        from datetime import date

        from canbo.work.catalog_services import create_catalog, publish_catalog
        from canbo.work.models import Catalog, CatalogItem

        org = w.tanphong if published else w.tp_office
        catalog = Catalog.objects.filter(organization=org).first()
        if catalog is None:
            catalog = create_catalog(None, org, "Danh mục", date(2026, 1, 1))
            CatalogItem.objects.create(
                catalog=catalog, code="A1", name="Báo cáo", unit="bản", coefficient=1
            )
            if published:
                publish_catalog(None, catalog)
        return {"pk": catalog.pk}

    return kwargs


def work_item(w):
    from canbo.work.models import CatalogItem

    work_catalog(False)(w)
    return {"pk": CatalogItem.objects.get(catalog__organization=w.tp_office).pk}


def work_task(key):
    def kwargs(w):
        from datetime import date

        from canbo.work.models import Task
        from canbo.work.task_services import assign_task

        task = Task.objects.filter(assignee=w.people[key]).first() or assign_task(
            None,
            name="Nhiệm vụ",
            assignee=w.people[key],
            assigned_date=date(2026, 3, 2),
            coefficient=1,
        )
        return {"pk": task.pk}

    return kwargs


def cadre_object(kind):
    """A training class, or an enrolment / planning candidate / rotation / capacity flag of
    "staff"."""

    def kwargs(w):
        from datetime import date

        from canbo.cadre.models import (
            CapacityFlag,
            Enrolment,
            PlanningCandidate,
            Programme,
            RotationRecord,
            TrainingClass,
        )
        from canbo.cadre.services.planning import add_candidate, create_term

        programme, _ = Programme.objects.get_or_create(name="Tin học", kind="it")
        tc, _ = TrainingClass.objects.get_or_create(
            programme=programme,
            name="Lớp tin học",
            defaults={"start": date(2026, 1, 1), "end": date(2026, 2, 1), "capacity": 9},
        )
        staff = w.people["staff"]
        made = {
            "class": lambda: tc,
            "enrolment": lambda: Enrolment.objects.get_or_create(training_class=tc, person=staff)[
                0
            ],
            "candidate": lambda: (
                PlanningCandidate.objects.filter(person=staff).first()
                or add_candidate(
                    None,
                    create_term(None, 2026),
                    w.head_title,
                    w.tanphong,
                    staff,
                    "Triển vọng",
                    date(2026, 1, 1),
                )
            ),
            "rotation": lambda: RotationRecord.objects.get_or_create(
                person=staff, kind="transfer", to_org=w.tp_economy
            )[0],
            "flag": lambda: CapacityFlag.objects.get_or_create(
                person=staff,
                active=True,
                defaults={"reason": "Kết luận kiểm tra", "flagged_on": date(2026, 1, 5)},
            )[0],
        }
        return {"pk": made[kind]().pk}

    return kwargs


def pipeline_object(kind):
    """A recruitment round of Tân Phong (with a position and a candidate), or a student of the
    talent pool from Tân Phong."""

    def kwargs(w):
        from canbo.cadre.models import (
            RecruitmentCandidate,
            RecruitmentPosition,
            RecruitmentRound,
            TalentRecord,
        )

        rnd, _ = RecruitmentRound.objects.get_or_create(
            name="Tuyển dụng 2026", defaults={"year": 2026, "organization": w.tanphong}
        )
        position, _ = RecruitmentPosition.objects.get_or_create(
            round=rnd, organization=w.tanphong, job_position=w.position
        )
        candidate, _ = RecruitmentCandidate.objects.get_or_create(
            position=position, full_name="Lò Văn Thắng", defaults={"gender": "male"}
        )
        talent, _ = TalentRecord.objects.get_or_create(
            full_name="Vàng Thị Dung",
            defaults={
                "year": 2026,
                "gender": "female",
                "origin": w.tanphong,
                "school": "ĐH Thái Nguyên",
                "major": "Công nghệ thông tin",
                "field": "it",
                "graduation_year": 2027,
            },
        )
        return {"pk": {"round": rnd, "candidate": candidate, "talent": talent}[kind].pk}

    return kwargs


CATALOG_MANAGERS = {"staff": 403, "chair": 403, "outsider": 403, "personnel": 200, "admin": 200}


def leave_of(key):
    """A leave period of a person (Tân Phong's "staff" or Đoàn Kết's "outsider")."""

    def kwargs(w):
        from datetime import date

        from canbo.people.models import LeavePeriod

        leave, _ = LeavePeriod.objects.get_or_create(
            person=w.people[key],
            start=date(2026, 3, 1),
            defaults={"kind": "sick", "end": date(2026, 3, 6), "evidence": "Giấy ra viện"},
        )
        return {"pk": leave.pk}

    return kwargs


def import_batch(w):
    """A checked (invalid) spreadsheet batch uploaded by the provincial personnel officer."""
    from canbo.integration.imports.models import ImportBatch

    batch = ImportBatch.objects.filter(file_name="matrix.csv").first()
    batch = batch or ImportBatch.objects.create(
        kind="tasks",
        file_name="matrix.csv",
        content=b"x",
        sha256="0" * 64,
        uploaded_by=w.users["personnel"],
        status="invalid",
    )
    return {"pk": batch.pk}


def rejected_payload(w):
    """A status packet uploaded in Tân Phong before its document: kept, still pending."""
    from pathlib import Path

    from canbo.integration.imports.models import RejectedPayload

    body = (Path(__file__).parent / "integration" / "edxml" / "status04.xml").read_bytes()
    payload = RejectedPayload.objects.filter(name="matrix.xml").first()
    payload = payload or RejectedPayload.objects.create(
        organization=w.tanphong,
        endpoint="upload",
        name="matrix.xml",
        body=body,
        reason="Chưa nhận văn bản",
    )
    return {"pk": payload.pk}


def waiting_payload(w):
    """A status packet of Tân Phong naming a handler nobody matches: waits for a pick."""
    from pathlib import Path

    from canbo.integration.imports.models import RejectedPayload

    corpus = Path(__file__).parent / "integration" / "edxml" / "corpus"
    payload = RejectedPayload.objects.filter(name="matrix-handler.xml").first()
    payload = payload or RejectedPayload.objects.create(
        organization=w.tanphong,
        endpoint="upload",
        name="matrix-handler.xml",
        body=(corpus / "a_status05_unknown.xml").read_bytes(),
        reason="Không tìm thấy",
        handler="Hoàng Văn Khánh",
    )
    return {"pk": payload.pk}


IMPORTERS = expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200)
IMPORTERS_POST = expect(staff=403, head=400, chair=400, personnel=400, outsider=403, admin=400)
ONLY_UPLOADER = expect(staff=403, head=404, chair=404, personnel=200, outsider=403, admin=404)
ONLY_UPLOADER_POST = ONLY_UPLOADER | {"personnel": 302}
PAYLOAD_POST = expect(staff=403, head=404, chair=302, personnel=302, outsider=403, admin=302)
PICKERS = expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200)
PICKERS_POST = PICKERS | {"personnel": 400, "admin": 400}


def _october(w):
    from datetime import date

    from canbo.evaluation.models import EvaluationPeriod
    from canbo.evaluation.services.periods import open_period

    found = EvaluationPeriod.objects.filter(organization=w.tanphong).first()
    return found or open_period(w.users["personnel"], w.tanphong, date(2026, 10, 1))


def period(w):
    return {"pk": _october(w).pk}


def sheet(w):
    return {"pk": _october(w).sheets.get(person=w.people["staff"]).pk}


def annual_result(key):
    def kwargs(w):
        from canbo.evaluation.models import AnnualResult

        row, _ = AnnualResult.objects.get_or_create(
            person=w.people[key], year=2026, defaults={"organization": w.people[key].organization}
        )
        return {"pk": row.pk}

    return kwargs


def export_job(w):
    """A finished province export of the provincial personnel officer (file under MEDIA)."""
    from canbo.reports.exports import build_export, request_export
    from canbo.reports.models import ExportJob

    job = ExportJob.objects.filter(user=w.users["personnel"]).first()
    if job is None:
        job = request_export(w.users["personnel"], 2026, w.province)
        build_export.call(job.pk)
    return {"pk": job.pk}


DASHBOARD_VIEWERS = expect(staff=403, head=403, chair=200, personnel=200, outsider=403, admin=200)
ONLY_REQUESTER = expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=404)


def feedback_rating(w):
    """A dissatisfied, commented rating of a Tân Phong dossier of "staff", with a phone."""
    from datetime import date

    from canbo.feedback.dossiers import DossierData, RatingData, check_dossiers, write_dossiers
    from canbo.feedback.models import CitizenContact, Rating
    from canbo.people.models import Person

    rating = Rating.objects.filter(dossier__code="MX-1").first()
    if rating is None:
        rows = [DossierData("MX-1", "TP-1", date(2026, 10, 2), rating=RatingData(1, "Chậm"))]
        write_dossiers(None, check_dossiers(Person.objects.all(), rows), "matrix")
        rating = Rating.objects.get(dossier__code="MX-1")
        CitizenContact.objects.create(rating=rating, phone="0912345678")
    return {"pk": rating.pk}


def feedback_dossier(w):
    from canbo.feedback.models import Dossier

    feedback_rating(w)
    return {"pk": Dossier.objects.get(code="MX-1").pk}


def counter_token(w):
    from canbo.feedback.tokens import counter_token

    return {"token": counter_token(w.people["staff"].pk)}


def october_opened(w):
    _october(w)
    return {}


def year(w):
    return {"year": 2026}


def agency_evaluation(attr):
    def kwargs(w):
        from canbo.agency.evaluations import ensure_evaluation

        return {"pk": ensure_evaluation(getattr(w, attr), 2026).pk}

    return kwargs


def agency_actual(w):
    from canbo.agency import actuals, indicators, targets
    from canbo.agency.models import Actual

    found = Actual.objects.filter(organization=w.tanphong).first()
    if found is None:
        indicator_set = indicators.create_indicator_set(
            None, 2026, "Chỉ tiêu", [{"name": "Thu nhập", "unit": "triệu đồng", "max_points": 4}]
        )
        indicator = indicator_set.indicators.get()
        targets.set_target(None, indicator, w.tanphong, "50")
        found = actuals.enter_actual(None, indicator, w.tanphong, "45", "TK", "BC 1")
    return {"pk": found.pk}


def agency_targets_post(w):
    """A set in force for 2026 (get-or-create), so the empty targets post saves nothing: 302."""
    from canbo.agency import indicators
    from canbo.agency.evaluations import active_indicator_set

    if active_indicator_set(2026) is None:
        indicators.create_indicator_set(
            None, 2026, "Chỉ tiêu", [{"name": "Thu nhập", "unit": "triệu đồng", "max_points": 4}]
        )
    return {"year": 2026}


AGENCY_VIEWERS = expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200)
AGENCY_COMPARE = expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200)
AGENCY_POST = expect(staff=403, head=302, chair=302, personnel=302, outsider=403, admin=302)
PERIOD_MANAGERS = expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200)
PERIOD_MANAGERS_POST = expect(
    staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302
)
MANAGERS_ONLY = expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200)
ONLY_SELF_OR_TANPHONG = expect(
    staff=200, head=200, chair=200, personnel=200, outsider=404, admin=200
)
CADRE_VIEWERS = expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200)


def plan_action(w):
    """The plan loaded; II.2.1.b is owned by Sở Nội vụ (the "personnel" persona's agency)."""
    from canbo.oversight.models import PlanAction
    from canbo.oversight.plan_services import load_plan

    if not PlanAction.objects.exists():
        load_plan()
    return {"pk": PlanAction.objects.get(code="II.2.1.b").pk}


def plan_evidence(w):
    from canbo.oversight.models import Evidence, PlanAction

    action = PlanAction.objects.get(pk=plan_action(w)["pk"])
    evidence = Evidence.objects.filter(action=action).first() or Evidence.objects.create(
        action=action,
        name="qd.pdf",
        content_type="application/pdf",
        size=5,
        sha256="0" * 64,
        content=b"%PDF-",
    )
    return {"pk": evidence.pk}


def plan_loaded(w):
    plan_action(w)
    return {}


def plan_case(w):
    """A denunciation about Tân Phong handled by Sở Nội vụ (the "personnel" persona)."""
    from datetime import date

    from canbo.org.models import Organization
    from canbo.oversight.complaints import Case, due_dates

    case = Case.objects.filter(number="M-1").first()
    if case is None:
        accept_due, resolve_due = due_dates("denunciation", date(2026, 9, 1))
        case = Case.objects.create(
            kind="denunciation",
            number="M-1",
            received_on=date(2026, 9, 1),
            source="citizen",
            sender_name="Người tố cáo",
            summary="Nội dung",
            organization=w.tanphong,
            handling_body=Organization.objects.get(name="Sở Nội vụ"),
            accept_due=accept_due,
            resolve_due=resolve_due,
        )
    return {"pk": case.pk}


def plan_case_document(w):
    from canbo.oversight.complaints import CaseDocument

    case_id = plan_case(w)["pk"]
    document = CaseDocument.objects.filter(case_id=case_id).first() or (
        CaseDocument.objects.create(
            case_id=case_id,
            name="bb.pdf",
            content_type="application/pdf",
            size=5,
            sha256="0" * 64,
            content=b"%PDF-",
        )
    )
    return {"pk": document.pk}


def plan_inspection(w):
    from datetime import date

    from canbo.oversight.models import Finding, Inspection

    found = Inspection.objects.filter(title="M").first() or Inspection.objects.create(
        kind="scheduled",
        title="M",
        body="UBKT",
        organization=w.tanphong,
        start=date(2026, 9, 1),
        end=date(2026, 9, 5),
    )
    if not found.findings.exists():
        Finding.objects.create(
            inspection=found, organization=w.tanphong, text="F", on=date(2026, 9, 5)
        )
    return {"pk": found.pk}


def plan_finding(w):
    from canbo.oversight.models import Finding

    return {"pk": Finding.objects.get(inspection_id=plan_inspection(w)["pk"]).pk}


FINDING_WRITERS_POST = expect(
    staff=403, head=403, chair=403, personnel=403, outsider=403, admin=400
)
CASE_HANDLER = expect(staff=403, head=403, chair=403, personnel=400, outsider=403, admin=403)
PLAN_READERS = expect(staff=403, head=403, chair=200, personnel=200, outsider=403, admin=200)
PLAN_OWNERS_POST = expect(staff=403, head=403, chair=403, personnel=400, outsider=403, admin=400)
MATRIX: dict[str, list[Case]] = {
    "agency:home": [
        Case(
            statuses=expect(staff=403, head=302, chair=302, personnel=302, outsider=403, admin=302)
        )
    ],
    "agency:compare": [Case(year, AGENCY_COMPARE)],
    "agency:recompute": [Case(year, PERIOD_MANAGERS_POST, method="post")],
    "agency:indicators": [Case(year, AGENCY_VIEWERS)],
    # no indicator chosen: 404 once the right is granted (only the chairman among personas)
    "agency:actual_enter": [
        Case(
            year,
            expect(staff=403, head=403, chair=404, personnel=403, outsider=403, admin=403),
            method="post",
        )
    ],
    "agency:actual_review": [Case(agency_actual, PERIOD_MANAGERS_POST, method="post")],
    "agency:indicator_set": [Case(year, PERIOD_MANAGERS)],
    # an empty post names no indicator: 400 (refused with its message) once the right is granted
    "agency:indicator_save": [
        Case(
            year,
            expect(staff=403, head=403, chair=403, personnel=400, outsider=403, admin=400),
            method="post",
        )
    ],
    "agency:targets": [
        Case(year, PERIOD_MANAGERS),
        Case(agency_targets_post, PERIOD_MANAGERS_POST, method="post"),
    ],
    # no indicator set in the matrix world: 404 once the right is granted
    "agency:targets_xlsx": [
        Case(year, expect(staff=403, head=403, chair=403, personnel=404, outsider=403, admin=404))
    ],
    "agency:evaluation": [
        Case(agency_evaluation("tanphong"), AGENCY_VIEWERS),
        Case(
            agency_evaluation("doanket"),
            expect(staff=403, head=404, chair=404, personnel=200, outsider=403, admin=200),
        ),
    ],
    "agency:evaluation_action": [Case(agency_evaluation("tanphong"), AGENCY_POST, method="post")],
    "reports:agency_docx": [
        Case(agency_evaluation("tanphong"), AGENCY_VIEWERS),
        Case(
            agency_evaluation("doanket"),
            expect(staff=403, head=404, chair=404, personnel=200, outsider=403, admin=200),
        ),
    ],
    "reports:agency_xlsx": [Case(year, AGENCY_COMPARE)],
    "oversight:actions": [Case(statuses=PLAN_READERS)],
    "oversight:action": [Case(plan_action, PLAN_READERS)],
    # an empty form is refused (400) once the right and the ownership are granted
    "oversight:action_update": [Case(plan_action, PLAN_OWNERS_POST, method="post")],
    "oversight:evidence_add": [Case(plan_action, PLAN_OWNERS_POST, method="post")],
    "oversight:finding_add": [
        Case(
            plan_action,
            expect(staff=403, head=403, chair=403, personnel=403, outsider=403, admin=400),
            method="post",
        )
    ],
    "oversight:evidence": [Case(plan_evidence, PLAN_READERS)],
    "oversight:findings": [Case(statuses=PLAN_READERS)],
    "oversight:reports": [Case(statuses=PLAN_READERS)],
    "oversight:report_edit": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=403, outsider=403, admin=200)
        )
    ],
    "oversight:analytics": [Case(statuses=PLAN_READERS)],
    "oversight:inspections": [Case(statuses=PLAN_READERS)],
    "oversight:inspection_new": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=403, outsider=403, admin=200)
        )
    ],
    "oversight:inspection": [Case(plan_inspection, PLAN_READERS)],
    "oversight:inspection_finding": [Case(plan_inspection, FINDING_WRITERS_POST, method="post")],
    "oversight:inspection_conclude": [Case(plan_inspection, FINDING_WRITERS_POST, method="post")],
    "oversight:finding_remedy": [Case(plan_finding, FINDING_WRITERS_POST, method="post")],
    # linking needs a record of the person: an empty form names none (404)
    "oversight:finding_outcome": [
        Case(
            plan_finding,
            expect(staff=403, head=403, chair=403, personnel=404, outsider=403, admin=404),
            method="post",
        )
    ],
    "oversight:equipment": [Case(statuses=PLAN_READERS)],
    "oversight:equipment_commune": [
        Case(org("tanphong"), PLAN_READERS),
        Case(
            org("doanket"),
            expect(staff=403, head=403, chair=404, personnel=200, outsider=403, admin=200),
        ),
    ],
    # an empty form is refused (400) for the province's personnel office
    "oversight:equipment_add": [
        Case(
            org("tanphong"),
            expect(staff=403, head=403, chair=403, personnel=400, outsider=403, admin=403),
            method="post",
        )
    ],
    "oversight:norms": [Case(statuses=PLAN_READERS)],
    # an empty form is refused (400) for the provincial personnel office, the only editor
    "oversight:norm_set": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=400, outsider=403, admin=403),
            method="post",
        )
    ],
    "oversight:approvals": [Case(statuses=PLAN_READERS)],
    "oversight:approval_add": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=400, outsider=403, admin=403),
            method="post",
        )
    ],
    "oversight:cases": [Case(statuses=PLAN_READERS)],
    "oversight:case_new": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=403)
        )
    ],
    "oversight:case": [Case(plan_case, PLAN_READERS)],
    # an empty form is refused (400) for the handling body; nobody else may act
    "oversight:case_act": [Case(plan_case, CASE_HANDLER, method="post")],
    # no record chosen: 404 for the handling body's personnel office; 403 for all others
    "oversight:case_outcome": [
        Case(
            plan_case,
            expect(staff=403, head=403, chair=403, personnel=404, outsider=403, admin=403),
            method="post",
        )
    ],
    "oversight:case_document_add": [Case(plan_case, CASE_HANDLER, method="post")],
    "oversight:case_document": [
        Case(
            plan_case_document,
            expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=403),
        )
    ],
    "reports:plan_docx": [Case(plan_loaded, PLAN_READERS)],
    "reports:plan_xlsx": [Case(plan_loaded, PLAN_READERS)],
    "evaluation:me": [
        Case(
            statuses=expect(staff=200, head=200, chair=200, personnel=403, outsider=200, admin=403)
        )
    ],
    "evaluation:sheet": [
        Case(sheet, expect(staff=200, head=200, chair=200, personnel=200, outsider=404, admin=200))
    ],
    "evaluation:unit_results": [Case()],
    "evaluation:review_board": [
        Case(
            statuses=expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200)
        )
    ],
    "evaluation:approval_board": [
        Case(
            statuses=expect(staff=403, head=403, chair=200, personnel=403, outsider=403, admin=403)
        )
    ],
    "evaluation:approve_bulk": [
        Case(
            method="post",
            statuses=expect(staff=403, head=403, chair=302, personnel=403, outsider=403, admin=403),
        )
    ],
    "evaluation:periods": [Case(statuses=PERIOD_MANAGERS)],
    "evaluation:period": [Case(period, PERIOD_MANAGERS)],
    "evaluation:period_lock": [Case(period, PERIOD_MANAGERS_POST, method="post")],
    "evaluation:annual_current": [
        Case(
            statuses=expect(staff=403, head=302, chair=302, personnel=302, outsider=403, admin=302)
        )
    ],
    "evaluation:annual": [
        Case(year, expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200))
    ],
    "evaluation:annual_action": [Case(year, PERIOD_MANAGERS_POST, method="post")],
    "evaluation:charges": [Case(org("tanphong"), PERIOD_MANAGERS)],
    # an empty form names no leader: 404 once the right is granted
    "evaluation:charge_action": [
        Case(
            org("tanphong"),
            expect(staff=403, head=403, chair=403, personnel=404, outsider=403, admin=404),
            method="post",
        )
    ],
    "reports:sheet_docx": [
        Case(sheet, expect(staff=200, head=200, chair=200, personnel=200, outsider=404, admin=200))
    ],
    "reports:unit_xlsx": [
        Case(
            october_opened,
            expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200),
        )
    ],
    "reports:annual_docx": [
        Case(
            annual_result("staff"),
            expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200),
        ),
        Case(
            annual_result("outsider"),
            expect(staff=403, head=404, chair=404, personnel=200, outsider=403, admin=200),
        ),
    ],
    "reports:annual_report_xlsx": [Case(year, CADRE_VIEWERS)],
    "reports:annual_report_docx": [Case(year, CADRE_VIEWERS)],
    "reports:dashboard": [Case(statuses=DASHBOARD_VIEWERS)],
    "reports:dashboard_xlsx": [Case(statuses=DASHBOARD_VIEWERS)],
    "reports:export_start": [
        Case(
            year,
            method="post",
            statuses=expect(staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302),
        )
    ],
    "reports:export_status": [Case(export_job, ONLY_REQUESTER)],
    "reports:export_download": [Case(export_job, ONLY_REQUESTER)],
    "feedback:index": [Case()],
    "feedback:comments": [Case()],
    "feedback:person": [
        Case(person("staff"), ONLY_SELF_OR_TANPHONG),
        Case(
            person("outsider"),
            expect(staff=404, head=404, chair=404, personnel=200, outsider=200, admin=200),
        ),
    ],
    "feedback:rating_seen": [
        Case(
            feedback_rating,
            method="post",
            statuses=expect(staff=403, head=302, chair=302, personnel=403, outsider=403, admin=403),
        )
    ],
    # an empty answer is refused with a message (302 back to the list), nothing written
    "feedback:rating_answer": [
        Case(
            feedback_rating,
            method="post",
            statuses=expect(staff=302, head=302, chair=302, personnel=302, outsider=404, admin=302),
        )
    ],
    "feedback:contact_delete": [
        Case(
            feedback_rating,
            method="post",
            statuses=expect(staff=403, head=302, chair=302, personnel=302, outsider=403, admin=302),
        )
    ],
    "feedback:commune_xlsx": [
        Case(org("tanphong"), CADRE_VIEWERS),
        Case(
            org("doanket"),
            expect(staff=403, head=404, chair=404, personnel=200, outsider=403, admin=200),
        ),
    ],
    "feedback:qr_person": [Case(person("staff"), CADRE_VIEWERS)],
    "feedback:qr_dossier": [Case(feedback_dossier, CADRE_VIEWERS)],
    "feedback:qr_commune": [
        Case(org("tanphong"), CADRE_VIEWERS),
        Case(
            org("doanket"),
            expect(staff=403, head=404, chair=404, personnel=200, outsider=403, admin=200),
        ),
    ],
    # the citizens' rating page is public: no login, the signed token is the key
    "rate": [Case(counter_token, {p: 200 for p in PERSONAS})],
    "integration:clients": [Case(statuses=MANAGERS_ONLY)],
    "integration:client_create": [Case(statuses=MANAGERS_ONLY)],
    "integration:client": [Case(api_client, MANAGERS_ONLY)],
    "integration:client_revoke": [
        Case(
            api_client,
            method="post",
            statuses=expect(staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302),
        )
    ],
    "integration:client_rotate": [Case(api_client, MANAGERS_ONLY, method="post")],
    "integration:client_subscribe": [
        Case(
            api_client,
            method="post",
            statuses=expect(staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302),
        )
    ],
    "integration:imports": [Case(statuses=IMPORTERS)],
    "integration:import_template": [
        Case(lambda w: {"kind": "tasks"}, IMPORTERS),
        Case(
            lambda w: {"kind": "people"},
            expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200),
        ),
        Case(
            lambda w: {"kind": "dossiers"},
            expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200),
        ),
    ],
    "integration:import_upload": [Case(method="post", statuses=IMPORTERS_POST)],
    "integration:import_edxml": [Case(method="post", statuses=IMPORTERS_POST)],
    "integration:import_batch": [Case(import_batch, ONLY_UPLOADER)],
    "integration:import_commit": [Case(import_batch, ONLY_UPLOADER_POST, method="post")],
    "integration:import_discard": [Case(import_batch, ONLY_UPLOADER_POST, method="post")],
    "integration:import_retry": [Case(import_batch, ONLY_UPLOADER_POST, method="post")],
    "integration:payload_retry": [Case(rejected_payload, PAYLOAD_POST, method="post")],
    "integration:payload_discard": [Case(rejected_payload, PAYLOAD_POST, method="post")],
    "integration:payload_handler": [
        Case(waiting_payload, PICKERS),
        Case(waiting_payload, PICKERS_POST, method="post"),
    ],
    "work:catalogs": [Case()],
    "work:catalog_create": [
        Case(
            method="post",
            statuses=expect(**CATALOG_MANAGERS | {"head": 400, "personnel": 400, "admin": 400}),
        )
    ],
    "work:catalog": [
        Case(work_catalog(True), ONLY_SELF_OR_TANPHONG),
        Case(
            work_catalog(False),
            expect(staff=404, head=200, chair=404, personnel=200, outsider=404, admin=200),
        ),
    ],
    "work:item_create": [
        Case(work_catalog(False), expect(**CATALOG_MANAGERS, head=200)),
        Case(
            work_catalog(True),
            expect(**CATALOG_MANAGERS | {"personnel": 302, "admin": 302}, head=404),
        ),
    ],
    "work:item_edit": [Case(work_item, expect(**CATALOG_MANAGERS, head=200))],
    "work:catalog_publish": [
        Case(
            work_catalog(False),
            method="post",
            statuses=expect(**CATALOG_MANAGERS | {"personnel": 302, "admin": 302}, head=302),
        )
    ],
    "work:catalog_new_version": [
        Case(
            work_catalog(True),
            method="post",
            statuses=expect(**CATALOG_MANAGERS | {"personnel": 302, "admin": 302}, head=404),
        )
    ],
    "work:catalog_export": [Case(work_catalog(True), ONLY_SELF_OR_TANPHONG)],
    "work:catalog_import": [
        Case(
            work_catalog(False),
            method="post",
            statuses=expect(**CATALOG_MANAGERS | {"personnel": 400, "admin": 400}, head=400),
        )
    ],
    "work:my_tasks": [Case()],
    "work:tasks": [
        Case(
            statuses=expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200)
        )
    ],
    "work:task": [
        Case(work_task("staff"), ONLY_SELF_OR_TANPHONG),
        Case(
            work_task("economy"),
            expect(staff=404, head=404, chair=200, personnel=200, outsider=404, admin=200),
        ),
        Case(
            work_task("outsider"),
            expect(staff=404, head=404, chair=404, personnel=200, outsider=200, admin=200),
        ),
    ],
    "work:task_act": [
        Case(
            work_task("staff"),
            method="post",
            statuses=expect(staff=403, head=302, chair=302, personnel=403, outsider=404, admin=403),
        )
    ],
    "work:task_explain": [
        Case(
            work_task("staff"),
            method="post",
            statuses=expect(staff=302, head=302, chair=302, personnel=302, outsider=404, admin=302),
        )
    ],
    "home": [Case()],
    "healthz": [Case(statuses={p: 200 for p in PERSONAS})],
    "login": [Case(statuses={p: 200 for p in PERSONAS})],
    "logout": [Case(method="post", statuses={p: 302 for p in PERSONAS})],
    "password_change": [Case()],
    "audit": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=403, outsider=403, admin=200)
        )
    ],
    "org:list": [Case()],
    "org:detail": [
        Case(org("tanphong"), ONLY_SELF_OR_TANPHONG),
        Case(
            org("tp_economy"),
            expect(staff=200, head=200, chair=200, personnel=200, outsider=404, admin=200),
        ),
        Case(
            org("doanket"),
            expect(staff=404, head=404, chair=404, personnel=200, outsider=200, admin=200),
        ),
    ],
    "people:list": [
        Case(
            statuses=expect(staff=403, head=200, chair=200, personnel=200, outsider=403, admin=200)
        )
    ],
    "people:detail": [
        Case(person("staff"), ONLY_SELF_OR_TANPHONG),
        Case(
            person("colleague"),
            expect(staff=404, head=200, chair=200, personnel=200, outsider=404, admin=200),
        ),
        Case(
            person("economy"),
            expect(staff=404, head=404, chair=200, personnel=200, outsider=404, admin=200),
        ),
        Case(
            person("outsider"),
            expect(staff=404, head=404, chair=404, personnel=200, outsider=200, admin=200),
        ),
    ],
    "people:access_log": [
        Case(
            statuses=expect(staff=403, head=403, chair=403, personnel=200, outsider=403, admin=200)
        )
    ],
    # Lifting a login lockout: personnel officers and administrators, within their scope.
    "people:unlock": [
        Case(
            person("staff"),
            expect(staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302),
            method="post",
        ),
        Case(
            person("outsider"),
            expect(staff=403, head=403, chair=403, personnel=302, outsider=403, admin=302),
            method="post",
        ),
    ],
    "cadre:index": [Case()],
    "cadre:person": [
        Case(person("staff"), ONLY_SELF_OR_TANPHONG),
        Case(
            person("colleague"),
            expect(staff=404, head=200, chair=200, personnel=200, outsider=404, admin=200),
        ),
        Case(
            person("outsider"),
            expect(staff=404, head=404, chair=404, personnel=200, outsider=200, admin=200),
        ),
    ],
    **{
        name: [Case(statuses=CADRE_VIEWERS)]
        for name in (
            "cadre:gaps",
            "cadre:gap_people",
            "cadre:candidates",
            "cadre:theory",
            "cadre:classes",
            "cadre:plans",
            "cadre:planning",
            "cadre:rotations",
            "cadre:staffing",
            "cadre:flags",
        )
    },
    "cadre:enrolments": [Case()],
    "cadre:decisions": [Case()],
    **{
        name: [Case(statuses=MANAGERS_ONLY)]
        for name in (
            "cadre:class_new",
            "cadre:programme_new",
            "cadre:term_new",
            "cadre:candidate_add",
            "cadre:review_add",
            "cadre:rotation_new",
            "cadre:decision_new",
            "cadre:flag_new",
        )
    },
    "cadre:class_detail": [Case(cadre_object("class"), CADRE_VIEWERS)],
    # An empty POST names no person in scope: 404 for managers, nothing written.
    "cadre:enrol": [
        Case(
            cadre_object("class"),
            method="post",
            statuses=expect(staff=403, head=403, chair=403, personnel=404, outsider=403, admin=404),
        )
    ],
    "cadre:enrolment_update": [Case(cadre_object("enrolment"), MANAGERS_ONLY)],
    "cadre:candidate_remove": [Case(cadre_object("candidate"), MANAGERS_ONLY)],
    "cadre:rotation_decide": [Case(cadre_object("rotation"), MANAGERS_ONLY)],
    "cadre:flag_lift": [Case(cadre_object("flag"), MANAGERS_ONLY)],
    **{
        name: [Case(person("staff"), MANAGERS_ONLY), Case(person("outsider"), MANAGERS_ONLY)]
        for name in ("cadre:leave_new", "cadre:conclusion_new")
    },
    "cadre:leave_delete": [
        Case(leave_of("staff"), MANAGERS_ONLY),
        Case(leave_of("outsider"), MANAGERS_ONLY),
    ],
    # The people pipeline (issue 17): lists for viewers, workflow for personnel officers.
    **{
        name: [Case(statuses=CADRE_VIEWERS)]
        for name in ("cadre:key_titles", "cadre:rounds", "cadre:needs", "cadre:talent")
    },
    **{
        name: [Case(statuses=MANAGERS_ONLY)]
        for name in ("cadre:round_new", "cadre:talent_new", "cadre:position_new")
    },
    "cadre:positions": [Case(statuses=CADRE_VIEWERS)],
    "cadre:results_use": [Case(statuses=CADRE_VIEWERS)],
    "cadre:result_use_new": [
        Case(lambda w: {"year": 2026, "pk": w.people["staff"].pk}, MANAGERS_ONLY),
        Case(lambda w: {"year": 2026, "pk": w.people["outsider"].pk}, MANAGERS_ONLY),
    ],
    "cadre:position_detail": [Case(lambda w: {"pk": w.position.pk}, CADRE_VIEWERS)],
    # Job positions and quotas: the provincial personnel office only (cadre.catalogue).
    **{
        name: [Case(lambda w: {"pk": w.position.pk}, MANAGERS_ONLY)]
        for name in ("cadre:position_edit", "cadre:position_quota")
    },
    # A Tân Phong round: the unit head's subtree (the office) does not hold it.
    "cadre:round_detail": [
        Case(
            pipeline_object("round"),
            expect(staff=403, head=404, chair=200, personnel=200, outsider=403, admin=200),
        )
    ],
    **{
        name: [Case(pipeline_object("round"), MANAGERS_ONLY)]
        for name in ("cadre:position_add", "cadre:applicant_add", "cadre:round_edit")
    },
    **{
        name: [Case(pipeline_object("candidate"), MANAGERS_ONLY)]
        for name in ("cadre:candidate_result", "cadre:candidate_appoint")
    },
    "cadre:talent_recruit": [Case(pipeline_object("talent"), MANAGERS_ONLY)],
    **{
        name: [Case(person("staff"), MANAGERS_ONLY), Case(person("outsider"), MANAGERS_ONLY)]
        for name in ("people:edit", "people:post_new")
    },
}


def _url_names(patterns, prefix="") -> set[str]:
    names = set()
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in ("admin", "api"):
                # The admin site has one gate, tested below for each model; the API has
                # its own generated matrix in tests/integration/test_api_matrix.py.
                continue
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names |= _url_names(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(prefix + entry.name)
    return names


def _url_name_list(patterns, prefix="") -> list[str]:
    names = []
    for entry in patterns:
        if isinstance(entry, URLResolver) and entry.namespace not in ("admin", "api"):
            namespace = f"{prefix}{entry.namespace}:" if entry.namespace else prefix
            names += _url_name_list(entry.url_patterns, namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            names.append(prefix + entry.name)
    return names


def test_no_two_urls_share_a_name():
    """A repeated name makes `reverse` find only one of them (and the matrix test only one)."""
    names = _url_name_list(get_resolver().url_patterns)
    assert sorted({n for n in names if names.count(n) > 1}) == []


def test_every_url_has_a_row_in_the_matrix():
    assert _url_names(get_resolver().url_patterns) == set(MATRIX)


def _status(client, world, persona, case, name):
    client.logout()
    if persona != "anonymous":
        client.force_login(world.users[persona])
    url = reverse(name, kwargs=case.kwargs(world))
    return getattr(client, case.method)(url).status_code


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(client, world, name):
    for case in MATRIX[name]:
        got = {p: _status(client, world, p, case, name) for p in PERSONAS}
        assert got == case.statuses, f"{name} {case.kwargs(world)}"


def test_admin_site_only_for_administrators(client, world):
    urls = [reverse("admin:index")] + [
        reverse(f"admin:{m._meta.app_label}_{m._meta.model_name}_changelist")
        for m in admin.site._registry
    ]
    for persona in PERSONAS:
        client.logout()
        if persona != "anonymous":
            client.force_login(world.users[persona])
        for url in urls:
            status = client.get(url).status_code
            assert status == (200 if persona == "admin" else 302), (persona, url)
