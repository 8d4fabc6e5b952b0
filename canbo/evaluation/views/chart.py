"""A small inline SVG line chart of monthly totals: no JavaScript, a few hundred bytes."""

from django.utils.html import escape
from django.utils.translation import gettext as _

WIDTH, HEIGHT, PAD = 320, 120, 24


def history_svg(sheets) -> str:
    points = [(s.period.start, float(s.total)) for s in sheets]
    if not points:
        return ""
    step = (WIDTH - 2 * PAD) / max(1, len(points) - 1)
    coords = [
        (PAD + i * step, HEIGHT - PAD - (total / 100) * (HEIGHT - 2 * PAD))
        for i, (_, total) in enumerate(points)
    ]
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3"><title>{escape(f"{m:%m/%Y}")}: '
        f"{total:.2f}</title></circle>"
        for (x, y), (m, total) in zip(coords, points, strict=True)
    )
    guides = "".join(
        f'<line x1="{PAD}" x2="{WIDTH - PAD}" y1="{_y(v):.1f}" y2="{_y(v):.1f}" '
        f'class="guide"/><text x="2" y="{_y(v) + 4:.1f}">{v}</text>'
        for v in (50, 70, 90)
    )
    label = escape(_("Scores by month"))
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{label}">{guides}<polyline points="{line}"/>{dots}</svg>'
    )


def _y(value: float) -> float:
    return HEIGHT - PAD - (value / 100) * (HEIGHT - 2 * PAD)
