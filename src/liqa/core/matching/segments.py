"""Segments: what kind of organization a party is, and who an offer is aimed at.

The vocabulary (``data/segments.yaml``) is tagged like the thesaurus. A party's
**identity** comes from its organization kind (a ministry is a government body), the head
of its description (« Banque universelle marocaine », "A Casablanca start-up"), its name
and its head count (under 250 people: a small or medium business). Two tables say which
identities an offer aimed at a segment fits:

* :data:`SERVED_BY` — lenient, for "is this offer for organizations like yours?": a
  company whose size is unknown is given the benefit of the doubt;
* :data:`IS_A` — strict, for "you look for banks" or "we do not work with start-ups".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from liqa.core.matching.cues import HEAD_MAX_WORDS, HEAD_STOPS, LARGE_HEADCOUNT, STAFF_WORDS
from liqa.core.matching.reading import cue_word, fold, script_languages
from liqa.core.matching.tagging import Tagger, build_tagger, default_tagger
from liqa.core.matching.thesaurus import Thesaurus, load_vocabulary
from liqa.core.model import OrgKind

DEFAULT_SEGMENTS: Path = Path(__file__).resolve().parent / "data" / "segments.yaml"

COMPANY_SEGMENTS = frozenset(
    {
        "businesses",
        "smes",
        "startups",
        "large-enterprises",
        "financial-institutions",
        "telecom-operators",
        "postal-operators",
        "investors",
        "manufacturers",
    }
)
"""Segments that only a company can be."""

KIND_SEGMENTS: dict[OrgKind, frozenset[str]] = {
    OrgKind.GOVERNMENT: frozenset({"government"}),
    OrgKind.AGENCY: frozenset({"government"}),
    OrgKind.ACADEMIC: frozenset({"education"}),
    OrgKind.COMPANY: frozenset({"businesses"}),
}
"""What an organization kind says it is (associations and others: nothing)."""

_SIZED = frozenset({"smes", "startups", "large-enterprises"})
_TYPED = COMPANY_SEGMENTS - {"businesses"} - _SIZED

SERVED_BY: dict[str, frozenset[str]] = {
    "government": frozenset({"government", "healthcare", "education"}),
    "businesses": COMPANY_SEGMENTS,
    "smes": frozenset({"smes", "businesses"}),
    "startups": frozenset({"startups", "smes", "businesses"}),
    "large-enterprises": frozenset({"large-enterprises", "businesses"}),
    "financial-institutions": frozenset(
        {"financial-institutions", "businesses", "large-enterprises"}
    ),
    "telecom-operators": frozenset({"telecom-operators", "businesses", "large-enterprises"}),
    "postal-operators": frozenset({"postal-operators", "businesses", "large-enterprises"}),
    "investors": frozenset({"investors", "businesses"}),
    "manufacturers": frozenset({"manufacturers", "businesses", "smes", "large-enterprises"}),
    "education": frozenset({"education", "government"}),
    "healthcare": frozenset({"healthcare", "government"}),
}
"""Identity → the target segments an offer may name and still fit it (lenient): public
schools and hospitals are public bodies too."""

MARKET_SEGMENTS = frozenset(
    {"consumers", "government", "businesses", "smes", "startups", "large-enterprises"}
)
"""Segments that say who an offer is for in a way that rules others out (consumers vs
organizations, public vs private, size). An offer named only "for banks" or "for hospitals"
says which sector it knows, not that others are excluded: no mismatch from it alone."""

SECTOR_SEGMENTS = frozenset(
    {
        "financial-institutions",
        "telecom-operators",
        "postal-operators",
        "investors",
        "manufacturers",
        "startups",
        "government",
        "education",
        "healthcare",
    }
)
"""Segments that name a sector or a kind of buyer (not a size or "businesses" in general): a
company whose offer is aimed at banks is a bank's supplier, not its competitor."""

IS_A: dict[str, frozenset[str]] = {
    "startups": frozenset({"startups", "smes", "businesses"}),
    "smes": frozenset({"smes", "businesses"}),
    **{segment: frozenset({segment, "businesses"}) for segment in _TYPED | {"large-enterprises"}},
    "businesses": frozenset({"businesses"}),
    "government": frozenset({"government"}),
    "education": frozenset({"education"}),
    "healthcare": frozenset({"healthcare"}),
}
"""Identity → the segments a party of that identity is an instance of (strict)."""


def load_segments(path: Path | str = DEFAULT_SEGMENTS) -> Thesaurus:
    """Read a segments file (the shape of the thesaurus, list under ``segments``)."""
    return load_vocabulary(path, "segments")


@cache
def default_segments() -> Thesaurus:
    """The segments shipped with liqa (read once)."""
    return load_segments(DEFAULT_SEGMENTS)


@cache
def default_segment_tagger() -> Tagger:
    """The tagger of the shipped segments (built once)."""
    return build_tagger(default_segments())


def segments_in(text: str, lang: str, tagger: Tagger, themes: Tagger) -> set[str]:
    """Segments named in ``text``, except inside a longer theme phrase.

    « banque digitale » names the *fintech* theme, not the segment *banks*; "smart city"
    names *smart cities*, not *government*.
    """
    covered = {(r, s, e) for r, s, e, _ in themes.spans(text, lang)}
    return {
        segment
        for reading, start, end, segment in tagger.spans(text, lang)
        if not any(
            r == reading and s <= start and end <= e and e - s > end - start for r, s, e in covered
        )
    }


def identity(
    kind: OrgKind | None,
    name: str,
    description: Mapping[str, str],
    tagger: Tagger | None = None,
    themes: Tagger | None = None,
) -> frozenset[str]:
    """What a party is: segments from its kind, name, description head and head count."""
    tagger = tagger or default_segment_tagger()
    themes = themes or default_tagger()
    found = set(KIND_SEGMENTS.get(kind, frozenset())) if kind else set()
    found |= segments_in(name, "en", tagger, themes)
    size: int | None = None
    for lang, text in description.items():
        found |= segments_in(head(text, lang), lang, tagger, themes)
        size = size if size is not None else headcount(text, lang)
    found.discard("consumers")
    public = kind in (OrgKind.GOVERNMENT, OrgKind.AGENCY)
    if kind is OrgKind.COMPANY:
        found.discard("government")
    if public:
        found -= COMPANY_SEGMENTS
    elif size is not None and not found & _SIZED and found & COMPANY_SEGMENTS:
        found.add("large-enterprises" if size >= LARGE_HEADCOUNT else "smes")
    if found & (_SIZED | _TYPED):
        found.discard("businesses")
    return frozenset(found)


_SENTENCE_END = re.compile(r"[.!?؟](?:\s|$)")
_WORD_OR_STOP = re.compile(r"[^\W_]+|[,،;:()]")


def head(text: str, lang: str) -> str:
    """The head of a description: its first words, up to what follows the noun phrase.

    « Banque universelle marocaine de 6 000 collaborateurs » → « Banque universelle
    marocaine »; "A Casablanca start-up of 8 engineers" → "A Casablanca start-up".
    """
    first = _SENTENCE_END.split(text.strip(), maxsplit=1)[0]
    reading = script_languages(first, lang)[0]
    stops = {cue_word(w) for w in HEAD_STOPS[reading]}
    end = 0
    for count, match in enumerate(_WORD_OR_STOP.finditer(first), start=1):
        word = match.group()
        if not word[0].isalnum() or cue_word(word) in stops or word.isdigit():
            break
        end = match.end()
        if count >= HEAD_MAX_WORDS:
            break
    return first[:end]


def _staff_pattern() -> re.Pattern[str]:
    words = sorted(
        {cue_word(w) for ws in STAFF_WORDS.values() for w in ws}, key=lambda w: (-len(w), w)
    )
    alternation = "|".join(re.escape(w) for w in words)
    number = r"(\d{1,3}(?:[ \u00a0\u202f,.]\d{3})+|\d+)"
    return re.compile(number + r"\s+(?:[^\W\d_]+\s+){0,3}?(?:" + alternation + r")\b")


_STAFF = _staff_pattern()


def headcount(text: str, lang: str = "en") -> int | None:
    """The organization's head count when the text gives it (« 400 ingénieurs »), else None."""
    del lang
    match = _STAFF.search(fold(text))
    if match is None:
        return None
    return int(re.sub(r"\D", "", match.group(1)))


def compatibility(
    segments: Thesaurus, table: Mapping[str, Iterable[str]]
) -> npt.NDArray[np.float32]:
    """``table`` as a matrix over the segments' ids: ``[identity, target]`` is 1 or 0."""
    column = {segment: i for i, segment in enumerate(segments.ids)}
    matrix = np.zeros((len(column), len(column)), dtype=np.float32)
    for identity_id, targets in table.items():
        for target in targets:
            if identity_id in column and target in column:
                matrix[column[identity_id], column[target]] = 1.0
    return matrix
