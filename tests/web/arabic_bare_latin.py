"""Latin words left bare in Arabic: what a page or text shows outside a Unicode isolate
(U+2066…U+2069), a ``<bdi>`` or an element read left to right (``dir="ltr"``) or in the
direction of its own text (``dir="auto"``).

In an Arabic sentence a Latin name, code or word (``v1``, ``USTDA``, a company's name) must
sit in an isolate so that its punctuation and order stay right. Attribute values (``href``,
``title``, ``value``) are not read as text and are never checked; an element in another
language (``lang="fr"``: the language switcher's ``Français``) is that language's own text.
"""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

OPENING = frozenset("\u2066\u2067\u2068")
CLOSING = "\u2069"
NOT_TEXT = frozenset({"script", "style", "textarea", "title"})
"""Elements whose content is not laid out as a sentence of the page (a textarea holds a
text to edit: :func:`bare_in_text` checks such texts; a title is plain text, where no
``<bdi>`` can go)."""
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


def bare_in_text(text: str) -> list[str]:
    """The runs of Latin letters of ``text`` outside an isolate, each from its first Latin
    letter to its last before an Arabic letter or the end of the line."""
    found: list[str] = []
    depth = 0
    run: list[str] = []
    latin_end = 0

    def close() -> None:
        nonlocal run, latin_end
        if latin_end:
            found.append("".join(run[:latin_end]).strip())
        run, latin_end = [], 0

    for char in text:
        if char in OPENING:
            close()
            depth += 1
            continue
        if char == CLOSING:
            depth = max(0, depth - 1)
            continue
        if depth:
            continue
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL", "B"):
            close()
        elif kind == "L":
            run.append(char)
            latin_end = len(run)
        elif run:
            run.append(char)
    close()
    return found


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []  # per open element: whether its content is exempt
        self.found: list[str] = []

    def _exempt(self) -> bool:
        return bool(self.stack) and self.stack[-1]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID:
            return
        given = dict(attrs)
        lang = given.get("lang")
        exempt = (
            self._exempt()
            or tag == "bdi"
            or tag in NOT_TEXT
            or given.get("dir") in ("ltr", "auto")
            or (lang is not None and not lang.startswith("ar"))
        )
        self.stack.append(exempt)

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self._exempt():
            self.found.extend(bare_in_text(data))


def bare_in_page(page: str) -> list[str]:
    """The Latin runs of an HTML page's text outside ``<bdi>``, ``dir="ltr"``, another
    language's element and the isolate characters (text node by text node)."""
    reader = _Reader()
    reader.feed(page)
    reader.close()
    return [run for run in reader.found if run]
