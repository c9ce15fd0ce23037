"""Tag free text in Arabic, French or English with thesaurus themes.

Every phrase of the thesaurus is normalized and stemmed like the text, then found as a
contiguous run of stems (stop words removed on both sides), so ``للأمن السيبراني``,
``الأمن السيبرانيّ`` and ``الامن السيبراني`` all name *cybersecurity*, and ``de la
cybersécurité`` does in French. Latin-script text is read both as French and as English
(French profiles use English loanwords: *cloud*, *fintech*, *data center*).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
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

    def tag(self, text: str, lang: str = "en") -> Counter[str]:
        """Theme id → number of mentions in ``text`` (``lang`` is the declared language)."""
        found: Counter[str] = Counter()
        if not text.strip():
            return found
        if is_arabic(text):
            readings = ["ar"]
        else:
            first = detect_language(text, lang)
            readings = [first, "en" if first == "fr" else "fr"]
        seen_spans: set[tuple[int, int, str]] = set()
        for reading in readings:
            stems = tokens(text, reading)
            for start, end, theme in _matches(stems, self.indexes[reading]):
                if (start, end, theme) not in seen_spans:
                    seen_spans.add((start, end, theme))
                    found[theme] += 1
            if reading == "ar":
                break
        return found

    def tag_localized(self, text: Mapping[str, str]) -> Counter[str]:
        """Themes mentioned in any language version of a localized text."""
        total: Counter[str] = Counter()
        for lang, value in text.items():
            total |= self.tag(value, lang)
        return total


def _matches(stems: list[str], index: PhraseIndex) -> list[tuple[int, int, str]]:
    """Longest phrases first, left to right: a token belongs to one phrase only."""
    out: list[tuple[int, int, str]] = []
    i = 0
    while i < len(stems):
        longest = 0
        for phrase, theme in index.get(stems[i], ()):
            end = i + len(phrase)
            if len(phrase) >= longest and tuple(stems[i:end]) == phrase:
                longest = len(phrase)
                out.append((i, end, theme))
        i += max(longest, 1)
    return out


def build_tagger(thesaurus: Thesaurus) -> Tagger:
    """Compile the phrase indexes of ``thesaurus`` for each language."""
    indexes: dict[str, PhraseIndex] = {}
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
    return Tagger(thesaurus, indexes)


@cache
def default_tagger() -> Tagger:
    """The tagger of the shipped thesaurus (built once)."""
    return build_tagger(default_thesaurus())
