"""Every page needs a login (Django's own middleware) except views marked
`@login_not_required` and the API, which authenticates connected systems by token."""

from django.conf import settings
from django.contrib.auth import middleware as auth_middleware
from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

API_PREFIX = "/api/"


class LoginRequiredMiddleware(auth_middleware.LoginRequiredMiddleware):
    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith(API_PREFIX):
            return None  # bearer tokens, checked by the API itself; never a login redirect
        return super().process_view(request, view_func, view_args, view_kwargs)


# Pages that show personal data or a secret: never kept by a browser or a shared cache.
NO_STORE_VIEWS = frozenset(
    {
        "people:detail",
        "cadre:person",
        "evaluation:me",
        "evaluation:sheet",
        "evaluation:annual",
        "evaluation:annual_current",
        "reports:sheet_docx",
        "reports:annual_docx",
        "reports:unit_xlsx",
        "reports:annual_report_xlsx",
        "reports:annual_report_docx",
        "integration:client_create",
        "integration:client_rotate",
        "people:access_log",
    }
)
NO_STORE_PREFIXES = ("/api/",)


class SecurityHeadersMiddleware:
    """Send the Content-Security-Policy, and `no-store` on personal pages and the API."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = settings.CONTENT_SECURITY_POLICY
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        if _no_store(request):
            response["Cache-Control"] = "no-store"
        return response


def _no_store(request) -> bool:
    match = getattr(request, "resolver_match", None)
    if match is not None and match.view_name in NO_STORE_VIEWS:
        return True
    return request.path.startswith(NO_STORE_PREFIXES)


class NulRefusalMiddleware:
    """Refuse a request carrying a NUL character in its path or its query: no stored text may
    hold one (PostgreSQL refuses it mid-query, which would be a 500)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if _has_nul(request):
            message = _("The request contains an invalid character (NUL); nothing was done.")
            if request.path_info.startswith(API_PREFIX):
                body = {"code": "invalid_character", "message": message, "field": None}
                return JsonResponse(body, status=400, json_dumps_params={"ensure_ascii": False})
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


def _has_nul(request) -> bool:
    # JSON bodies are checked field by field by the API's schemas (a 422 naming the field);
    # uploaded files may hold any byte; forms refuse NUL in their fields.
    if "\x00" in request.path:
        return True
    return any(
        "\x00" in key or any("\x00" in v for v in values) for key, values in request.GET.lists()
    )
