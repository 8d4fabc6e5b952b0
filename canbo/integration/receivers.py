"""What connected systems are told when something happens below (signals → webhooks)."""

from canbo.integration.models import WebhookEvent
from canbo.integration.webhooks import emit_event


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
