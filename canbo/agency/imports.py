"""Import a year's indicator actuals from a spreadsheet (.xlsx or .csv): all rows or none,
with a row-by-row report. Columns: commune code, indicator code, actual, source, evidence."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from canbo.agency import actuals, evaluations
from canbo.agency.errors import AgencyError
from canbo.core.sheet_read import Limits, UnsafeSheet, table

LIMITS = Limits(rows=2000, columns=8)
COLUMNS = 5


@dataclass
class ImportReport:
    written: int = 0
    errors: list[tuple[int, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def import_actuals(actor, year: int, content: bytes) -> ImportReport:
    report = ImportReport()
    try:
        _header, rows = table(content, LIMITS)
    except UnsafeSheet as exc:
        report.errors.append((0, exc.args[0] if exc.args else str(exc)))
        return report
    indicator_set = evaluations.active_indicator_set(year)
    if indicator_set is None:
        report.errors.append((0, _("No indicator set for %(year)s: 0 points.") % {"year": year}))
        return report
    by_code = {i.code: i for i in indicator_set.indicators.all()}
    communes = {c.code: c for c in evaluations.communes()}
    with transaction.atomic():
        for line, values in rows:
            values = tuple(values) + ("",) * (COLUMNS - len(values))
            code, indicator_code, value, source, evidence = (_text(v) for v in values[:COLUMNS])
            commune, indicator = communes.get(code), by_code.get(indicator_code)
            if commune is None or indicator is None:
                report.errors.append(
                    (
                        line,
                        _("Unknown commune “%(c)s” or indicator “%(i)s”.")
                        % {"c": code, "i": indicator_code},
                    )
                )
                continue
            try:
                with transaction.atomic():
                    actuals.enter_actual(actor, indicator, commune, value, source, evidence)
                report.written += 1
            except AgencyError as exc:
                report.errors.append((line, exc.message))
        if report.errors:
            report.written = 0
            transaction.set_rollback(True)
    return report
