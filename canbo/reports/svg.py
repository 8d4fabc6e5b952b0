"""Server-drawn inline SVG charts: bars, stacked bars and lines, no JavaScript.

Each function takes plain numbers and returns SVG markup (text is escaped here, so the
result can be marked safe). Every bar, segment and point carries a <title> with its exact
value, and the chart's own numbers are always printed in a table next to it by the page.
"""

from collections.abc import Sequence

from django.utils.html import escape

WIDTH = 640
ROW = 22  # height of one horizontal bar row
LABEL = 170  # room for the category labels on the left
PAD = 8
LINE_HEIGHT = 180
CHAR = 6.3  # the width of one character of the 11 px chart text, roughly
LEGEND_LINE = 16
# Series colours by index (classification levels, statuses…), readable in grey print too.
COLOURS = ("#1b7f3b", "#6aa84f", "#f1c232", "#cc4125", "#6d9eeb", "#999999", "#8e7cc3")


def _fmt(value: float) -> str:
    """Up to two decimals, as exact as the numbers of the dashboards (indices are 66.67 %)."""
    if float(value).is_integer():
        return f"{value:g}"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _svg(height: float, body: str, label: str, width: int = WIDTH) -> str:
    return (
        f'<svg class="chart wide" viewBox="0 0 {width} {height:.0f}" role="img" '
        f'aria-label="{escape(label)}">{body}</svg>'
    )


def _label(y: float, text: str) -> str:
    short = text if len(text) <= 26 else text[:25] + "…"
    return (
        f'<text x="{LABEL - 4}" y="{y:.1f}" text-anchor="end">'
        f"<title>{escape(text)}</title>{escape(short)}</text>"
    )


def bars(
    categories: Sequence[str],
    values: Sequence[float | None],
    label: str,
    colour: str = COLOURS[4],
    maximum: float | None = None,
    missing: str = "",
) -> str:
    """One horizontal bar per category; a None value draws no bar but the `missing` text."""
    return stacked_bars(
        categories,
        [(label, list(values))],
        label,
        maximum=maximum,
        colours=(colour,),
        legend=False,
        missing=missing,
    )


def stacked_bars(
    categories: Sequence[str],
    series: Sequence[tuple[str, Sequence[float]]],
    label: str,
    maximum: float | None = None,
    colours: Sequence[str] = COLOURS,
    legend: bool = True,
    missing: str = "",
) -> str:
    """Horizontal bars, one per category, each split into the series' segments. A category
    whose values are all None has no number at all: the `missing` text stands for its total."""
    if not categories:
        return ""
    totals = [_total([s[1][i] for s in series]) for i in range(len(categories))]
    top = maximum or max((t for t in totals if t is not None), default=0) or 1
    span = WIDTH - LABEL - 2 * PAD - 40
    key, legend_height = _legend([name for name, _ in series], colours) if legend else ("", 0)
    parts = [key]
    for i, category in enumerate(categories):
        y = legend_height + i * ROW + 2
        parts.append(_label(y + ROW / 2 + 2, category))
        x = LABEL
        for k, (name, values) in enumerate(series):
            width = span * (values[i] or 0) / top
            if width > 0:
                parts.append(
                    f'<rect x="{x:.1f}" y="{y:.1f}" width="{width:.1f}" height="{ROW - 6}" '
                    f'fill="{colours[k % len(colours)]}"><title>{escape(category)} · '
                    f"{escape(name)}: {_fmt(values[i])}</title></rect>"
                )
            x += width
        total = escape(missing) if totals[i] is None else _fmt(totals[i])
        parts.append(f'<text x="{x + 4:.1f}" y="{y + ROW / 2 + 2:.1f}">{total}</text>')
    return _svg(legend_height + len(categories) * ROW + 4, "".join(parts), label)


def _total(values: Sequence[float | None]) -> float | None:
    return None if all(v is None for v in values) else sum(v or 0 for v in values)


def lines(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    label: str,
    maximum: float = 100,
    colours: Sequence[str] = COLOURS,
) -> str:
    """One polyline per series over the x labels (None leaves a gap), with guides at 0/50/100 %
    of the maximum."""
    if not labels:
        return ""
    key, legend_height = _legend([name for name, _ in series], colours)
    left, top, bottom = 36, legend_height + 10, 22
    plot = LINE_HEIGHT - top - bottom
    step = (WIDTH - left - PAD) / max(1, len(labels) - 1)

    def y_of(value: float) -> float:
        return top + plot - plot * value / maximum

    parts = [key]
    for fraction in (0, 0.5, 1):
        y = y_of(maximum * fraction)
        parts.append(
            f'<line x1="{left}" x2="{WIDTH - PAD}" y1="{y:.1f}" y2="{y:.1f}" '
            f'class="guide"/><text x="2" y="{y + 3:.1f}">{_fmt(maximum * fraction)}'
            "</text>"
        )
    for i, text in enumerate(labels):
        parts.append(
            f'<text x="{left + i * step:.1f}" y="{LINE_HEIGHT - 6}" '
            f'text-anchor="middle">{escape(text)}</text>'
        )
    for k, (name, values) in enumerate(series):
        colour = colours[k % len(colours)]
        points = [(left + i * step, y_of(v), v) for i, v in enumerate(values) if v is not None]
        if not points:
            continue
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in points)
        parts.append(f'<polyline points="{line}" style="stroke:{colour}"/>')
        parts.extend(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" style="fill:{colour}"><title>'
            f"{escape(name)} · {escape(labels[round((x - left) / step) if step else 0])}: "
            f"{_fmt(v)}</title></circle>"
            for x, y, v in points
        )
    return _svg(LINE_HEIGHT, "".join(parts), label)


def _legend(names: Sequence[str], colours: Sequence[str]) -> tuple[str, float]:
    """The legend's markup and height: items left to right, wrapped to the chart's width."""
    parts, x, y = [], 4.0, 4.0
    for k, name in enumerate(names):
        width = 24 + CHAR * len(name)
        if x > 4 and x + width > WIDTH:
            x, y = 4.0, y + LEGEND_LINE
        parts.append(
            f'<rect x="{x:.1f}" y="{y:.0f}" width="10" height="10" '
            f'fill="{colours[k % len(colours)]}"/><text x="{x + 14:.1f}" y="{y + 9:.0f}">'
            f"{escape(name)}</text>"
        )
        x += width
    return "".join(parts), y + LEGEND_LINE
