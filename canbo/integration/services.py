"""Register, revoke and rotate connected systems. Each change is audited."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.core import audit
from canbo.core.errors import UserError
from canbo.integration import tokens
from canbo.integration.models import SCOPES, ApiClient
from canbo.org import lookup
from canbo.org.models import Organization


class ClientError(UserError):
    pass


def find_organization(ref: str) -> Organization:
    """An organisation by electronic code or exact name (e.g. 'Phường Tân Phong')."""
    try:
        return lookup.find_organization(ref)
    except lookup.OrganizationNotFound as exc:
        raise ClientError(str(exc)) from None


@transaction.atomic
def create_client(
    actor, name: str, organization: Organization, scopes: list[str], require_signature: bool = False
) -> tuple[ApiClient, str]:
    """Create a client; return it with its token, which is never stored in clear."""
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise ClientError(
            _("Invalid scopes: %(unknown)s. Valid: %(valid)s.")
            % {"unknown": ", ".join(unknown), "valid": ", ".join(SCOPES)}
        )
    token = tokens.new_token()
    client = ApiClient.objects.create(
        name=name,
        organization=organization,
        scopes=sorted(set(scopes)),
        token_prefix=tokens.token_prefix(token),
        token_hash=tokens.hash_token(token),
        signing_secret=tokens.new_signing_secret(),
        require_signature=require_signature,
    )
    audit.record(
        actor,
        "integration.create_client",
        client,
        after={"organization": organization.pk, "scopes": client.scopes},
    )
    return client, token


@transaction.atomic
def revoke_client(actor, client: ApiClient, reason: str = "") -> None:
    client.revoked_at = timezone.now()
    client.save(update_fields=["revoked_at"])
    audit.record(actor, "integration.revoke_client", client, reason=reason)


@transaction.atomic
def rotate_token(actor, client: ApiClient) -> str:
    """Issue a new token; the old one stops working at once."""
    token = tokens.new_token()
    client.token_prefix, client.token_hash = tokens.token_prefix(token), tokens.hash_token(token)
    client.save(update_fields=["token_prefix", "token_hash"])
    audit.record(actor, "integration.rotate_token", client)
    return token
