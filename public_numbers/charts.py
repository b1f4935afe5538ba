"""Accessible charts drawn on the server as inline SVG. Reusable (shelter figures, Meldpunt).

No JavaScript and nothing from another host: the chart is markup in the page, so it shows without scripts and
in print. Every chart has a title and a description (the SVG's `<title>` and `<desc>`, referred to by
`aria-labelledby`/`aria-describedby`) and carries its numbers as a table, which the template
`components/chart.html` renders beside the drawing: the table is the text alternative, the drawing the summary.

The interface:

- `Series(name, values, texts)`: one row of numbers; `values[i]` is None when a number is not shown (a
  suppressed count), `texts[i]` is what is written instead ("<5", "x") or the number as text.
- `bar_chart(title, description, labels, series, label_heading)`: horizontal bars, one per label (one series),
  readable on a phone because every label sits above its bar, wrapped onto more lines when it is long.
- `line_chart(title, description, labels, series, label_heading)`: lines over time, one per series (up to
  four), with gaps where a value is not shown.
- Both return a `Chart` (`title`, `description`, `svg` as safe markup, `headings` and `rows` for the table).
  Render it with `{% include "components/chart.html" with chart=chart %}`.

Charts know nothing of disclosure control: pass them numbers that may be published.
"""

from __future__ import annotations

import itertools
import textwrap
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_ids = itertools.count(1)
BAR_WIDTH = 320
BAR_ROW = 38
# Label lines of the bar chart: 12px text, about 6.5 units a character, in the 320 units wide drawing (with room
# to spare for wider fonts, and for the drawing being narrower than 320 px on a small phone).
LABEL_CHARS, LABEL_LINE = 40, 14
# As wide as the bar chart's drawing, so that on a 320 px phone its 12-13px text is drawn at about 11 px, not 8
# (a 420 units wide drawing was scaled to two thirds there). Period labels that would touch are thinned out.
LINE_WIDTH, LINE_HEIGHT, LINE_MARGIN = 320, 240, 36
# A 13px period label's width per character in a wide font (DejaVu Sans: "2025 Q1" is about 56 units), and the room
# kept between two labels.
TICK_CHAR, TICK_SPACE = 8.5, 6
SERIES_CLASSES = ("chart__series--1", "chart__series--2", "chart__series--3", "chart__series--4")
DASHES = ("", "6 3", "2 3", "8 3 2 3")  # lines differ in pattern too, not only in colour


@dataclass(frozen=True)
class Series:
    """One named row of numbers (None where a number is not shown) and what to write for each."""

    name: str
    values: list[int | None]
    texts: list[str]


@dataclass(frozen=True)
class Chart:
    """A drawn chart and the table with its numbers."""

    title: str
    description: str
    svg: SafeString
    headings: list[str]
    rows: list[tuple[str, list[str]]]
    kind: str = "bar"  # "bar" or "line", for styling

    @property
    def has_hidden_values(self) -> bool:
        """True when a number is not shown (so the page explains the "<5" and "x" it wrote instead)."""
        return any(not text.isdigit() for _label, texts in self.rows for text in texts)


def _table(label_heading: str, labels: list[str], series: list[Series]) -> tuple[list[str], list]:
    headings = [label_heading, *(s.name for s in series)]
    rows = [(label, [s.texts[index] for s in series]) for index, label in enumerate(labels)]
    return headings, rows


def _frame(title: str, description: str, width: int, height: int, body: SafeString) -> SafeString:
    number = next(_ids)
    return format_html(
        '<svg class="chart__svg" viewBox="0 0 {w} {h}" role="img" aria-labelledby="chart-t{n}" '
        'aria-describedby="chart-d{n}" xmlns="http://www.w3.org/2000/svg"><title id="chart-t{n}">{title}</title>'
        '<desc id="chart-d{n}">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        n=number,
        title=title,
        desc=description,
        body=body,
    )


def _label_lines(label: str) -> list[str]:
    """A bar's label in lines that fit the drawing (long names such as "Politiecellen: overige locaties (elk
    minder dan 10 meldingen)" would run past its edge on a phone)."""
    return textwrap.wrap(str(label), LABEL_CHARS, break_on_hyphens=False) or [""]


def bar_chart(title: str, description: str, labels: list[str], series: Series, label_heading: str) -> Chart:
    """Horizontal bars, the label above each bar (wrapped onto more lines when long) and the number (or "<5") at
    its end."""
    highest = max((v for v in series.values if v), default=1)
    room = BAR_WIDTH - 48  # space for the number after the longest bar
    parts = []
    top = 0
    for label, value, text in zip(labels, series.values, series.texts, strict=True):
        lines = _label_lines(label)
        above = (len(lines) - 1) * LABEL_LINE  # the extra lines push the bar down
        length = 0 if value is None else max(round(room * value / highest), 1 if value else 0)
        label_lines = format_html_join(
            "", '<tspan x="0" dy="{}">{}</tspan>', ((0 if n == 0 else LABEL_LINE, line) for n, line in enumerate(lines))
        )
        parts.append(
            format_html(
                '<text class="chart__label" x="0" y="{ly}">{label}</text>'
                '<rect class="chart__bar{muted}" x="0" y="{by}" width="{len}" height="14" rx="2"></rect>'
                '<text class="chart__value" x="{vx}" y="{vy}">{text}</text>',
                ly=top + 12,
                label=label_lines,
                muted=" chart__bar--hidden" if value is None else "",
                by=top + above + 17,
                len=length if value is not None else 6,
                vx=(length if value is not None else 6) + 6,
                vy=top + above + 29,
                text=text,
            )
        )
        top += BAR_ROW + above
    height = max(top, BAR_ROW)
    headings, rows = _table(label_heading, labels, [series])
    svg = _frame(title, description, BAR_WIDTH, height, mark_safe("".join(parts)))  # noqa: S308 - format_html output
    return Chart(title, description, svg, headings, rows)


def line_chart(title: str, description: str, labels: list[str], series: list[Series], label_heading: str) -> Chart:
    """Lines over time (labels are the periods), a legend below; a value not shown leaves a gap."""
    highest = max((v for s in series for v in s.values if v), default=1)
    plot_w, plot_h = LINE_WIDTH - 2 * LINE_MARGIN, LINE_HEIGHT - 2 * LINE_MARGIN
    step = plot_w / max(len(labels) - 1, 1)

    def x(index: int) -> float:
        return round(LINE_MARGIN + index * step, 1)

    def y(value: int) -> float:
        return round(LINE_MARGIN + plot_h - plot_h * value / highest, 1)

    grid = format_html_join(
        "",
        '<line class="chart__grid" x1="{}" x2="{}" y1="{}" y2="{}"></line>'
        '<text class="chart__axis" x="{}" y="{}" text-anchor="end">{}</text>',
        (
            (LINE_MARGIN, LINE_WIDTH - LINE_MARGIN, y(v), y(v), LINE_MARGIN - 4, y(v) + 4, v)
            for v in (0, highest // 2, highest)
        ),
    )
    ticks = format_html_join(
        "",
        '<text class="chart__axis" x="{}" y="{}" text-anchor="{}">{}</text>',
        (
            (x(i), LINE_HEIGHT - LINE_MARGIN + 16, _anchor(i, len(labels)), labels[i])
            for i in _ticks(labels, [x(i) for i in range(len(labels))])
        ),
    )
    lines = []
    for number, s in enumerate(series[: len(SERIES_CLASSES)]):
        segments, current = [], []
        for index, value in enumerate(s.values):
            if value is None:
                segments, current = segments + [current] if current else segments, []
            else:
                current.append(f"{x(index)},{y(value)}")
        segments += [current] if current else []
        for points in segments:
            lines.append(
                format_html(
                    '<polyline class="chart__line {cls}" points="{pts}" fill="none" stroke-dasharray="{dash}">'
                    "</polyline>",
                    cls=SERIES_CLASSES[number],
                    pts=" ".join(points),
                    dash=DASHES[number],
                )
            )
        legend_y = LINE_HEIGHT + 4 + number * 18
        lines.append(
            format_html(
                '<line class="chart__line {cls}" x1="{x1}" x2="{x2}" y1="{y}" y2="{y}" stroke-dasharray="{dash}">'
                '</line><text class="chart__label" x="{tx}" y="{ty}">{name}</text>',
                cls=SERIES_CLASSES[number],
                x1=LINE_MARGIN,
                x2=LINE_MARGIN + 28,
                y=legend_y,
                dash=DASHES[number],
                tx=LINE_MARGIN + 36,
                ty=legend_y + 4,
                name=s.name,
            )
        )
    height = LINE_HEIGHT + 8 + len(series) * 18
    body = grid + ticks + mark_safe("".join(lines))  # noqa: S308 - format_html output
    headings, rows = _table(label_heading, labels, series)
    return Chart(title, description, _frame(title, description, LINE_WIDTH, height, body), headings, rows, "line")


def _ticks(labels: list[str], xs: list[float]) -> list[int]:
    """The periods to label: every one when the labels fit side by side, else every second, third, ... one,
    counted back from the newest (always labelled). A label's width is estimated from its length."""
    count = len(labels)
    for stride in range(1, count + 1):
        chosen = list(range(count - 1, -1, -stride))[::-1]
        extents = [_tick_extent(index, count, xs[index], len(labels[index]) * TICK_CHAR) for index in chosen]
        if all(left_end + TICK_SPACE <= right_start for (_, left_end), (right_start, _) in itertools.pairwise(extents)):
            return chosen
    return []


def _tick_extent(index: int, count: int, x: float, width: float) -> tuple[float, float]:
    """Where a label reaches from and to: the first starts at its point, the last ends at it, others are centred
    (`_anchor`)."""
    anchor = _anchor(index, count)
    start = x if anchor == "start" else x - width if anchor == "end" else x - width / 2
    return start, start + width


def _anchor(index: int, count: int) -> str:
    """The first and last labels stay inside the drawing."""
    if count > 1 and index == 0:
        return "start"
    return "end" if count > 1 and index == count - 1 else "middle"
