"""The REST API for connected systems, under /api/v1/."""

import logging

from django.core.exceptions import RequestDataTooBig
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI, Swagger
from ninja.errors import AuthenticationError, HttpError, ValidationError

from canbo.integration.api.auth import ClientTokenAuth
from canbo.integration.api.errors import (
    SERVER_ERROR,
    ApiError,
    error_body,
    root_field,
    translate_validation,
)

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="canbo API",
    version="1",
    description=gettext_lazy(
        "API connecting document-management and task-assignment software with the software "
        "that tracks and evaluates cadres and civil servants. Authenticate with "
        "`Authorization: Bearer <token>`; optional HMAC-SHA256 signing (`X-Canbo-Timestamp`, "
        "`X-Canbo-Signature`, optional `X-Canbo-Nonce`)."
    ),
    auth=ClientTokenAuth(),
    urls_namespace="api",
    # Swagger UI from the app's own static files (ninja is an installed app), never a CDN.
    docs=Swagger(),
)


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return api.create_response(request, exc.body(), status=exc.status_code)


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    errors = translate_validation(exc.errors)
    first = errors[0] if errors else {"field": root_field(), "message": _("Invalid data.")}
    body = error_body(
        "validation_error",
        _("Invalid data in field %(field)s: %(error)s")
        % {"field": first["field"], "error": first["message"]},
        first["field"],
        errors=errors,
    )
    return api.create_response(request, body, status=422)


@api.exception_handler(AuthenticationError)
def _unauthenticated(request, exc):
    body = error_body("unauthorized", _("Access token (Bearer token) missing or wrong."))
    return api.create_response(request, body, status=401)


@api.exception_handler(Http404)
def _not_found(request, exc):
    body = error_body("not_found", _("Not found or outside your scope."))
    return api.create_response(request, body, status=404)


@api.exception_handler(RequestDataTooBig)
def _too_big(request, exc):
    body = error_body("body_too_large", _("The request body is too large (at most 2.5 MB)."))
    return api.create_response(request, body, status=413)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    if exc.status_code == 400:
        body = error_body("malformed_body", _("The request body is not valid JSON."), root_field())
    else:
        body = error_body(f"http_{exc.status_code}", _("Invalid request."))
    return api.create_response(request, body, status=exc.status_code)


@api.exception_handler(Exception)
def _server_error(request, exc: Exception):
    """Anything unforeseen: logged with its traceback, answered in the documented JSON."""
    logger.exception("API %s %s failed", request.method, request.path)
    return api.create_response(request, error_body(**SERVER_ERROR), status=500)


def _register_routers() -> None:
    from canbo.integration.api.agency import router as agency_router
    from canbo.integration.api.cadre import router as cadre_router
    from canbo.integration.api.feedback import router as feedback_router
    from canbo.integration.api.lookup import router as lookup_router
    from canbo.integration.api.results import router as results_router
    from canbo.integration.api.tasks import router as tasks_router
    from canbo.integration.imports.api import router as edxml_router

    api.add_router("/", lookup_router)
    api.add_router("/", edxml_router)
    api.add_router("/", tasks_router)
    api.add_router("/", results_router)
    api.add_router("/", cadre_router)
    api.add_router("/", feedback_router)
    api.add_router("/", agency_router)


_register_routers()
