"""SVG bar charts drawn at build time with pygal.

pygal adds a script, generation-date comments and a random id to each chart;
those are removed or fixed here so the SVG is static, loads nothing and is
byte-identical from one build to the next.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

import pygal
from pygal.style import Style

FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif'
STYLE = Style(
    background="#ffffff",
    plot_background="#ffffff",
    foreground="#1b1b1b",
    foreground_strong="#1b1b1b",
    foreground_subtle="#4f4f4f",
    colors=("#a3120f", "#0b4ea2", "#2e6b30", "#7a4a00", "#5b2a86"),
    font_family=FONT,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    title_font_size=16,
    value_font_size=13,
    transition="0s",
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


@dataclass(frozen=True)
class Chart:
    """A drawn chart: its SVG text and how the page should show it."""

    name: str
    svg: str
    alt: str
    width: int
    height: int


# Widths the charts are drawn at. A chart is an image scaled to its column, so
# its text shrinks with it: the phone variant is drawn at about a phone's
# column width, where its 13-pixel labels stay 13 pixels (WCAG readable text).
WIDE = 720
NARROW = 360
# On a phone a label longer than this is cut (with "…"); the table beside the
# chart gives every name in full.
NARROW_LABEL = 18


def bar_chart(name: str, title: str, description: str, labels: list[str],
              series: list[tuple[str, list[int]]], horizontal: bool = False, stacked: bool = False,
              width: int = WIDE) -> Chart:
    """Draw a bar chart of integer series over labels, `width` pixels wide."""
    kind = {(False, False): pygal.Bar, (True, False): pygal.HorizontalBar,
            (False, True): pygal.StackedBar, (True, True): pygal.HorizontalStackedBar}[(horizontal, stacked)]
    narrow = width < WIDE
    height = max(320, 60 + 34 * len(labels)) if horizontal else (360 if narrow else 400)
    chart = kind(
        style=STYLE, width=width, height=height, js=[], disable_xml_declaration=True,
        show_legend=len(series) > 1, legend_at_bottom=True,
        legend_at_bottom_columns=1 if narrow else len(series),
        # A narrow bar chart has no room for a value axis: each bar carries its number.
        print_values=narrow and horizontal, show_x_labels=not (narrow and horizontal),
        show_y_guides=not horizontal, show_x_guides=horizontal, title=title,
        truncate_label=-1, truncate_legend=-1, value_formatter=_number, margin=12,
        x_label_rotation=0 if horizontal or not narrow or len(labels) < 4 else 30,
    )  # fmt: skip
    chart.uuid = re.sub(r"[^a-z0-9-]", "-", name)  # a stable id instead of a random one
    if horizontal:  # pygal draws the first label at the bottom; readers expect it on top
        labels = labels[::-1]
        series = [(name, values[::-1]) for name, values in series]
    chart.x_labels = [_shorten(label, NARROW_LABEL) for label in labels] if narrow else labels
    for series_name, values in series:
        chart.add(series_name, values)
    svg = chart.render(is_unicode=True)
    return Chart(name, _clean(svg, title, description), description, width, height)


def _clean(svg: str, title: str, description: str) -> str:
    """Drop scripts and comments; name the image for assistive technology."""
    svg = _SCRIPT.sub("", _COMMENT.sub("", svg))
    svg = svg.replace("<svg ", '<svg role="img" aria-labelledby="chart-title chart-desc" ', 1)
    heading = f'<title id="chart-title">{escape(title)}</title><desc id="chart-desc">{escape(description)}</desc>'
    svg = svg.replace(f"<title>{escape(title, quote=False)}</title>", heading, 1)
    return svg + "\n"


def _shorten(label: str, limit: int) -> str:
    """Cut a label at a word boundary to at most `limit` characters, marking the cut with "…"."""
    if len(label) <= limit:
        return label
    cut = label[:limit - 1].rsplit(" ", 1)[0].rstrip(" ,;–-")
    return cut + "…"


def _number(value) -> str:
    """Format axis and tooltip values with Vietnamese thousands dots."""
    return f"{int(value):,}".replace(",", ".") if value is not None else ""
