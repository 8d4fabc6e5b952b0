"""Bearer-token authentication for connected systems, with rate limit and signing."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from canbo.integration import signing, tokens
from canbo.integration.api.errors import ApiError
from canbo.integration.models import ApiClient, ApiRequestLog


class ClientTokenAuth(HttpBearer):
    def authenticate(self, request, token: str) -> ApiClient | None:
        client = (
            ApiClient.objects.select_related("organization")
            .filter(token_prefix=tokens.token_prefix(token))
            .first()
        )
        if client is None or not tokens.token_matches(token, client.token_hash):
            return None
        if not client.is_active:
            raise ApiError(401, "token_revoked", _("The access token has been revoked."))
        request.api_client = client
        _check_rate(client)
        if client.require_signature or request.META.get(signing.SIGNATURE_HEADER):
            _check_signature(request, client)
        ApiClient.objects.filter(pk=client.pk).update(last_seen_at=timezone.now())
        return client


def _check_rate(client: ApiClient) -> None:
    since = timezone.now() - timedelta(minutes=1)
    recent = ApiRequestLog.objects.filter(client=client, at__gte=since).count()
    if recent >= client.rate_limit_per_minute:
        raise ApiError(
            429,
            "rate_limited",
            _("Too many requests in one minute. Please try again later."),
        )


def _check_signature(request, client: ApiClient) -> None:
    if not client.signing_secret:
        raise ApiError(
            401, "signature_not_configured", _("The application has no signing key yet.")
        )
    try:
        signing.verify(request, client.signing_secret)
    except signing.SignatureError as exc:
        raise ApiError(401, exc.code, exc.message) from None


def require_scope(request, scope: str) -> ApiClient:
    client: ApiClient = request.auth
    if not client.has_scope(scope):
        raise ApiError(
            403,
            "scope_missing",
            _("The application lacks the scope '%(scope)s'.") % {"scope": scope},
        )
    return client
