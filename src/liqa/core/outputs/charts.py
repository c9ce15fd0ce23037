"""Charts for the mission report: matplotlib, rendered to inline SVG.

Matplotlib (with libraqm) shapes Arabic and orders mixed-direction labels itself; text is
written as glyph outlines (``svg.fonttype = path``) so the SVG looks the same in every
browser and in WeasyPrint, whose SVG text has no bidi support. The font list covers Latin
and Arabic. The numbers also appear in a table next to each chart, as text.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from functools import lru_cache
from html import escape
from typing import Any, NamedTuple

import matplotlib as mpl
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from liqa.core.i18n import translator

FONTS = ["Noto Sans", "Noto Naskh Arabic", "DejaVu Sans"]
COLOR = "#0b4f6c"
MISSED_COLOR = "#d1495b"
"""The part of a bar recorded as not held (a no-show, cancelled): red, apart from the
held part (:data:`COLOR`) and the part with no outcome yet (:data:`PENDING_COLOR`)."""
PENDING_COLOR = "#c9d6df"
"""The part of a bar with no outcome recorded yet: a pale grey-blue."""
STYLE: dict[str, Any] = {
    "svg.fonttype": "path",
    "svg.hashsalt": "liqa",
    "font.family": FONTS,
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


MAX_BARS = 24
"""Bars in one drawing: 24 make a drawing of 22 cm, which fits an A4 page under its heading
(a longer chart is drawn in several parts, see :func:`bar_charts`)."""
BAR_PITCH = 0.32
"""Inches from one bar to the next; a drawing is 0.9 in (its margins) plus this per bar."""
MIN_BAR_PITCH = 0.2
"""The closest bars may stand when a drawing must fit a given height (a label is 9 pt)."""
FIRST_PAGE_HEIGHT = 5.3
"""Inches the report's page 1 leaves its first drawing (13.5 cm) under the title (up to
three lines), the key figures and the table of figures: the demo's French report, its
title on two lines, leaves 15 cm; 15 bars at :data:`BAR_PITCH` took 14.5 cm, so 16 or a
longer title sent the chart to page 2 and left page 1 a third empty."""


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    percent: bool = False,
    top: float | None = None,
    rtl: bool = False,
    most_height: float | None = None,
    shown: Sequence[str] | None = None,
    split: Split | None = None,
) -> str:
    """A horizontal bar chart as an ``<svg>`` element, titled ``title`` for screen readers.

    ``top`` is the largest value of the scale (default: the largest of ``values``), so that
    the parts of one long chart share their scale. ``rtl`` (Arabic) mirrors it for a
    right-to-left reader: the category axis on the right with its labels right-aligned
    against the drawing's right edge, the bars growing from it to the left, each value at
    the bar's left end. ``most_height`` (inches): the bars stand closer so that the drawing
    is no taller (the text keeps its size). ``shown``: each value as the reader's table
    writes it (:func:`value_texts`: ``42 %`` in French), else as English writes it.
    ``split``: each bar in three parts, held (:data:`COLOR`), not held
    (:data:`MISSED_COLOR`) and the rest (:data:`PENDING_COLOR`), named in a key above.
    """
    texts = list(shown) if shown is not None else value_texts(values, percent, "en")
    with mpl.rc_context(STYLE):  # type: ignore[arg-type]
        height = 0.9 + BAR_PITCH * max(len(labels), 1) + (0.3 if split else 0)
        if most_height is not None:
            height = min(height, most_height)
        figure = Figure(figsize=(6.4, height), layout="constrained")
        FigureCanvasSVG(figure)
        axes = figure.add_subplot()
        positions = list(range(len(labels)))[::-1]
        bars = axes.barh(positions, values, color=PENDING_COLOR if split else COLOR, height=0.62)
        if split is not None:
            held, missed = list(split.held), list(split.missed)
            axes.barh(positions, held, color=COLOR, height=0.62, label=split.names[0])
            axes.barh(
                positions, missed, left=held, color=MISSED_COLOR, height=0.62, label=split.names[1]
            )
            bars.set_label(split.names[2])
        axes.set_yticks(positions, labels=list(labels))
        axes.xaxis.set_visible(False)
        axes.spines["bottom"].set_visible(False)
        if rtl:  # bar_label pads towards +x on screen: inside a bar growing to the left
            for bar, text in zip(bars, texts, strict=True):
                y = bar.get_y() + bar.get_height() / 2
                axes.annotate(
                    text,
                    (bar.get_width(), y),
                    xytext=(-3, 0),
                    textcoords="offset points",
                    ha="right",
                    va="center",
                    fontsize=8,
                )
        else:
            axes.bar_label(bars, labels=texts, padding=3, fontsize=8)
        top = top or max(values, default=0) or 1
        axes.set_xlim(0, top * 1.15)
        if rtl:
            _mirror(figure, axes)
        if split is not None:  # the key above the bars, in the reading order of its language
            handles, names = axes.get_legend_handles_labels()
            order = [1, 2, 0]  # held, not held, no outcome yet
            if rtl:
                order.reverse()
            figure.legend(
                [handles[n] for n in order],
                [names[n] for n in order],
                loc="outside upper center",
                ncols=3,
                frameon=False,
                fontsize=8,
            )
        buffer = io.StringIO()
        figure.savefig(buffer, format="svg", metadata={"Date": None})
    text = buffer.getvalue()
    svg = text[text.index("<svg") :]
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)


class Split(NamedTuple):
    """Each bar's meetings recorded as held and as not held (the rest have no outcome yet),
    and the key's names of the three parts: held, not held, no outcome yet."""

    held: Sequence[int]
    missed: Sequence[int]
    names: tuple[str, str, str]


def value_texts(values: Sequence[float], percent: bool, lang: str) -> list[str]:
    """Each value as the report's tables write it in ``lang`` (Babel, the locale's
    separators and percent form): ``42 %`` in French, ``1 234``; ``42%`` in English."""
    t = translator(lang)
    return [t.format_percent(v) if percent else t.format_number(v) for v in values]


def _mirror(figure: Figure, axes: Any) -> None:
    """Lay ``axes`` out right to left: values grow leftwards from the category axis, which
    stands on the right with its labels right-aligned at the figure's right edge."""
    axes.invert_xaxis()
    axes.yaxis.tick_right()
    axes.spines["left"].set_visible(False)
    axes.spines["right"].set_visible(True)
    ticks = axes.get_yticklabels()
    widest = max((t.get_window_extent().width for t in ticks), default=0.0)  # in pixels
    for tick in ticks:
        tick.set_horizontalalignment("right")
    # the labels' right ends at the tick's pad plus the widest label, in points
    axes.tick_params(axis="y", pad=3.5 + widest * 72 / figure.dpi)


def bar_charts(
    labels: Sequence[str],
    values: Sequence[float],
    title: str,
    percent: bool = False,
    rtl: bool = False,
    first_height: float | None = None,
    shown: Sequence[str] | None = None,
    split: Split | None = None,
) -> tuple[str, ...]:
    """The chart in parts of at most :data:`MAX_BARS` bars on one scale, each part short
    enough for a printed page (66 participants in one drawing were 56 cm tall: the PDF cut
    it at the page's edge); ``rtl``: drawn for a right-to-left reader (see :func:`bar_chart`).

    ``first_height`` (inches): the first part fits that height (what is left of a page), its
    bars closer together, and holds no more bars than fit there at :data:`MIN_BAR_PITCH`.
    ``shown``: each value as the reader's table writes it; ``split``: each bar held, not
    held and not recorded (see :func:`bar_chart`)."""
    texts = list(shown) if shown is not None else value_texts(values, percent, "en")
    top = max(values, default=0) or 1
    first = MAX_BARS
    if first_height is not None:
        first = max(1, min(MAX_BARS, int((first_height - 0.9) / MIN_BAR_PITCH)))
    starts = [0, *range(first, len(labels), MAX_BARS)]
    ends = [*starts[1:], max(len(labels), 1)]
    return tuple(
        bar_chart(
            labels[start:end],
            values[start:end],
            title,
            percent,
            top,
            rtl,
            first_height if start == 0 else None,
            texts[start:end],
            None
            if split is None
            else Split(split.held[start:end], split.missed[start:end], split.names),
        )
        for start, end in zip(starts, ends, strict=True)
    )


SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
Matrix = tuple[float, float, float, float, float, float]
"""An SVG affine matrix ``(a, b, c, d, e, f)``: x' = a x + c y + e, y' = b x + d y + f."""
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_TRANSFORM = re.compile(r"(translate|scale|rotate)\(([^)]*)\)")


def _times(m: Matrix, n: Matrix) -> Matrix:
    """The matrix product ``m n`` (``n`` applied first)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (
        a * p + c * q,
        b * p + d * q,
        a * r + c * s,
        b * r + d * s,
        a * t + c * u + e,
        b * t + d * u + f,
    )


def _matrix(transform: str | None) -> Matrix:
    """The matrix of an SVG ``transform`` made of translate, scale and rotate (degrees)."""
    m = IDENTITY
    for name, args in _TRANSFORM.findall(transform or ""):
        v = [float(x) for x in args.replace(",", " ").split()]
        if name == "translate":
            n: Matrix = (1.0, 0.0, 0.0, 1.0, v[0], v[1] if len(v) > 1 else 0.0)
        elif name == "scale":
            n = (v[0], 0.0, 0.0, v[1] if len(v) > 1 else v[0], 0.0, 0.0)
        else:
            r = math.radians(v[0])
            n = (math.cos(r), math.sin(r), -math.sin(r), math.cos(r), 0.0, 0.0)
        m = _times(m, n)
    return m


def _moved(d: str, m: Matrix) -> str:
    """Path data ``d`` (absolute commands, coordinates in x y pairs) with ``m`` applied."""
    a, b, c, dd, e, f = m
    out: list[str] = []
    numbers: list[float] = []
    for token in d.split():
        if token.isalpha():
            out.append(token)
            continue
        numbers.append(float(token))
        if len(numbers) == 2:
            x, y = numbers
            out.append(f"{a * x + c * y + e:.2f} {b * x + dd * y + f:.2f}")
            numbers.clear()
    return " ".join(out)


CONVERTED = 32
"""Drawings whose conversions (:func:`text_as_paths`, :func:`trimmed`) a process keeps, by
the drawing's text: the report page, its chart images and its PDF convert each drawing
once (0.2-0.3 CPU-s for a report's drawings in one language); the demo's reports have 15
in three languages. Another drawing (another text) is converted anew."""


@lru_cache(maxsize=CONVERTED)
def text_as_paths(svg: str) -> str:
    """``svg`` (as :func:`bar_chart` writes it) with each text label drawn by one path.

    Matplotlib writes a label as a group of ``<use>`` references to glyph outlines; this
    gives each label a single ``<path>`` of the same outlines at the same places. The
    drawing is the same, but it has a tenth of the elements, each of which WeasyPrint would
    otherwise style, transform and parse again for every glyph it draws (for PDFs).
    """
    ET.register_namespace("", SVG[1:-1])
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    glyphs: dict[str, tuple[str, Matrix]] = {}
    for defs in root.iter(f"{SVG}defs"):
        for path in defs.findall(f"{SVG}path"):
            if (glyph := path.get("id")) is not None:
                glyphs[glyph] = (path.get("d", ""), _matrix(path.get("transform")))
    for parent in list(root.iter()):
        for index, group in enumerate(list(parent)):
            if group.tag != f"{SVG}g" or group.find(f"{SVG}use") is None:
                continue
            uses = group.findall(f"{SVG}use")
            if any(not u.get(XLINK_HREF, "").startswith("#") for u in uses) or any(
                u.get(XLINK_HREF, "")[1:] not in glyphs or u.get("x") or u.get("y") for u in uses
            ):
                continue  # not a label (e.g. tick marks drawn at x, y): kept as it is
            outer = _matrix(group.get("transform"))
            parts = []
            for use in uses:
                d, inner = glyphs[use.get(XLINK_HREF, "")[1:]]
                parts.append(_moved(d, _times(_times(outer, _matrix(use.get("transform"))), inner)))
            label = ET.Element(f"{SVG}path", {"d": " ".join(parts)})
            if group.get("style"):
                label.set("style", group.get("style", ""))
            parent.remove(group)
            parent.insert(index, label)
    still_used = {u.get(XLINK_HREF, "")[1:] for u in root.iter(f"{SVG}use")}
    for defs in list(root.iter(f"{SVG}defs")):
        for path in defs.findall(f"{SVG}path"):
            if path.get("id") in glyphs and path.get("id") not in still_used:
                defs.remove(path)
    return ET.tostring(root, encoding="unicode")


_PATH_ARGS = {"M": 2, "L": 2, "Q": 4, "C": 6, "Z": 0, "z": 0}
"""The absolute path commands matplotlib writes (and the closing ``z``), with the numbers
each takes."""
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_NUMBER = re.compile(r"-?(?:\d+\.?\d*|\.\d+)")
PRECISION = 1000
"""Path coordinates are kept to a thousandth of a point (0.00035 mm), where matplotlib
writes a millionth (the labels' outlines, :func:`_moved`, are to a hundredth already)."""


def _thousandths(value: int) -> str:
    """``value`` thousandths as the shortest SVG number: 1500 is ``1.5``, -50 ``-.05``."""
    whole, part = divmod(abs(value), PRECISION)
    text = str(whole) if whole or not part else ""
    if part:
        text += "." + f"{part:03d}".rstrip("0")
    return ("-" if value < 0 else "") + text


def _separator(last: str, number: str) -> str:
    """What goes between the number ``last`` written (empty after a command letter) and
    ``number``: a space only where ``number`` would otherwise run into it (``1.5-2`` and
    ``1.5.5`` read as two numbers each)."""
    if not last or number[0] == "-" or (number[0] == "." and "." in last):
        return ""
    return " "


def compact_path(d: str) -> str:
    """Path data ``d`` (absolute M, L, Q, C and Z, as matplotlib writes it) with the same
    points, each to a thousandth of a unit: relative commands, a command repeated written
    once, no needless spaces or digits. Any other path data is returned as it is."""
    tokens = _PATH_TOKEN.findall(d)
    if "".join(tokens) != "".join(d.replace(",", " ").split()):
        return d
    out: list[str] = []
    last = ""  # the last number written, empty after a command letter
    x = y = start_x = start_y = 0
    previous = ""
    index = 0
    while index < len(tokens):
        command = tokens[index]
        if command not in _PATH_ARGS:
            return d
        count = _PATH_ARGS[command]
        values = tokens[index + 1 : index + 1 + count]
        if len(values) != count or any(v.isalpha() for v in values):
            return d
        index += 1 + count
        if command in "Zz":
            out.append("z")
            x, y, previous, last = start_x, start_y, "z", ""
            continue
        points = [round(float(v) * PRECISION) for v in values]
        letter = command.lower()
        if letter != previous or letter == "m":
            out.append(letter)
            last = ""
        for i, point in enumerate(points):
            number = _thousandths(point - (x if i % 2 == 0 else y))
            out += (_separator(last, number), number)
            last = number
        x, y = points[-2], points[-1]
        if letter == "m":
            start_x, start_y = x, y
        previous = letter
    return "".join(out)


def _referenced(root: ET.Element) -> set[str]:
    """The ids the drawing refers to (``url(#id)``, ``xlink:href="#id"``)."""
    found: set[str] = set()
    for element in root.iter():
        for name, value in element.attrib.items():
            found.update(re.findall(r"url\(#([^)]+)\)", value))
            if name == XLINK_HREF and value.startswith("#"):
                found.add(value[1:])
    return found


def _unwrapped(parent: ET.Element) -> None:
    """Each group without attributes under ``parent`` replaced by what it holds."""
    index = 0
    while index < len(parent):
        child = parent[index]
        if child.tag == f"{SVG}g" and not child.attrib:
            parent.remove(child)
            for offset, grandchild in enumerate(list(child)):
                parent.insert(index + offset, grandchild)
            continue
        _unwrapped(child)
        index += 1


@lru_cache(maxsize=CONVERTED)
def trimmed(svg: str) -> str:
    """``svg`` (as :func:`text_as_paths` leaves it) without what it needs not to show the
    same drawing: matplotlib's metadata, ids nothing refers to, the groups they named,
    indentation, and coordinates to a millionth (:func:`compact_path`: a thousandth)."""
    ET.register_namespace("", SVG[1:-1])
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    root = ET.fromstring(svg)
    for metadata in root.findall(f"{SVG}metadata"):
        root.remove(metadata)
    used = _referenced(root)
    for element in root.iter():
        if element.get("id") is not None and element.get("id") not in used:
            del element.attrib["id"]
        if element.text is not None and not element.text.strip():
            element.text = None
        if element.tail is not None and not element.tail.strip():
            element.tail = None
        if element.tag == f"{SVG}path" and element.get("d"):
            element.set("d", compact_path(element.get("d", "")))
        if element.tag in (f"{SVG}rect", f"{SVG}use"):
            for name in ("x", "y", "width", "height"):
                if _NUMBER.fullmatch(value := element.get(name, "")):
                    element.set(name, _thousandths(round(float(value) * PRECISION)))
    _unwrapped(root)
    return ET.tostring(root, encoding="unicode")


CSS_PIXELS = {
    "": 1.0,
    "px": 1.0,
    "pt": 96 / 72,
    "pc": 16.0,
    "in": 96.0,
    "cm": 96 / 2.54,
    "mm": 96 / 25.4,
}
"""CSS pixels in one of each unit an SVG's ``width`` may be given in."""


def pixel_size(svg: str) -> tuple[int, int]:
    """The drawing's width and height in CSS pixels, as a browser sizes it: its viewBox,
    scaled to its ``width`` (matplotlib's ``width="460.8pt"`` for a viewBox 460.8 wide:
    96 pixels to 72 points)."""
    head = svg[: svg.index(">")]
    box = re.search(r'\sviewBox="([^"]*)"', head)
    if box is None:
        raise ValueError("a chart's drawing has no viewBox")
    width, height = (float(v) for v in box[1].replace(",", " ").split()[2:4])
    scale = 1.0
    given = re.search(r'\swidth="([\d.]+)([a-z]*)"', head)
    if given is not None and given[2] in CSS_PIXELS and width:
        scale = float(given[1]) * CSS_PIXELS[given[2]] / width
    return round(width * scale), round(height * scale)
