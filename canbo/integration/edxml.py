"""Lenient, safe parsing of edXML packets (QCVN 102:2016/BTTTT).

Packets come from outside and are untrusted: defusedxml refuses DTDs, entities and external
references; size is capped. Field cardinalities are not confirmed, so every field is optional
and what is missing or not understood is reported per packet instead of failing.
"""

from dataclasses import dataclass, field
from datetime import date, datetime
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from canbo.core.text import nfc

MAX_BYTES = 5 * 1024 * 1024
KNOWN_STATUS = {"01", "02", "03", "04", "05", "06", "13", "15", "16"}


class EdxmlError(Exception):
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
    handler_name: str = ""
    handler_code: str = ""
    description: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return "/".join(part for part in (self.code_number, self.code_notation) if part)

    @property
    def reference(self) -> str:
        """A stable identity for the document across packets."""
        return self.document_id or f"{self.organ_id}:{self.code}:{self.promulgation_date or ''}"


def parse(data: bytes) -> Packet:
    if len(data) > MAX_BYTES:
        raise EdxmlError("Tệp edXML quá lớn (tối đa 5 MB).")
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise EdxmlError("Tệp XML chứa khai báo DTD/thực thể bị cấm (có thể là tấn công): "
                         "đã từ chối.") from None
    except (ParseError, ValueError) as exc:
        raise EdxmlError(f"Tệp không phải XML hợp lệ: {exc}") from None
    status = _find(root, "Status")
    if _local(root.tag) == "Status" or status is not None:
        return _status_packet(status if status is not None else root)
    header = _find(root, "MessageHeader")
    if header is None:
        raise EdxmlError("Không tìm thấy MessageHeader hoặc Status: không phải gói tin edXML.")
    return _document_packet(header)


def _document_packet(header: Element) -> Packet:
    packet = Packet(kind="document")
    _read_from(packet, header)
    packet.to_organ_ids = [_text(e, "OrganId") for e in _find_all(header, "To")]
    packet.document_id = _text(header, "DocumentId")
    code = _find(header, "Code")
    packet.code_number = _text(code, "CodeNumber")
    packet.code_notation = _text(code, "CodeNotation")
    packet.promulgation_date = _date(packet, header, "PromulgationDate")
    packet.subject = _text(header, "Subject")
    packet.document_type = _text(header, "TypeName") or _text(header, "Type")
    packet.due_date = _date(packet, header, "DueDate")
    packet.steering_type = _text(header, "SteeringType")
    task = _find(header, "ResponseForTask")
    packet.task_codes = [nfc(e.text) for e in _find_all(task, "TaskCode") if e.text]
    for name, value in (("Subject", packet.subject), ("Code", packet.code),
                        ("From/OrganId", packet.organ_id)):
        if not value:
            packet.problems.append(f"Thiếu trường {name}.")
    return packet


def _status_packet(status: Element) -> Packet:
    packet = Packet(kind="status")
    response_for = _find(status, "ResponseFor")
    packet.organ_id = _text(response_for, "OrganId")
    packet.document_id = _text(response_for, "DocumentId")
    code = _text(response_for, "Code")
    packet.code_number, _, packet.code_notation = code.partition("/")
    packet.promulgation_date = _date(packet, response_for, "PromulgationDate")
    packet.status_code = _text(status, "StatusCode").zfill(2)
    if packet.status_code not in KNOWN_STATUS:
        packet.problems.append(f"Mã trạng thái không xác định: '{packet.status_code}'.")
    packet.status_time = _datetime(packet, status, "Timestamp")
    handler = _find(status, "Handler")
    packet.handler_name = _text(handler, "Fullname") or _text(handler, "FullName")
    packet.handler_code = _text(handler, "StaffCode")
    packet.description = _text(status, "Description")
    if not (packet.document_id or code):
        packet.problems.append("Thiếu ResponseFor (DocumentId hoặc Code): không biết văn bản nào.")
    return packet


def _read_from(packet: Packet, header: Element) -> None:
    sender = _find(header, "From")
    packet.organ_id = _text(sender, "OrganId")
    packet.organ_name = _text(sender, "OrganName")


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].split(":")[-1]


def _find(element: Element | None, name: str) -> Element | None:
    if element is None:
        return None
    return next((e for e in element.iter() if _local(e.tag) == name and e is not element), None)


def _find_all(element: Element | None, name: str) -> list[Element]:
    if element is None:
        return []
    return [e for e in element.iter() if _local(e.tag) == name and e is not element]


def _text(element: Element | None, name: str) -> str:
    found = _find(element, name)
    return nfc(found.text or "") if found is not None and found.text else ""


def _date(packet: Packet, element: Element | None, name: str) -> date | None:
    raw = _text(element, name)
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%Y-%m-%dT%H:%M:%S"):
        try:
            return datetime.strptime(raw[:19], fmt).date()
        except ValueError:
            continue
    packet.problems.append(f"Ngày không hợp lệ ở {name}: '{raw}'.")
    return None


def _datetime(packet: Packet, element: Element | None, name: str) -> datetime | None:
    raw = _text(element, name)
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        packet.problems.append(f"Thời điểm không hợp lệ ở {name}: '{raw}'.")
        return None
