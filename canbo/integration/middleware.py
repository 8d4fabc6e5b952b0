"""Log every API request: client, endpoint, outcome and counts. Secrets never logged.

Every error under /api/ is the documented JSON, even one Django answers before the API (no
such route: 404, wrong method: 405, a crash: 500)."""

import json
import logging
import time

from django.http import JsonResponse

from canbo.integration.api.errors import plain_error
from canbo.integration.models import ApiRequestLog

logger = logging.getLogger(__name__)
API_PREFIX = "/api/v1/"
UNLOGGED = ("/api/v1/docs", "/api/v1/openapi.json")


class ApiLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith("/api/"):
            return self.get_response(request)
        if not request.path.startswith(API_PREFIX) or request.path.startswith(UNLOGGED):
            return as_json(self.get_response(request))
        start = time.perf_counter()
        response = as_json(self.get_response(request))
        counts = getattr(request, "api_counts", {})
        ApiRequestLog.objects.create(
            client=getattr(request, "api_client", None),
            method=request.method,
            path=request.path[:255],
            status=response.status_code,
            outcome=_outcome(response),
            received=counts.get("received", 0),
            written=counts.get("written", 0),
            duration_ms=int((time.perf_counter() - start) * 1000),
        )
        return response

    def process_exception(self, request, exception):
        if not request.path.startswith("/api/"):
            return None
        logger.exception("API %s %s failed", request.method, request.path)
        return JsonResponse(plain_error(500), status=500)


def as_json(response):
    """An error response that is not JSON (an HTML 404 page, a bare 405) becomes the JSON
    error of its status; the Allow header of a 405 is kept."""
    if response.status_code < 400 or response.get("Content-Type", "").startswith(
        "application/json"
    ):
        return response
    converted = JsonResponse(plain_error(response.status_code), status=response.status_code)
    if response.has_header("Allow"):
        converted["Allow"] = response["Allow"]
    return converted


def _outcome(response) -> str:
    if response.status_code < 400:
        return "ok"
    try:
        return str(json.loads(response.content).get("code", ""))[:64]
    except (ValueError, AttributeError):
        return f"http_{response.status_code}"
