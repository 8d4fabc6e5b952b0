"""Lenient, safe parsing of edXML packets (QCVN 102:2016/BTTTT).

Packets come from outside and are untrusted: the stream reader (canbo.integration.edxml.reader)
refuses DTDs, entities and external references and skips attachment content, so a large packet
is read in bounded memory. Shapes accepted: the root `<edXML>` of the vendors' SDKs (default
namespace and the `edXML:` prefix on the same URI) around `edXMLEnvelope`, a bare envelope, a
SOAP envelope carrying `edXML:Status`, or a bare `Status`. Field cardinalities are not
confirmed, so every field is optional: what is missing or not understood is reported per
packet; only what is not edXML at all is refused.
"""

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import BinaryIO

from django.conf import settings
from django.utils.translation import gettext as _

from canbo.core.errors import UserError
from canbo.core.text import nfc
from canbo.integration.edxml.reader import Attachment, ReadError, Reading, read

MAX_BYTES = 100 * 1024 * 1024
KNOWN_STATUS = {"01", "02", "03", "04", "05", "06", "13", "15", "16"}
DATE_FORMATS = ("%Y/%m/%d", "%Y-%m-%d", "%d/%m/%Y")
TIME_FORMATS = ("%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M", "%d/%m/%Y %H:%M:%S", "%Y/%m/%d")
Fields = list[tuple[tuple[str, ...], str]]


class EdxmlError(UserError):
    """The file cannot be read as edXML at all (the message is Vietnamese)."""


@dataclass
class Packet:
    kind: str  # "document" or "status"
    organ_id: str = ""  # issuing organisation's electronic code
    organ_name: str = ""
    to_organ_ids: list[str] = field(default_factory=list)
    document_id: str = ""
    code_number: str = ""
    code_notation: str = ""
    promulgation_date: date | None = None
    subject: str = ""
    document_type: str = ""
    due_date: date | None = None
    steering_type: str = ""
    task_codes: list[str] = field(default_factory=list)
    status_code: str = ""
    status_time: datetime | None = None
    sender_id: str = ""  # a status packet's From: the organisation handling the document
    sender_name: str = ""
    handler_name: str = ""  # StaffInfo/Staff (or a legacy Handler/Fullname)
    handler_code: str = ""  # legacy Handler/StaffCode; real senders have none
    handler_email: str = ""
    handler_mobile: str = ""
    handler_department: str = ""
    description: str = ""
    attachments: list[Attachment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return "/".join(part for part in (self.code_number, self.code_notation) if part)

    @property
    def reference(self) -> str:
        """A stable identity for the document across packets."""
        return self.document_id or f"{self.organ_id}:{self.code}:{self.promulgation_date or ''}"

    @property
    def names_handler(self) -> bool:
        return bool(
            self.handler_name or self.handler_code or self.handler_email or self.handler_mobile
        )


def max_bytes() -> int:
    return getattr(settings, "EDXML_MAX_BYTES", MAX_BYTES)


def parse(source: bytes | BinaryIO) -> Packet:
    """Parse one packet from bytes or a binary stream (read once, in chunks)."""
    stream = io.BytesIO(source) if isinstance(source, (bytes, bytearray, memoryview)) else source
    limit = max_bytes()
    try:
        reading = read(stream, limit)
    except ReadError as exc:
        raise EdxmlError(_refusal(exc, limit)) from None
    fields = reading.fields
    status = [(path, text) for path, text in fields if "Status" in path]
    if reading.root == "Status" or status:
        return _status_packet(status or fields)
    header = [(path, text) for path, text in fields if "MessageHeader" in path]
    if not header:
        raise EdxmlError(_("No MessageHeader or Status found: not an edXML packet."))
    return _document_packet(header, reading)


def _refusal(exc: ReadError, limit: int) -> str:
    if exc.kind == "hostile":
        return _("The XML file declares a forbidden DTD/entity (possibly an attack): refused.")
    if exc.kind == "too_complex":
        return _("The edXML file has too many elements or nests too deep: not an edXML packet.")
    if exc.kind == "encoding":
        return _(
            "The packet declares the encoding “%(encoding)s”; edXML packets (QCVN 102:2016) "
            "must use UTF-8: refused, nothing written."
        ) % {"encoding": exc.detail}
    if exc.kind == "too_large":
        return _("The edXML file is too large (at most %(size)s MB).") % {
            "size": limit // (1024 * 1024)
        }
    return _("The file is not valid XML: %(detail)s") % {"detail": exc.detail}


def _document_packet(header: Fields, reading: Reading) -> Packet:
    packet = Packet(kind="document", attachments=reading.attachments)
    packet.organ_id = _text(header, "OrganId", "From")
    packet.organ_name = _text(header, "OrganName", "From")
    packet.to_organ_ids = _all(header, "OrganId", "To")
    packet.document_id = _text(header, "DocumentId")
    packet.code_number = _text(header, "CodeNumber")
    packet.code_notation = _text(header, "CodeNotation")
    packet.promulgation_date = _date(packet, header, "PromulgationDate")
    packet.subject = _text(header, "Subject")
    packet.document_type = _text(header, "TypeName") or _text(header, "Type", "DocumentType")
    packet.due_date = _date(packet, header, "DueDate")
    packet.steering_type = _text(header, "SteeringType")
    packet.task_codes = _all(header, "TaskCode")
    for name, value in (
        ("Subject", packet.subject),
        ("Code", packet.code),
        ("From/OrganId", packet.organ_id),
    ):
        if not value:
            packet.problems.append(_("Missing field %(name)s.") % {"name": name})
    return packet


def _status_packet(status: Fields) -> Packet:
    packet = Packet(kind="status")
    packet.organ_id = _text(status, "OrganId", "ResponseFor")
    packet.document_id = _text(status, "DocumentId", "ResponseFor")
    code = _text(status, "Code", "ResponseFor")
    packet.code_number, _slash, packet.code_notation = code.partition("/")
    packet.promulgation_date = _date(packet, status, "PromulgationDate", "ResponseFor")
    packet.sender_id = _text(status, "OrganId", "From")
    packet.sender_name = _text(status, "OrganName", "From")
    packet.status_code = _own(status, "StatusCode").zfill(2)
    if packet.status_code not in KNOWN_STATUS:
        packet.problems.append(_("Unknown status code: '%(code)s'.") % {"code": packet.status_code})
    packet.status_time = _datetime(packet, _own(status, "Timestamp"), "Timestamp")
    _read_staff(packet, status)
    packet.description = _own(status, "Description")
    if not (packet.document_id or code):
        packet.problems.append(
            _("Missing ResponseFor (DocumentId or Code): the document is unknown.")
        )
    return packet


def _read_staff(packet: Packet, status: Fields) -> None:
    """StaffInfo (Department, Staff, Email, Mobile); the legacy Handler shape is still read."""
    packet.handler_name = (
        _text(status, "Staff", "StaffInfo")
        or _text(status, "StaffName", "StaffInfo")
        or _text(status, "Fullname", "Handler")
        or _text(status, "FullName", "Handler")
    )
    packet.handler_code = _text(status, "StaffCode", "Handler")
    packet.handler_email = _text(status, "Email", "StaffInfo")
    packet.handler_mobile = _text(status, "Mobile", "StaffInfo")
    packet.handler_department = _text(status, "Department", "StaffInfo")


def _matches(path: tuple[str, ...], name: str, under: str | None) -> bool:
    return path[-1] == name and (under is None or under in path[:-1])


def _text(fields: Fields, name: str, under: str | None = None) -> str:
    return next((nfc(text) for path, text in fields if _matches(path, name, under)), "")


def _all(fields: Fields, name: str, under: str | None = None) -> list[str]:
    return [nfc(text) for path, text in fields if _matches(path, name, under)]


def _own(fields: Fields, name: str) -> str:
    """The status's own field (a child of Status) before one found deeper."""
    own = [(path, text) for path, text in fields if path[-2:-1] == ("Status",)]
    return _text(own, name) or _text(fields, name)


def _date(packet: Packet, fields: Fields, name: str, under: str | None = None) -> date | None:
    raw = _text(fields, name, under) or _text(fields, name)
    if not raw:
        return None
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(raw[:10], fmt).date()
        except ValueError:
            continue
    packet.problems.append(
        _("Invalid date in %(name)s: '%(value)s'.") % {"name": name, "value": raw}
    )
    return None


def parse_moment(raw: str) -> datetime | None:
    """ISO 8601, or the SDKs' `YYYY/MM/DD HH:MM:SS` (a date alone is midnight)."""
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        pass
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(raw, fmt)
        except ValueError:
            continue
    return None


def _datetime(packet: Packet, raw: str, name: str) -> datetime | None:
    if not raw:
        return None
    moment = parse_moment(raw)
    if moment is None:
        packet.problems.append(
            _("Invalid time in %(name)s: '%(value)s'.") % {"name": name, "value": raw}
        )
    return moment
