"""Reading a profile text into passages: what the party seeks, offers, is, or refuses.

A form's *seeks* field is read as sought, *offers* as offered, *description* as what the
party is about — unless the text itself says otherwise: « Nous recherchons … »,
"We can offer …", « نبحث عن … » switch the role at the start of a clause, and a refusal
(« nous ne cherchons pas de … », "we do not invest in …", « لا نبحث عن … ») marks the rest
of its clause as excluded. A sentence end returns to the field's role; « ; » and « : »
end a refusal; a contrast (« mais », "but", « بل ») ends it too.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

from liqa.core.matching.cues import (
    ARABIC_NEGATION_PARTICLE,
    ARABIC_VERB_PREFIXES,
    CONJUNCTIONS,
    CONTRAST,
    CUE_WINDOW,
    NEGATION,
    NOT_NOUNS,
    OFFER,
    SEEK,
)
from liqa.core.matching.normalize import detect_language, is_arabic, normalize, strip_accents


class Role(StrEnum):
    """What a passage says about its party."""

    SEEKS = "seeks"
    OFFERS = "offers"
    ABOUT = "about"
    EXCLUDES = "excludes"


@dataclass(frozen=True)
class Passage:
    """A stretch of a profile text and what it says."""

    role: Role
    text: str


class _Cue(StrEnum):
    SEEK = "seek"
    OFFER = "offer"
    NEGATION = "negation"
    NEUTRAL = "neutral"
    CONTRAST = "contrast"
    CONJUNCTION = "conjunction"


_NEUTRAL: dict[str, tuple[str, ...]] = {
    "en": ("not only", "no code", "non profit"),
    "fr": ("non seulement",),
    "ar": ("ليس فقط", "لا سيما"),
}
"""Phrases that look like a refusal and are not."""

_TOKEN = re.compile(r"[^\W_]+|[.!?؟\n](?=\s|$)|[;:؛()\[\]]|[,،](?=\s|$)")
_SENTENCE_ENDS = frozenset(".!?؟\n")
_CLAUSE_ENDS = frozenset(";:؛()[]")


def fold(text: str) -> str:
    """Lower case, no accents, Arabic letter variants folded, elisions removed."""
    return strip_accents(normalize(text))


def cue_word(word: str) -> str:
    """One word folded like the cue lists (a leading Arabic conjunction « و » dropped)."""
    folded = fold(word)
    if folded.startswith("و") and len(folded) > 3:
        folded = folded[1:]
    return folded


def script_languages(text: str, lang: str) -> tuple[str, ...]:
    """Languages whose cue lists apply: Arabic script, else French and English both."""
    if is_arabic(text):
        return ("ar",)
    first = detect_language(text, lang)
    return (first, "en" if first == "fr" else "fr")


type _Lexicon = dict[str, list[tuple[tuple[str, ...], _Cue]]]


@cache
def _lexicon(languages: tuple[str, ...]) -> _Lexicon:
    """First word → (cue words, cue kind), longest first."""
    lexicon: _Lexicon = {}
    tables = (
        (_NEUTRAL, _Cue.NEUTRAL),
        (NEGATION, _Cue.NEGATION),
        (CONTRAST, _Cue.CONTRAST),
        (SEEK, _Cue.SEEK),
        (OFFER, _Cue.OFFER),
        (CONJUNCTIONS, _Cue.CONJUNCTION),
    )
    for table, kind in tables:
        for lang in languages:
            for phrase in table[lang]:
                words = tuple(cue_word(w) for w in phrase.split())
                entries = lexicon.setdefault(words[0], [])
                if all(existing != words for existing, _ in entries):
                    entries.append((words, kind))
    for entries in lexicon.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return lexicon


def _cue_at(words: list[str], i: int, lexicon: _Lexicon) -> tuple[_Cue, int] | None:
    for phrase, kind in lexicon.get(words[i], ()):
        if tuple(words[i : i + len(phrase)]) == phrase:
            return kind, len(phrase)
    if (
        words[i] == ARABIC_NEGATION_PARTICLE
        and i + 1 < len(words)
        and words[i + 1].startswith(ARABIC_VERB_PREFIXES)
    ):
        return _Cue.NEGATION, 1
    return None


@dataclass
class _State:
    default: Role
    role: Role
    negated: bool = False
    negated_in_clause: bool = False
    clause_words: int = 0
    clause_cued: bool = False

    def new_clause(self) -> None:
        self.clause_words = 0
        self.clause_cued = False
        self.negated_in_clause = False

    @property
    def current(self) -> Role:
        return Role.EXCLUDES if self.negated else self.role


def read(text: str, lang: str, default: Role) -> list[Passage]:
    """Split ``text`` (declared in ``lang``) into passages with their role."""
    lexicon = _lexicon(script_languages(text, lang))
    tokens = list(_TOKEN.finditer(text))
    words = [cue_word(t.group()) if t.group()[0].isalnum() else "" for t in tokens]
    passages: list[Passage] = []
    state = _State(default, default)
    start = 0

    def cut(at: int) -> None:
        nonlocal start
        piece = text[start:at].strip()
        if piece and any(ch.isalnum() for ch in piece):
            passages.append(Passage(state.current, piece))
        start = at

    i = 0
    while i < len(tokens):
        token = tokens[i]
        mark = token.group()
        if not words[i]:
            if mark in _SENTENCE_ENDS or mark in _CLAUSE_ENDS:
                cut(token.end())
                state.negated = False
                if mark in _SENTENCE_ENDS:
                    state.role = state.default
            state.new_clause()
            i += 1
            continue
        cue = _cue_at(words, i, lexicon)
        kind, length = cue if cue else (None, 1)
        if kind is _Cue.NEGATION and not state.negated:
            cut(token.start())
            state.negated = state.negated_in_clause = True
        elif kind is _Cue.CONTRAST:
            cut(token.start())
            state.negated = False
            state.new_clause()
        elif kind is _Cue.CONJUNCTION:
            state.clause_words = 0
            state.clause_cued = False
            i += length
            continue
        elif (
            kind in (_Cue.SEEK, _Cue.OFFER)
            and state.clause_words < CUE_WINDOW
            and not state.clause_cued
            and not state.negated_in_clause
        ):
            role = Role.SEEKS if kind is _Cue.SEEK else Role.OFFERS
            if state.negated or role is not state.role:
                cut(token.start())
            state.negated = False
            state.role = role
            state.clause_cued = True
        state.clause_words += length
        i += length
    cut(len(text))
    return passages


_BENEFICIARY = re.compile(
    r"\b(?:for|to|pour|aux|à)\b[^,;:.،؛]*"
    r"|(?:لفائدة|لصالح)[^,;:.،؛]*"
    r"|(?<![^\W\d_])لل[^\W\d_]+[^,;:.،؛]*",
    re.IGNORECASE,
)
"""Who something is for: "for banks", « pour les PME », « aux villes », « لفائدة الأبناك »,
« للتجار الصغار », to the end of the clause."""


def beneficiaries(text: str) -> list[str]:
    """The parts of ``text`` that say who it is for (an offer's targets)."""
    return [match.group() for match in _BENEFICIARY.finditer(text)]


def without_beneficiaries(text: str) -> str:
    """``text`` without who a need is *for*: « des plateformes pour les entreprises » seeks
    platforms, not companies; « حاضنة للشركات الناشئة » seeks an incubator."""
    return _BENEFICIARY.sub(" ", text)


_GENITIVE = re.compile(
    r"(?<![^\W\d_])(?P<noun>[^\W\d_]+)\s+"
    r"(?:of(?:\s+the|\s+our)?|des|du|de\s+la|de\s+l'|de\s+nos)\s[^,;:.،؛]*",
    re.IGNORECASE,
)
_NOT_NOUNS = frozenset(word for words in NOT_NOUNS.values() for word in words)


def without_complements(text: str) -> str:
    """``text`` without what follows « NOUN des / du / of … », to the end of the clause:
    « externaliser la surveillance des administrations » refuses an activity *on* public
    bodies, not public bodies as partners. « dans des start-up » (after a preposition) and
    « financer des start-up » (after a verb) are kept."""

    def cut(match: re.Match[str]) -> str:
        noun = fold(match.group("noun"))
        if noun in _NOT_NOUNS or (noun.endswith(("er", "ir", "re")) and len(noun) > 4):
            return match.group()
        return match.group("noun")

    return _GENITIVE.sub(cut, text)


_CLAUSE = re.compile(r"[,;:،؛]|\b(?:and|et|as well as|ainsi que)\b", re.IGNORECASE)


def clauses(text: str) -> list[str]:
    """``text`` cut at commas, semicolons and « and »/« et »."""
    return [piece for piece in _CLAUSE.split(text) if piece.strip()]


def read_fields(
    seeks: Mapping[str, str], offers: Mapping[str, str], description: Mapping[str, str]
) -> list[tuple[str, Passage]]:
    """Every passage of a party's three fields, with the language each is declared in."""
    out: list[tuple[str, Passage]] = []
    for field, role in ((seeks, Role.SEEKS), (offers, Role.OFFERS), (description, Role.ABOUT)):
        for lang, text in field.items():
            out.extend((lang, passage) for passage in read(text, lang, role))
    return out
