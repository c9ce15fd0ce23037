"""Charts for the mission report: matplotlib, rendered to inline SVG.

Matplotlib (with libraqm) shapes Arabic and orders mixed-direction labels itself; text is
written as glyph outlines (``svg.fonttype = path``) so the SVG looks the same in every
browser and in WeasyPrint, whose SVG text has no bidi support. The font list covers Latin
and Arabic. The numbers also appear in a table next to each chart, as text.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from html import escape
from typing import Any

import matplotlib as mpl
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

FONTS = ["Noto Sans", "Noto Naskh Arabic", "DejaVu Sans"]
COLOR = "#0b4f6c"
STYLE: dict[str, Any] = {
    "svg.fonttype": "path",
    "svg.hashsalt": "liqa",
    "font.family": FONTS,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def bar_chart(
    labels: Sequence[str], values: Sequence[float], title: str, percent: bool = False
) -> str:
    """A horizontal bar chart as an ``<svg>`` element, titled ``title`` for screen readers."""
    with mpl.rc_context(STYLE):  # type: ignore[arg-type]
        height = 0.9 + 0.32 * max(len(labels), 1)
        figure = Figure(figsize=(6.4, height), layout="constrained")
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        positions = list(range(len(labels)))[::-1]
        bars = axes.barh(positions, values, color=COLOR, height=0.62)
        axes.set_yticks(positions, labels=list(labels))
        axes.xaxis.set_visible(False)
        axes.spines["bottom"].set_visible(False)
        texts = [f"{v:.0%}" if percent else f"{v:g}" for v in values]
        axes.bar_label(bars, labels=texts, padding=3, fontsize=8)
        top = max(values, default=0) or 1
        axes.set_xlim(0, top * 1.15)
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)
