"""An officer's monthly satisfaction index as a small inline SVG (no JavaScript)."""

from datetime import date

from django.utils.html import escape
from django.utils.translation import gettext as _

WIDTH, HEIGHT, PAD = 360, 140, 28


def _y(value: float) -> float:
    return HEIGHT - PAD - (value / 100) * (HEIGHT - 2 * PAD)


def _x(month: int) -> float:
    return PAD + (month - 1) * (WIDTH - 2 * PAD) / 11


def trend_svg(rows, year: int) -> str:
    """One point per month with dossiers; the 80 % guide line; an empty string if none."""
    points = [(r.month, float(r.index)) for r in rows if r.index is not None and r.month]
    if not points:
        return ""
    line = " ".join(f"{_x(m.month):.1f},{_y(v):.1f}" for m, v in points)
    dots = "".join(
        f'<circle cx="{_x(m.month):.1f}" cy="{_y(v):.1f}" r="3"><title>'
        f"{escape(f'{m:%m/%Y}')}: {v:.2f} %</title></circle>"
        for m, v in points
    )
    guides = "".join(
        f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{_y(v):.1f}" y2="{_y(v):.1f}" class="guide"/>'
        f'<text x="2" y="{_y(v) + 4:.1f}">{v}</text>'
        for v in (50, 80, 100)
    )
    months = "".join(f'<text x="{_x(m) - 4:.1f}" y="{HEIGHT - 8}">{m}</text>' for m in range(1, 13))
    label = escape(_("Satisfaction index by month in %(year)s") % {"year": year})
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{label}">{guides}{months}<polyline points="{line}"/>{dots}</svg>'
    )


def first_of(year: int, month: int) -> date:
    return date(year, month, 1)
