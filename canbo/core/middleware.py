"""Every page needs a login except the few listed as public."""

from urllib.parse import quote

from django.shortcuts import redirect

PUBLIC_PREFIXES = ("/login/", "/healthz", "/static/", "/admin/", "/api/")


class LoginRequiredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.user.is_authenticated and not request.path.startswith(PUBLIC_PREFIXES):
            return redirect(f"/login/?next={quote(request.get_full_path())}")
        return self.get_response(request)
