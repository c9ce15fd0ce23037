"""Tag free text in Arabic, French or English with thesaurus themes.

Every phrase of the thesaurus is normalized and stemmed like the text, then found as a
contiguous run of stems (stop words removed on both sides), so ``للأمن السيبراني``,
``الأمن السيبرانيّ`` and ``الامن السيبراني`` all name *cybersecurity*, and ``de la
cybersécurité`` does in French. Latin-script text is read both as French and as English
(French profiles use English loanwords: *cloud*, *fintech*, *data center*). An Arabic word
with a one-letter preposition or conjunction glued to it (« لمراكز النداء », « بمراكز
البيانات ») or a possessive ending (« نماذجنا », our models) is read without it when only
that form is a thesaurus word.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from liqa.core.matching.normalize import detect_language, is_arabic, tokens
from liqa.core.matching.thesaurus import Thesaurus, default_thesaurus
from liqa.core.model import LANGUAGES

type PhraseIndex = dict[str, list[tuple[tuple[str, ...], str]]]
"""First stem → (stem sequence, theme id), longest sequences first."""


@dataclass(frozen=True)
class Tagger:
    """Finds thesaurus themes in text; build one per thesaurus with :func:`tagger`."""

    thesaurus: Thesaurus
    indexes: Mapping[str, PhraseIndex]
    vocabulary: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Every stem of a thesaurus phrase, per language."""

    def tag(self, text: str, lang: str = "en") -> Counter[str]:
        """Theme id → number of mentions in ``text`` (``lang`` is the declared language)."""
        found: Counter[str] = Counter()
        seen_spans: set[tuple[int, int, str]] = set()
        for _, start, end, theme in self.spans(text, lang):
            if (start, end, theme) not in seen_spans:
                seen_spans.add((start, end, theme))
                found[theme] += 1
        return found

    def spans(self, text: str, lang: str = "en") -> list[tuple[str, int, int, str]]:
        """Every mention as (reading language, first stem, end stem, theme id).

        Arabic-script text is read as Arabic; Latin-script text as French and as English.
        """
        if not text.strip():
            return []
        if is_arabic(text):
            readings = ["ar"]
        else:
            first = detect_language(text, lang)
            readings = [first, "en" if first == "fr" else "fr"]
        out: list[tuple[str, int, int, str]] = []
        for reading in readings:
            stems, breaks = _stream(text, reading)
            if reading == "ar":
                stems = without_proclitics(stems, self.vocabulary.get("ar", frozenset()))
            out += [(reading, *match) for match in _matches(stems, self.indexes[reading], breaks)]
        return out

    def tag_localized(self, text: Mapping[str, str]) -> Counter[str]:
        """Themes mentioned in any language version of a localized text."""
        total: Counter[str] = Counter()
        for lang, value in text.items():
            total |= self.tag(value, lang)
        return total


_PIECES = re.compile(
    r"[,;:!?؟،؛()\[\]]|[.](?=\s|$)|\b(?:and|or|et|ou)\b|(?<![^\W\d_])(?=و[^\W\d_]{3,})",
    re.IGNORECASE,
)
"""Where a list item ends: punctuation, « and », « et », a word joined by « و »."""


def _stream(text: str, reading: str) -> tuple[list[str], frozenset[int]]:
    """The stems of ``text`` and the stem positions where a new list item starts."""
    stems: list[str] = []
    breaks: set[int] = set()
    for piece in _PIECES.split(text):
        if piece and piece.strip():
            breaks.add(len(stems))
            stems += tokens(piece, reading)
    return stems, frozenset(breaks)


ARABIC_PROCLITICS = ("ل", "ب", "ك", "ف")
"""One-letter prepositions and conjunctions written joined to the next word (li-, bi-, ka-,
fa-); light stemming keeps them unless an article follows (« لل », « بال »)."""

ARABIC_POSSESSIVES = ("نا", "كم", "هم")
"""Possessive endings (our, your, their) that light stemming keeps."""


def without_proclitics(stems: list[str], vocabulary: frozenset[str]) -> list[str]:
    """Stems with a leading « ل ب ك ف » or a trailing « نا كم هم » dropped where the stem is
    no thesaurus word and the rest is one (« لمراكز » → « مراكز », « نماذجنا » → « نماذج »);
    « بطاق » (card) stays, it is a word itself."""
    out: list[str] = []
    for stem in stems:
        if len(stem) >= 4 and stem not in vocabulary:
            candidates = [stem[1:]] if stem[0] in ARABIC_PROCLITICS else []
            candidates += [stem[:-2]] if stem.endswith(ARABIC_POSSESSIVES) else []
            stem = next((c for c in candidates if c in vocabulary), stem)
        out.append(stem)
    return out


def _matches(
    stems: list[str], index: PhraseIndex, breaks: frozenset[int] = frozenset()
) -> list[tuple[int, int, str]]:
    """Longest phrases first, left to right: a token belongs to one phrase only.

    A phrase of two or more words also matches with one extra word inside it, so that
    « éclairage public intelligent » names « éclairage intelligent » and « الإنارة العمومية
    الذكية » names « الإنارة الذكية »; not across list items (``breaks``: « paiements,
    signature électronique » is not « paiement électronique »). An exact match of the same
    length wins.
    """
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(stems):
        best = 0
        span = 1
        found: list[tuple[int, int, str]] = []
        for phrase, theme in index.get(stems[i], ()):
            size = len(phrase)
            if size < best:
                break
            end = i + size
            if tuple(stems[i:end]) == phrase:
                if size > best:
                    found, best, span = [], size, size
                found.append((i, end, theme))
            elif (
                size >= 2
                and size > best
                and not any(i < b <= end for b in breaks)
                and _gapped(stems, i, phrase)
            ):
                found, best, span = [(i, end + 1, theme)], size, size + 1
        out += found
        i += span
    return out


def _gapped(stems: list[str], i: int, phrase: tuple[str, ...]) -> bool:
    """``phrase`` at ``i`` with one extra stem inside it."""
    return any(
        tuple(stems[i : i + k]) == phrase[:k]
        and tuple(stems[i + k + 1 : i + len(phrase) + 1]) == phrase[k:]
        for k in range(1, len(phrase))
    )


def build_tagger(thesaurus: Thesaurus) -> Tagger:
    """Compile the phrase indexes of ``thesaurus`` for each language."""
    indexes: dict[str, PhraseIndex] = {}
    vocabulary: dict[str, frozenset[str]] = {}
    for lang in LANGUAGES:
        index: PhraseIndex = {}
        for theme in thesaurus.themes:
            for phrase in theme.phrases(lang):
                stems = tuple(tokens(phrase, lang))
                if stems and (stems, theme.id) not in index.get(stems[0], []):
                    index.setdefault(stems[0], []).append((stems, theme.id))
        for entries in index.values():
            entries.sort(key=lambda entry: -len(entry[0]))
        indexes[lang] = index
        vocabulary[lang] = frozenset(
            stem for entries in index.values() for phrase, _ in entries for stem in phrase
        )
    return Tagger(thesaurus, indexes, vocabulary)


@cache
def default_tagger() -> Tagger:
    """The tagger of the shipped thesaurus (built once)."""
    return build_tagger(default_thesaurus())
