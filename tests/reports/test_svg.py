"""The SVG drawing module: well-formed markup whose shapes are proportional to the numbers,
with every value in a <title> and text escaped."""

import xml.etree.ElementTree as ET

from canbo.reports import svg

NS = "{http://www.w3.org/2000/svg}"


def _parse(markup: str) -> ET.Element:
    return ET.fromstring(markup.replace("<svg ", f'<svg xmlns="{NS[1:-1]}" ', 1))


def _rects(root):
    return [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is not None]


def test_bars_are_proportional_and_titled():
    root = _parse(svg.bars(["Tân Phong", "Đoàn Kết", "Mường Tè"], [4, 2, 0], "Số phiếu"))
    rects = _rects(root)
    assert len(rects) == 2  # a zero draws nothing
    widths = [float(r.get("width")) for r in rects]
    assert widths[0] == 2 * widths[1]
    assert [r.find(f"{NS}title").text for r in rects] == [
        "Tân Phong · Số phiếu: 4",
        "Đoàn Kết · Số phiếu: 2",
    ]
    assert root.get("aria-label") == "Số phiếu"


def test_stacked_segments_follow_each_other():
    markup = svg.stacked_bars(["A"], [("tốt", [3]), ("đạt", [1])], "Xếp loại", maximum=8)
    rects = _rects(_parse(markup))
    first, second = rects
    assert abs(float(second.get("x")) - float(first.get("x")) - float(first.get("width"))) < 0.1
    assert abs(float(first.get("width")) - 3 * float(second.get("width"))) < 0.3
    span = svg.WIDTH - svg.LABEL - 2 * svg.PAD - 40
    assert abs(float(first.get("width")) + float(second.get("width")) - span / 2) < 0.2
    texts = [t.text for t in _parse(markup).iter(f"{NS}text")]
    assert "tốt" in texts and "4" in texts  # legend, and the total after the bar


def test_lines_leave_gaps_and_scale_to_the_maximum():
    root = _parse(svg.lines(["01", "02", "03"], [("a", [100, None, 50])], "Xu hướng"))
    line = root.find(f"{NS}polyline")
    points = [tuple(map(float, p.split(","))) for p in line.get("points").split()]
    assert len(points) == 2
    (x1, y1), (x3, y3) = points
    top, bottom = 4 + svg.LEGEND_LINE + 10, svg.LINE_HEIGHT - 22
    assert y1 == top and abs(y3 - (top + bottom) / 2) < 0.1
    titles = [c.find(f"{NS}title").text for c in root.iter(f"{NS}circle")]
    assert titles == ["a · 01: 100", "a · 03: 50"]


def test_text_is_escaped_and_empty_input_draws_nothing():
    markup = svg.bars(['<script>alert("x")</script>'], [1], "A & B")
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert 'aria-label="A &amp; B"' in markup
    _parse(markup)
    assert svg.bars([], [], "x") == "" and svg.lines([], [], "x") == ""


def test_a_long_legend_wraps_inside_the_chart():
    names = [f"Mức xếp loại rất dài số {k}" for k in range(6)]
    root = _parse(svg.stacked_bars(["A"], [(n, [1]) for n in names], "x"))
    keys = [r for r in root.iter(f"{NS}rect") if r.find(f"{NS}title") is None]
    assert len(keys) == 6
    assert len({r.get("y") for r in keys}) > 1  # on more than one line
    assert all(float(r.get("x")) + 24 + svg.CHAR * len(names[0]) <= svg.WIDTH for r in keys)
    first_bar = _rects(root)[0]
    assert float(first_bar.get("y")) > max(float(r.get("y")) for r in keys) + 10


def test_a_missing_value_draws_its_words_not_a_zero():
    markup = svg.bars(
        ["Tân Phong", "Bản Lang"], [66.67, None], "Chỉ số", maximum=100, missing="Không có"
    )
    root = _parse(markup)
    rects = _rects(root)
    assert [r.find(f"{NS}title").text for r in rects] == ["Tân Phong · Chỉ số: 66.67"]
    texts = [t.text for t in root.iter(f"{NS}text")]
    assert "Không có" in texts and "0" not in texts
