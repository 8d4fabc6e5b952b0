"""Log every API request: client, endpoint, outcome and counts. Secrets never logged."""

import json
import time

from canbo.integration.models import ApiRequestLog

API_PREFIX = "/api/v1/"
UNLOGGED = ("/api/v1/docs", "/api/v1/openapi.json")


class ApiLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX) or request.path.startswith(UNLOGGED):
            return self.get_response(request)
        start = time.perf_counter()
        response = self.get_response(request)
        counts = getattr(request, "api_counts", {})
        ApiRequestLog.objects.create(
            client=getattr(request, "api_client", None), method=request.method,
            path=request.path[:255], status=response.status_code, outcome=_outcome(response),
            received=counts.get("received", 0), written=counts.get("written", 0),
            duration_ms=int((time.perf_counter() - start) * 1000),
        )
        return response


def _outcome(response) -> str:
    if response.status_code < 400:
        return "ok"
    try:
        return str(json.loads(response.content).get("code", ""))[:64]
    except (ValueError, AttributeError):
        return f"http_{response.status_code}"
