"""Building blocks of a Vietnamese administrative form in .docx (layout of Decree 30/2020):
agency on the left, national motto on the right, centred title, tables, signature block."""

from datetime import date, datetime
from io import BytesIO
from xml.sax.saxutils import escape

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from canbo.org.choices import OrgKind
from canbo.org.models import Organization
from canbo.reports.official_data import UNIT_PREFIXES

# The national header of every official form (Decree 30/2020, appendix I).
NATION = gettext_lazy("SOCIALIST REPUBLIC OF VIET NAM")
MOTTO = gettext_lazy("Independence - Freedom - Happiness")
FONT = "Times New Roman"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def new_document() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name, style.font.size = FONT, Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    style.paragraph_format.space_after = Pt(3)
    _page_setup(doc.sections[0])
    return doc


def _page_setup(section) -> None:
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2)
    section.left_margin, section.right_margin = Cm(3), Cm(1.5)


def new_page(doc: Document) -> None:
    """Start the next person's form on a new page (a new section, same page set-up)."""
    _page_setup(doc.add_section(WD_SECTION.NEW_PAGE))


def to_bytes(doc: Document) -> bytes:
    buffer = BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def agency_of(org: Organization | None) -> Organization | None:
    """The commune (or provincial agency) an organisation belongs to."""
    if org is None:
        return None
    parts = org.path.strip("/").split("/")
    path = "/" + "/".join(parts[:2]) + "/"
    return org if org.path == path else Organization.objects.filter(path=path).first() or org


def agency_lines(agency: Organization | None) -> tuple[str, str]:
    """(governing body, agency) in capitals: ỦY BAN NHÂN DÂN / PHƯỜNG TÂN PHONG."""
    if agency is None:
        return "", ""
    if agency.is_commune or agency.kind == OrgKind.PROVINCE:
        return _("PEOPLE'S COMMITTEE"), agency.name.upper()
    parent = agency.parent.name.upper() if agency.parent_id else ""
    return (f"UBND {parent}" if parent else ""), agency.name.upper()


def place_of(agency: Organization | None) -> str:
    """'Phường Tân Phong' → 'Tân Phong', as written before the date of a document."""
    name = agency.name if agency else ""
    for prefix in UNIT_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def date_words(when: date | datetime | None) -> str:
    """'ngày 05 tháng 11 năm 2026', or dotted blanks to fill in by hand."""
    if when is None:
        return _("day …… month …… year ……")
    if isinstance(when, datetime):
        when = timezone.localdate(when)
    return _("day %(d)s month %(m)s year %(y)s") % {
        "d": f"{when.day:02d}",
        "m": f"{when.month:02d}",
        "y": when.year,
    }


def _cell_text(cell, lines, bold=(), italic=(), underline=(), size=None) -> None:
    cell.text = ""
    for index, line in enumerate(lines):
        paragraph = cell.paragraphs[0] if index == 0 else cell.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.paragraph_format.space_after = Pt(0)
        run = paragraph.add_run(line)
        run.bold, run.italic = index in bold, index in italic
        run.underline = index in underline
        if size:
            run.font.size = Pt(size)


def add_letterhead(doc: Document, agency: Organization | None, when, place: str = "") -> None:
    """Agency on the left, the national motto on the right, then place (the agency's own
    by default) and date."""
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    governing, name = agency_lines(agency)
    left, right = table.rows[0].cells
    left.width, right.width = Cm(6.5), Cm(10)
    _cell_text(left, [governing, name], bold={1}, size=12)
    _cell_text(right, [str(NATION), str(MOTTO)], bold={0, 1}, underline={1}, size=12)
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run(f"{place or place_of(agency)}, {date_words(when)}").italic = True


def add_title(doc: Document, title: str, subtitle: str = "") -> None:
    paragraph = doc.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(12)
    paragraph.add_run(title.upper()).bold = True
    if subtitle:
        sub = doc.add_paragraph()
        sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sub.add_run(subtitle).bold = True


def add_heading(doc: Document, text: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.paragraph_format.space_before = Pt(9)
    paragraph.add_run(text).bold = True


def add_field(doc: Document, label: str, value: str) -> None:
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ")
    paragraph.add_run(value or "—").bold = True


def add_note(doc: Document, text: str, italic: bool = True) -> None:
    doc.add_paragraph().add_run(text).italic = italic


def add_table(
    doc: Document,
    headers: list[str],
    rows: list[list[str]],
    widths: list[float] | None = None,
    bold_last: bool = False,
):
    """A bordered table; numbers (the columns after the first two) are right-aligned."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell_text(cell, [text], bold={0}, size=11)
    for index, values in enumerate(rows):
        cells = table.add_row().cells
        for column, (cell, text) in enumerate(zip(cells, values, strict=True)):
            cell.text = ""
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if column >= 2 or len(headers) == 2 and column == 1:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            run = paragraph.add_run(text)
            run.font.size = Pt(11)
            run.bold = bold_last and index == len(rows) - 1
    if widths:
        for row in table.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Cm(width)
    return table


def add_signatures(doc: Document, blocks: list[tuple[str, str, object]]) -> None:
    """(role, name, date) per column: date, ROLE, (signature note), blank space, name."""
    doc.add_paragraph()
    table = doc.add_table(rows=1, cols=len(blocks))
    for cell, (role, name, when) in zip(table.rows[0].cells, blocks, strict=True):
        _cell_text(
            cell,
            [date_words(when), role.upper(), _("(signature, full name)"), "", "", "", name or ""],
            bold={1, 6},
            italic={0, 2},
            size=12,
        )


def add_long_table(
    doc: Document,
    headers: list[str],
    rows: list[list[str]],
    widths: list[float],
    right: tuple[int, ...] = (),
) -> None:
    """A bordered table like `add_table` (bold centred header; the columns in `right`
    right-aligned) written as one XML fragment: building a table row by row through
    python-docx takes seconds at a thousand rows."""
    twips = [Cm(width).twips for width in widths]
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in twips)
    lines = [_xml_row(headers, twips, None)]
    lines += [_xml_row(values, twips, right) for values in rows]
    xml = (
        f'<w:tbl {nsdecls("w")}><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        '<w:tblW w:w="0" w:type="auto"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(lines)}</w:tbl>"
    )
    doc.element.body._insert_tbl(parse_xml(xml))


def _xml_row(values: list[str], twips: list[int], right: tuple[int, ...] | None) -> str:
    """One row; `right=None` makes it the header row (centred, bold)."""
    cells = []
    for column, (text, width) in enumerate(zip(values, twips, strict=True)):
        header = right is None
        align = "center" if header else ("right" if column in right else "left")
        bold = "<w:b/>" if header else ""
        cells.append(
            f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr><w:p><w:pPr>'
            f'<w:spacing w:after="0"/><w:jc w:val="{align}"/></w:pPr><w:r><w:rPr>{bold}'
            f'<w:sz w:val="22"/></w:rPr><w:t xml:space="preserve">{_xml_text(text)}</w:t>'
            "</w:r></w:p></w:tc>"
        )
    return f"<w:tr>{''.join(cells)}</w:tr>"


def _xml_text(text: str) -> str:
    """Escaped, without the control characters XML cannot hold."""
    return escape("".join(ch for ch in str(text) if ch >= " " or ch in "\t\n"))
