"""Every page needs a login except the few listed as public."""

from urllib.parse import quote

from django.conf import settings
from django.shortcuts import redirect

# "/r/": the citizens' rating page opened by a QR code (canbo.feedback.public).
PUBLIC_PREFIXES = ("/login/", "/healthz", "/static/", "/admin/", "/api/", "/r/")


class LoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect(f"/login/?next={quote(request.get_full_path())}")
        return self.get_response(request)


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
