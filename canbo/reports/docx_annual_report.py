"""The annual report as .docx under the national header: the summary per agency and group
with the quota status, the lists of "excellent" and "fail", and the months still missing."""

from django.utils import timezone
from django.utils.translation import gettext as _

from canbo.reports import docx_common as d
from canbo.reports.annual_report import EXCELLENT, FAIL, people_at
from canbo.reports.numbers import DASH
from canbo.reports.xlsx_annual import level_label, yes
from canbo.scoring import OVERRIDES


def annual_report_document(report: dict, missing: dict[str, list[int]], agency) -> bytes:
    """`agency`: the organisation issuing the report (a commune, or the province)."""
    doc = d.new_document()
    d.add_letterhead(doc, agency, timezone.now())
    d.add_title(
        doc,
        _("Report on the annual evaluation and quality classification of civil servants"),
        _("Year %(year)s") % {"year": report["year"]},
    )
    d.add_heading(doc, _("I. Counts per level and quota"))
    d.add_long_table(
        doc,
        [
            _("Commune / ward"),
            _("Group"),
            _("Excellent"),
            _("Good"),
            _("Complete"),
            _("Fail"),
            _("Cap on excellent"),
            _("Quota"),
        ],
        _summary_rows(report) or [[DASH] * 8],
        widths=[3.2, 3.6, 1.5, 1.5, 1.6, 1.5, 1.6, 2],
        right=(2, 3, 4, 5, 6),
    )
    for heading, level in (
        (_("II. Classified “excellent”"), EXCELLENT),
        (_("III. Classified “fail”"), FAIL),
    ):
        d.add_heading(doc, heading)
        _people(doc, people_at(report, level))
    d.add_heading(doc, _("IV. Months worked but not approved"))
    rows = [
        [
            p["code"],
            p["name"],
            org["name"],
            ", ".join(f"{m:02d}/{report['year']}" for m in missing[p["code"]]),
        ]
        for org in report["organizations"]
        for p in org["people"]
        if p["code"] in missing
    ]
    if rows:
        d.add_long_table(
            doc,
            [_("Code"), _("Full name"), _("Commune / ward"), _("Which months")],
            rows,
            widths=[2.2, 4.5, 4, 5.8],
        )
    else:
        d.add_note(doc, _("None: every month worked is approved."))
    d.add_signatures(doc, [(_("Prepared by"), "", None), (_("Head of the agency"), "", None)])
    return d.to_bytes(doc)


def _summary_rows(report: dict) -> list[list[str]]:
    rows = []
    for org in report["organizations"]:
        for group in org["groups"]:
            status = _("exceeded") if group["over"] else _("within")
            if group["exception"]:
                status += f" ({_('exception')})"
            rows.append(
                [
                    org["name"],
                    group["name"],
                    str(group["excellent"]),
                    str(group["good"]),
                    str(group["complete"]),
                    str(group["fail"]),
                    str(group["cap"]),
                    status,
                ]
            )
        rows.append(
            [org["name"], _("Finalised"), "", "", "", "", "", yes(org["finalised"]) or _("No")]
        )
    return rows


def _people(doc, pairs: list[tuple[dict, dict]]) -> None:
    if not pairs:
        d.add_note(doc, _("Nobody."))
        return
    rows = [
        [p["code"], p["name"], org["name"], (p["average"] or DASH).replace(".", ","), _grounds(p)]
        for org, p in pairs
    ]
    d.add_long_table(
        doc,
        [_("Code"), _("Full name"), _("Commune / ward"), _("Average"), _("Grounds / decision")],
        rows,
        widths=[2.2, 4.2, 3.6, 1.8, 4.7],
        right=(3,),
    )


def _grounds(person: dict) -> str:
    parts = [OVERRIDES.get(code, code) for code in person["overrides"]]
    if person["final_level"] != person["score_level"]:
        parts.append(_("by score: %(level)s") % {"level": level_label(person["score_level"])})
    if person["decision"]:
        parts.append(_("decision %(number)s") % {"number": person["decision"]})
    return "; ".join(parts) or DASH
