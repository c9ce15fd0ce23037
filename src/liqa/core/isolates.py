"""Runs of text against the page's direction, isolated one by one (``bidi_runs``, ``isolated``).

The ``bidi`` filter isolates a text whose first letter runs against the page (a Latin name
in Arabic), whole. A text in the page's own direction can still hold runs of the other
one: an Arabic job title with a Latin acronym (``مديرة مركز العمليات الأمنية (SOC)``), a
change of the published page ("Gulf Coast Port Authority، الأربعاء، 14 فبراير، 09:01 CST"),
a title ("v1"). Left bare, the bidirectional algorithm moves their punctuation and
neighbours; here each run sits in its own isolate: a ``<bdi>`` in a page, the Unicode
isolate characters (U+2066…U+2069) in plain text (a ``<title>``) and in print.
"""

from __future__ import annotations

import unicodedata
from typing import Literal

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

Direction = Literal["ltr", "rtl"]

STRONG: dict[str, frozenset[str]] = {"ltr": frozenset({"L"}), "rtl": frozenset({"R", "AL"})}
"""The bidirectional classes of the letters read in each direction."""

ISOLATE_CHARS: dict[str, str] = {"ltr": "\u2066", "rtl": "\u2067"}
"""The isolate character that opens a run read in each direction (closed by U+2069)."""

OPENING = frozenset("\u2066\u2067\u2068")
CLOSING = "\u2069"
ENDS_A_RUN = frozenset({"B", "LRI", "RLI", "FSI", "PDI"})
"""A paragraph's end or an isolate's edge: a run never reaches past it."""
NUMBERS = frozenset({"EN", "AN"})


def _other(page: str) -> Direction:
    return "rtl" if page == "ltr" else "ltr"


def _outside(text: str) -> str:
    """``text`` without what already sits between isolate characters."""
    kept: list[str] = []
    depth = 0
    for char in text:
        if char in OPENING:
            depth += 1
        elif char == CLOSING:
            depth = max(0, depth - 1)
        elif not depth:
            kept.append(char)
    return "".join(kept)


def runs(text: str, page: str) -> list[tuple[str, Direction | None]]:
    """``text`` cut into pieces, each with the direction to isolate it in, ``None`` for
    what reads with the page (``page``: ``ltr`` or ``rtl``).

    A text with no letter of the page's direction but some of the other is one run, whole
    (``Tunis B2B 2030``, ``(USTDA)``: as the ``bidi`` filter isolates it). In a text with
    letters of both, each run of the other direction goes from its first letter to its
    last before a letter of the page's, the spaces, digits and punctuation between its
    words included, and the digits right after its last letter (``v1``); the brackets,
    spaces and digits around it stay with the page's sentence (``(SOC)`` reads
    ``(⁦SOC⁩)``). What sits in isolate characters already is left as it is."""
    other = _other(page)
    outside = {unicodedata.bidirectional(char) for char in _outside(text)}
    if not outside & STRONG[other]:
        return [(text, None)] if text else []
    if not outside & STRONG[page]:
        return [(text, other)]
    pieces: list[tuple[str, Direction | None]] = []
    plain = 0  # where the piece read with the page starts
    depth = 0
    i = 0
    while i < len(text):
        char = text[i]
        if char in OPENING:
            depth += 1
        elif char == CLOSING:
            depth = max(0, depth - 1)
        elif not depth and unicodedata.bidirectional(char) in STRONG[other]:
            end = j = i + 1  # end: past the run's last letter
            while j < len(text):
                kind = unicodedata.bidirectional(text[j])
                if kind in STRONG[page] or kind in ENDS_A_RUN:
                    break
                j += 1
                if kind in STRONG[other]:
                    end = j
            while end < len(text) and unicodedata.bidirectional(text[end]) in NUMBERS:
                end += 1
            if plain < i:
                pieces.append((text[plain:i], None))
            pieces.append((text[i:end], other))
            plain = i = end
            continue
        i += 1
    if plain < len(text):
        pieces.append((text[plain:], None))
    return pieces


def isolated_text(text: str, page: str) -> str:
    """``text`` (plain) with each of its :func:`runs` against ``page`` between the Unicode
    isolate characters; unchanged where nothing in it runs against the page."""
    return "".join(
        f"{ISOLATE_CHARS[way]}{piece}{CLOSING}" if way else piece for piece, way in runs(text, page)
    )


def _page(context: Context) -> str:
    return "rtl" if context.get("dir") == "rtl" else "ltr"


@pass_context
def bidi_runs(context: Context, text: object) -> Markup:
    """Template filter: ``text`` (escaped) with each of its :func:`runs` against the page's
    direction in a ``<bdi class="ltr">`` (``rtl``); the print variants (``for_pdf``) get the
    isolate characters instead, as the ``bidi`` filter does. Unchanged (but escaped) where
    nothing runs against the page: an English or a French page's Latin text."""
    value = str(text)
    if context.get("for_pdf"):
        return escape(isolated_text(value, _page(context)))
    return Markup("").join(
        Markup('<bdi class="{}">{}</bdi>').format(way, piece) if way else escape(piece)
        for piece, way in runs(value, _page(context))
    )


@pass_context
def isolated(context: Context, text: object) -> Markup:
    """Template filter for plain text, where no element can go (a ``<title>``, an
    ``<option>``): ``text`` with each of its :func:`runs` against the page's direction
    between the isolate characters, escaped. Markup (the output of a ``{% filter %}``
    block, escaped already) is read as the text it shows, and escaped once again."""
    value = text.unescape() if isinstance(text, Markup) else str(text)
    return escape(isolated_text(value, _page(context)))


FILTERS = {"bidi_runs": bidi_runs, "isolated": isolated}
"""The filters of this module, by their names in the templates."""
