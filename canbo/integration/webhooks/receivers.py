"""What connected systems are told when something happens below (signals → webhooks)."""

from canbo.integration.models import WebhookEvent
from canbo.integration.webhooks.delivery import emit_event

AGENCY_PUBLISHED = WebhookEvent.AGENCY_PUBLISHED


def on_annual_finalised(sender, organization, year: int, count: int, **kwargs) -> None:
    emit_event(
        WebhookEvent.ANNUAL_FINALISED,
        {
            "organization_code": organization.code,
            "organization_name": organization.name,
            "year": year,
            "count": count,
        },
        organization,
    )


def on_sheet_published(sender, sheet, **kwargs) -> None:
    emit_event(
        WebhookEvent.EVALUATION_PUBLISHED,
        {
            "person": sheet.person.code,
            "period": sheet.period.start.isoformat(),
            "total": sheet.result["total"],
            "classification": sheet.classification,
        },
        sheet.person.organization,
    )


def on_period_locked(sender, period, **kwargs) -> None:
    emit_event(
        WebhookEvent.PERIOD_LOCKED,
        {
            "organization": period.organization.code,
            "kind": period.kind,
            "start": period.start.isoformat(),
        },
        period.organization,
    )


def on_agency_published(sender, evaluation, **kwargs) -> None:
    org = evaluation.organization
    emit_event(
        AGENCY_PUBLISHED,
        {
            "organization_code": org.code,
            "organization_name": org.name,
            "year": evaluation.year,
            "total": f"{evaluation.total:.2f}",
            "level": evaluation.level,
        },
        org,
    )
