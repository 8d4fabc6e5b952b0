"""POST /api/v1/edxml: one edXML packet as the raw request body (scope tasks:write)."""

import tempfile
from typing import BinaryIO

from django.core.exceptions import RequestDataTooBig
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Router, Schema
from ninja.responses import Status

from canbo.integration.api.auth import require_scope
from canbo.integration.api.schemas import ErrorOut
from canbo.integration.edxml.importer import API_ENDPOINT, import_edxml
from canbo.integration.edxml.packet import max_bytes
from canbo.integration.imports.scope import Actor

router = Router(tags=["edXML"])
STATUS = {"pending": 202, "needs_person": 202, "rejected": 422, "invalid": 400}
ERROR_CODES = {"rejected": "edxml_rejected", "invalid": "edxml_invalid"}
XML_BODY = {
    "requestBody": {
        "required": True,
        "description": gettext_lazy(
            "One edXML packet (QCVN 102:2016/BTTTT), at most 100 MB; attachments "
            "(AttachmentEncoded) are skipped, only their names and sizes are kept."
        ),
        "content": {"application/xml": {"schema": {"type": "string"}}},
    }
}


class EdxmlOut(Schema):
    code: str
    outcome: str
    message: str
    problems: list[str]
    reference: str
    task_id: int | None = None


class EdxmlErrorOut(ErrorOut):
    outcome: str
    problems: list[str] = []
    reference: str = ""


@router.post(
    "/edxml",
    response={
        200: EdxmlOut,
        202: EdxmlOut,
        400: EdxmlErrorOut,
        401: ErrorOut,
        403: ErrorOut,
        422: EdxmlErrorOut,
        429: ErrorOut,
    },
    openapi_extra=XML_BODY,
)
def post_edxml(request):
    """Import one packet: a document is stored (one copy per receiving organisation);
    status 04/05 create its task and name the handler (StaffInfo), 06 completes it, 02/15
    cancel it, in order of occurrence whatever the order of arrival. A status packet for a
    document not received yet (202, "pending") is kept and applied when the document
    arrives; one whose handler matches nobody or several people (202, "needs_person") waits
    for a personnel officer to pick the person. A rejected packet is kept with its reason
    for retry on the sync status screen. Attachments are not stored."""
    client = require_scope(request, "tasks:write")
    try:
        with _spooled(request) as body:
            report = import_edxml(Actor(client), body, "api", API_ENDPOINT)
    except (RequestDataTooBig, _TooLarge):
        # A signed request is read whole for its signature (DATA_UPLOAD_MAX_MEMORY_SIZE);
        # an unsigned one is streamed up to the edXML limit.
        return Status(
            400,
            {
                "code": "edxml_invalid",
                "outcome": "invalid",
                "problems": [],
                "message": _("The edXML packet is larger than the server accepts."),
            },
        )
    request.api_counts = {
        "received": 1,
        "written": int(report.ok and report.outcome != "unchanged"),
    }
    status = STATUS.get(report.outcome, 200)
    body = {
        "code": ERROR_CODES.get(report.outcome, "ok" if report.ok else "pending"),
        "outcome": report.outcome,
        "message": report.message,
        "problems": report.problems,
        "reference": report.reference,
        "task_id": report.task_id,
    }
    return Status(status, body)


class _TooLarge(Exception):
    pass


def _spooled(request) -> BinaryIO:
    """The request body copied in chunks to a spooled file (memory up to 1 MB, then disk)."""
    spool = tempfile.SpooledTemporaryFile(max_size=1 << 20)
    limit = max_bytes()
    while chunk := request.read(1 << 16):
        spool.write(chunk)
        if spool.tell() > limit:
            spool.close()
            raise _TooLarge
    spool.seek(0)
    return spool
