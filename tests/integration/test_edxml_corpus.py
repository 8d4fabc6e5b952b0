"""The packet corpus in the shapes vendors' SDKs and provincial exchanges emit
(tests/integration/edxml/corpus): what each packet must parse to."""

from datetime import date, datetime
from pathlib import Path

import pytest

from canbo.integration.edxml.packet import parse

CORPUS = Path(__file__).parent / "edxml" / "corpus"
DOC_ID = "000.00.00.H29,2026/10/01,4521/UBND-NC"
TP, DK = "000.01.29.H29", "000.02.29.H29"

DOCUMENTS = {
    "a_document_two_communes.xml": dict(
        document_id=DOC_ID,
        organ_id="000.00.00.H29",
        code="4521/UBND-NC",
        promulgation_date=date(2026, 10, 1),
        due_date=date(2026, 10, 20),
        to_organ_ids=[TP, DK],
        document_type="Công văn",
        task_codes=["NV-2026-204"],
        attachments=[("4521-UBND-NC.pdf", 4400), ("phu-luc.pdf", 2961)],
    ),
    "a_document_no_attachment.xml": dict(
        code="88/SNV-CCVC", due_date=date(2026, 10, 16), to_organ_ids=[TP], attachments=[]
    ),
    "a_document_no_due_date.xml": dict(code="90/UBND-VP", due_date=None, attachments=[]),
    "b_document_default_ns.xml": dict(
        document_id="000.00.00.H29,2026-10-05,77/KH-UBND",
        code="77/KH-UBND",
        promulgation_date=date(2026, 10, 5),
        due_date=date(2026, 10, 30),
        to_organ_ids=[DK],
        document_type="Kế hoạch",
        subject="Kế hoạch kiểm tra công tác cải cách hành chính năm 2026",
        attachments=[],
    ),
}

ANN = ("Nguyễn Văn An", "annv@tanphong.laichau.gov.vn", "0987654321")
STATUSES = {
    "a_status01.xml": ("01", datetime(2026, 10, 1, 16, 25), TP, ("", "", "")),
    "a_status02.xml": ("02", datetime(2026, 10, 2, 7, 40), TP, ("", "", "")),
    "a_status03.xml": ("03", datetime(2026, 10, 2, 7, 45), TP, ("", "", "")),
    "a_status04.xml": (
        "04",
        datetime(2026, 10, 2, 8, 0),
        TP,
        ("Trần Thị Hồng", "hongtt@tanphong.laichau.gov.vn", "0912345678"),
    ),
    "a_status05.xml": ("05", datetime(2026, 10, 3, 9, 15), TP, ANN),
    "a_status06_late.xml": ("06", datetime(2026, 10, 22, 17, 5, 30), TP, ANN),
    "a_status05_unaccented.xml": (
        "05",
        datetime(2026, 10, 3, 9, 15),
        TP,
        ("NGUYEN VAN AN", "", ""),
    ),
    "a_status13.xml": ("13", datetime(2026, 10, 2, 9, 0), TP, ("", "", "")),
    "a_status15.xml": ("15", datetime(2026, 10, 2, 9, 30), TP, ("", "", "")),
    "a_status16.xml": ("16", datetime(2026, 10, 2, 9, 35), TP, ("", "", "")),
    "b_status05_doanket.xml": ("05", datetime(2026, 10, 4, 8, 30), DK, ("Tẩn Láo Lở", "", "")),
    "b_status06_doanket.xml": ("06", datetime(2026, 10, 12, 15, 0), DK, ("Tẩn Láo Lở", "", "")),
}


def test_the_table_covers_the_whole_corpus():
    expected = set(DOCUMENTS) | set(STATUSES) | {"a_status05_unknown.xml"}
    assert {p.name for p in CORPUS.glob("*.xml")} == expected


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_document_packets(name):
    packet = parse((CORPUS / name).read_bytes())
    assert packet.kind == "document"
    want = dict(DOCUMENTS[name])
    assert [(a.name, a.size) for a in packet.attachments] == want.pop("attachments")
    for field_name, value in want.items():
        assert getattr(packet, field_name) == value, field_name
    assert not [p for p in packet.problems if "không hợp lệ" in p]
    assert packet.handler_name == ""  # the sender's clerk in Bussiness is not a handler


@pytest.mark.parametrize("name", sorted(STATUSES))
def test_status_packets(name):
    code, moment, sender, (staff, email, mobile) = STATUSES[name]
    with (CORPUS / name).open("rb") as stream:
        packet = parse(stream)
    assert packet.kind == "status" and packet.status_code == code
    assert packet.status_time == moment and packet.sender_id == sender
    assert (packet.handler_name, packet.handler_email, packet.handler_mobile) == (
        staff,
        email,
        mobile,
    )
    assert packet.document_id == DOC_ID and packet.code == "4521/UBND-NC"
    assert packet.promulgation_date == date(2026, 10, 1) and packet.problems == []


# What each packet produces when imported from the command line (province-wide), after the
# packets it answers: (packets before it, outcome, status of the Tân Phong task or None).
DOC = "a_document_two_communes.xml"
IMPORTS = {
    "a_document_two_communes.xml": ([], "document_created", None),
    "a_document_no_attachment.xml": ([], "document_created", None),
    "a_document_no_due_date.xml": ([], "document_created", None),
    "b_document_default_ns.xml": ([], "document_created", None),
    "a_status01.xml": ([DOC], "status_recorded", None),
    "a_status03.xml": ([DOC], "status_recorded", None),
    "a_status02.xml": ([DOC], "task_cancelled", "cancelled"),
    "a_status04.xml": ([DOC], "task_created", "assigned"),
    "a_status05.xml": ([DOC], "task_created", "assigned"),
    "a_status05_unaccented.xml": ([DOC], "task_created", "assigned"),
    "a_status05_unknown.xml": ([DOC], "needs_person", None),
    "a_status06_late.xml": ([DOC], "task_completed", "completed"),
    "a_status13.xml": ([DOC, "a_status04.xml"], "status_recorded", "assigned"),
    "a_status15.xml": ([DOC, "a_status04.xml"], "task_cancelled", "cancelled"),
    "a_status16.xml": ([DOC, "a_status04.xml"], "status_recorded", "assigned"),
    "b_status05_doanket.xml": ([DOC], "task_created", None),
    "b_status06_doanket.xml": ([DOC], "task_completed", None),
}


def test_the_import_table_covers_the_whole_corpus():
    assert set(IMPORTS) == {p.name for p in CORPUS.glob("*.xml")}


@pytest.mark.parametrize("name", sorted(IMPORTS))
def test_what_each_packet_produces(world, name):
    from canbo.integration.edxml.importer import import_edxml
    from canbo.integration.imports.scope import Actor
    from canbo.work.models import Task

    before, outcome, status = IMPORTS[name]
    for earlier in before:
        assert import_edxml(Actor(), (CORPUS / earlier).read_bytes(), earlier, "test").ok
    report = import_edxml(Actor(), (CORPUS / name).read_bytes(), name, "test")
    assert report.outcome == outcome, report.message
    task = Task.objects.filter(external_id=f"{DOC_ID}@{TP}").first()
    assert (task.status if task else None) == status


def test_attachments_are_not_stored_only_their_names_and_sizes(world):
    from canbo.integration.edxml.importer import import_edxml
    from canbo.integration.imports.models import IncomingDocument
    from canbo.integration.imports.scope import Actor

    with (CORPUS / DOC).open("rb") as stream:
        report = import_edxml(Actor(), stream, DOC, "test")
    assert "Tệp đính kèm “4521-UBND-NC.pdf” (4 KB), “phu-luc.pdf” (3 KB)" in report.message
    copies = IncomingDocument.objects.order_by("organization__code")
    assert [d.organization.code for d in copies] == [TP, DK]
    assert copies[0].attachments == [
        {"name": "4521-UBND-NC.pdf", "content_type": "application/pdf", "size": 4400},
        {"name": "phu-luc.pdf", "content_type": "application/pdf", "size": 2961},
    ]
