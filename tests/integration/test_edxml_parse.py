from datetime import date, datetime
from pathlib import Path

import pytest

from canbo.integration.edxml.packet import EdxmlError, parse

SAMPLES = Path(__file__).parent / "edxml"


def load(name: str):
    return parse((SAMPLES / name).read_bytes())


def test_document_packet():
    packet = load("document.xml")
    assert packet.kind == "document"
    assert packet.organ_id == "000.01.29.H29"
    assert packet.code == "1234/UBND-VP"
    assert packet.promulgation_date == date(2026, 10, 1)
    assert packet.due_date == date(2026, 10, 20)
    assert packet.subject.startswith("V/v báo cáo kết quả chuyển đổi số")
    assert packet.document_type == "Công văn"
    assert packet.task_codes == ["NV-2026-118"]
    assert packet.to_organ_ids == ["000.01.29.H29.01"]
    assert packet.problems == []


@pytest.mark.parametrize("code", ["04", "05", "06"])
def test_status_packets(code):
    packet = load(f"status{code}.xml")
    assert packet.kind == "status" and packet.status_code == code
    assert packet.document_id == "000.01.29.H29,2026/10/01,1234"
    assert packet.code == "1234/UBND-VP"
    assert packet.handler_code == "TP-1" and packet.handler_name == "Nguyễn Văn An"
    assert isinstance(packet.status_time, datetime)


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_hostile_xml_is_refused(name):
    with pytest.raises(EdxmlError, match="bị cấm"):
        load(name)


def test_broken_and_oversized_files(settings):
    with pytest.raises(EdxmlError, match="không phải XML"):
        load("broken.xml")
    settings.EDXML_MAX_BYTES = 2 * 1024 * 1024
    with pytest.raises(EdxmlError, match="quá lớn"):
        parse(b"<a>" + b"x" * settings.EDXML_MAX_BYTES + b"</a>")
    with pytest.raises(EdxmlError, match="không phải gói tin edXML"):
        parse(b"<root><child/></root>")


def test_missing_fields_are_reported_not_fatal():
    packet = load("incomplete.xml")
    assert packet.kind == "document"
    assert "Thiếu trường Subject." in packet.problems
    assert "Thiếu trường From/OrganId." in packet.problems
    assert any("Ngày không hợp lệ ở DueDate" in p for p in packet.problems)
    assert packet.due_date is None


def test_sdk_dates_and_timestamps():
    packet = parse(
        b'<edXML xmlns="http://www.mic.gov.vn/TBT/QCVN_102_2016"><Status>'
        b"<ResponseFor><Code>1/UBND</Code><PromulgationDate>2026/11/16</PromulgationDate>"
        b"</ResponseFor><StatusCode>6</StatusCode><Timestamp>2026/11/20 17:05:09</Timestamp>"
        b"</Status></edXML>"
    )
    assert packet.promulgation_date == date(2026, 11, 16)
    assert packet.status_code == "06" and packet.status_time == datetime(2026, 11, 20, 17, 5, 9)


@pytest.mark.parametrize(
    "body",
    [
        b"<edXML>" + b"<a>x</a>" * 30_000 + b"</edXML>",
        b"<edXML>" + b"<a>" * 100 + b"</a>" * 100 + b"</edXML>",
    ],
)
def test_floods_of_elements_are_refused_early(body):
    with pytest.raises(EdxmlError, match="quá nhiều phần tử"):
        parse(body)


def test_undeclared_entity_is_not_xml():
    with pytest.raises(EdxmlError, match="không phải XML"):
        parse(b"<edXML><Subject>&lol;</Subject></edXML>")
