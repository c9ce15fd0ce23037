"""Why a match is proposed: reason records and their wording in the reader's language.

Each recommendation carries :class:`Reason` records: a code, the themes or segments
involved, and the exact part of the score its rule contributes — positive for what speaks
for the match, negative for what the engine held against it (another segment, a refusal,
a competitor). :func:`contributions` lists every part, and they add up to the score;
:func:`explain` keeps those worth telling. :func:`render` words them in ar, fr or en. The
English text is the gettext message id (context ``matching reason``), translated by the
project catalog (the one catalog of the whole product).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from babel import Locale

from liqa.core.i18n import pgettext_noop, translator
from liqa.core.matching.profiles import Profile
from liqa.core.matching.scoring import ScoreModel
from liqa.core.matching.segments import IS_A, default_segments
from liqa.core.matching.signals import PairSignals
from liqa.core.matching.thesaurus import Thesaurus

CONTEXT = "matching reason"
"""Translator context of the reasons (written out in each marker below, for extraction)."""


class ReasonCode(StrEnum):
    """Kinds of reasons."""

    OFFERS_WHAT_YOU_SEEK = "offers_what_you_seek"
    WORKS_IN_WHAT_YOU_SEEK = "works_in_what_you_seek"
    SEEKS_WHAT_YOU_OFFER = "seeks_what_you_offer"
    SEEKS_WHAT_YOU_WORK_IN = "seeks_what_you_work_in"
    SEEKS_CLOSE_TO_YOUR_OFFER = "seeks_close_to_your_offer"
    RELATED_OFFER = "related_offer"
    SEEKS_YOUR_KIND = "seeks_your_kind"
    YOU_SEEK_THEIR_KIND = "you_seek_their_kind"
    SHARED_THEMES = "shared_themes"
    SIMILAR_TEXT = "similar_text"
    OTHER_SEGMENT = "other_segment"
    YOUR_OFFER_OTHER_SEGMENT = "your_offer_other_segment"
    EXCLUDED_BY_YOU = "excluded_by_you"
    EXCLUDED_BY_THEM = "excluded_by_them"
    COMPETITOR = "competitor"
    CLOSE_IN_MEANING = "close_in_meaning"
    SAME_WORDS = "same_words"


@dataclass(frozen=True)
class Reason:
    """One reason for a recommendation, seen from the reader's side."""

    code: ReasonCode
    themes: tuple[str, ...] = ()
    value: float = 0.0
    """The part of the score this reason explains (negative: held against the match)."""
    related_to: tuple[str, ...] = ()
    """For ``related_offer``: the sought themes the offered ones are close to."""
    lang: str = ""
    """For ``similar_text``: the language both profiles are written in."""
    segments: tuple[str, ...] = ()
    """Segments involved (kinds of organizations: government bodies, start-ups …)."""
    quotes: tuple[str, ...] = ()
    """For ``close_in_meaning``: the candidate's sentence and the reader's, as written; for
    ``same_words``: the one sentence both profiles contain."""


MESSAGES: dict[ReasonCode, str] = {
    ReasonCode.OFFERS_WHAT_YOU_SEEK: pgettext_noop(
        "matching reason", "Offers what you seek: {themes}"
    ),
    ReasonCode.WORKS_IN_WHAT_YOU_SEEK: pgettext_noop(
        "matching reason", "Works in what you seek: {themes}"
    ),
    ReasonCode.SEEKS_WHAT_YOU_OFFER: pgettext_noop(
        "matching reason", "Seeks what you offer: {themes}"
    ),
    ReasonCode.RELATED_OFFER: pgettext_noop(
        "matching reason", "Offers {themes}, close to what you seek ({related})"
    ),
    ReasonCode.SEEKS_WHAT_YOU_WORK_IN: pgettext_noop(
        "matching reason", "Seeks what you work in: {themes}"
    ),
    ReasonCode.SEEKS_CLOSE_TO_YOUR_OFFER: pgettext_noop(
        "matching reason", "Seeks {related}, close to what you offer ({themes})"
    ),
    ReasonCode.SEEKS_YOUR_KIND: pgettext_noop(
        "matching reason", "Looks for partners like you: {themes}"
    ),
    ReasonCode.YOU_SEEK_THEIR_KIND: pgettext_noop(
        "matching reason", "Is the kind of partner you look for: {themes}"
    ),
    ReasonCode.SHARED_THEMES: pgettext_noop("matching reason", "Shares: {themes}"),
    ReasonCode.SIMILAR_TEXT: pgettext_noop(
        "matching reason", "Similar wording in both profiles ({language})"
    ),
    ReasonCode.OTHER_SEGMENT: pgettext_noop("matching reason", "Its offer is aimed at: {themes}"),
    ReasonCode.YOUR_OFFER_OTHER_SEGMENT: pgettext_noop(
        "matching reason", "Your offer is aimed at: {themes}"
    ),
    ReasonCode.EXCLUDED_BY_YOU: pgettext_noop(
        "matching reason", "You said you do not want: {themes}"
    ),
    ReasonCode.EXCLUDED_BY_THEM: pgettext_noop(
        "matching reason", "Says it does not want: {themes}"
    ),
    ReasonCode.COMPETITOR: pgettext_noop("matching reason", "Offers the same as you: {themes}"),
    ReasonCode.CLOSE_IN_MEANING: pgettext_noop(
        "matching reason", "Close in meaning: ‘{theirs}’ — ‘{yours}’"
    ),
    ReasonCode.SAME_WORDS: pgettext_noop(
        "matching reason", "Same words in both profiles: ‘{theirs}’"
    ),
}
"""Reason wording per code, in English: the gettext message id, translated by the catalog."""

BACKWARD: dict[ReasonCode, ReasonCode] = {
    ReasonCode.OFFERS_WHAT_YOU_SEEK: ReasonCode.SEEKS_WHAT_YOU_OFFER,
    ReasonCode.WORKS_IN_WHAT_YOU_SEEK: ReasonCode.SEEKS_WHAT_YOU_WORK_IN,
    ReasonCode.RELATED_OFFER: ReasonCode.SEEKS_CLOSE_TO_YOUR_OFFER,
}
"""A need of the reader met by the candidate → the same, of the candidate met by the reader."""

_NON_WORD = re.compile(r"[\W_]+")
_RTL = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]")
FSI, PDI = "\u2068", "\u2069"
"""Unicode isolates around a quote, so that text of the other direction (an Arabic sentence
in an English line, a Latin one in Arabic) keeps its order and the punctuation around it."""

TEXT_REASON_THRESHOLD = 0.15
"""Text similarity below this is not worth telling the reader."""


def contributions(
    model: ScoreModel, reader: int, candidate: int, pair: PairSignals
) -> tuple[Reason, ...]:
    """Every part of the score of ``candidate`` for ``reader``; the values add up to it."""
    s = model.settings
    a, b = model.profiles[reader], model.profiles[candidate]
    out = _fit_reasons(model, a, candidate, s.need_weight)
    named = {t for r in out for t in r.themes} | set(_covered(model, b, reader))
    # what the candidate seeks, seen from the reader: offered, worked in, or only close to it
    out += [
        replace(r, code=BACKWARD[r.code]) for r in _fit_reasons(model, b, reader, s.need_weight)
    ]
    if pair.kind_forward:
        out.append(
            Reason(
                ReasonCode.YOU_SEEK_THEIR_KIND,
                value=s.kind_weight * pair.kind_forward,
                segments=_segments(model, a.looks_for & _instances(b.identity)),
            )
        )
    if pair.kind_backward:
        out.append(
            Reason(
                ReasonCode.SEEKS_YOUR_KIND,
                value=s.kind_weight * pair.kind_backward,
                segments=_segments(model, b.looks_for & _instances(a.identity)),
            )
        )
    if pair.shared:
        seekers = (a.seeks - a.does) & (b.seeks - b.does)
        rivals = a.does & b.does if pair.competition else frozenset()  # the competitor reason's
        rest = (a.themes & b.themes) - seekers - named - rivals
        out.append(
            Reason(ReasonCode.SHARED_THEMES, _ordered(model, rest), s.shared_weight * pair.shared)
        )
    if pair.text:
        out.append(
            Reason(
                ReasonCode.SIMILAR_TEXT,
                value=s.text_weight * pair.text,
                lang=_wording_language(model, reader, candidate),
            )
        )
    if pair.semantic:
        quote = model.semantic.closest(reader, candidate) if model.semantic else None
        value = s.semantic_weight * pair.semantic
        if quote and _words(quote.theirs) == _words(quote.yours):  # quoted once, not twice
            out.append(Reason(ReasonCode.SAME_WORDS, value=value, quotes=(quote.theirs,)))
        else:
            out.append(
                Reason(
                    ReasonCode.CLOSE_IN_MEANING,
                    value=value,
                    quotes=(quote.theirs, quote.yours) if quote else (),
                )
            )
    out += _penalties(model, a, b, pair, sum(r.value for r in out))
    return tuple(out)


def explain(
    model: ScoreModel, reader: int, candidate: int, pair: PairSignals
) -> tuple[Reason, ...]:
    """The reasons worth telling why ``candidate`` suits ``reader``: strongest first, then
    what was held against it."""
    kept = [
        r
        for r in contributions(model, reader, candidate, pair)
        if abs(r.value) > 1e-9
        and not (r.code is ReasonCode.SHARED_THEMES and not r.themes)
        and not (r.code is ReasonCode.SIMILAR_TEXT and pair.text < TEXT_REASON_THRESHOLD)
        and not (r.code is ReasonCode.CLOSE_IN_MEANING and not r.quotes)
    ]
    return tuple(
        sorted((r for r in kept if r.value > 0), key=lambda r: -r.value)
        + sorted((r for r in kept if r.value < 0), key=lambda r: r.value)
    )


def _fit_reasons(model: ScoreModel, a: Profile, candidate: int, weight: float) -> list[Reason]:
    """What the reader seeks that the candidate covers: offered, worked in, or related."""
    s = model.settings
    b = model.profiles[candidate]
    column = _positions(model.theme_ids)
    total = sum(float(model.specificity[column[t]]) for t in a.seeks if t in column)
    offered: dict[str, float] = {}
    worked: dict[str, float] = {}
    near: dict[frozenset[str], dict[str, float]] = {}
    for theme in _ordered(model, a.seeks):
        if theme not in column or not total:
            continue
        t = column[theme]
        level = float(model.offered[candidate, t])
        if level <= 0:
            continue
        value = weight * float(model.specificity[t]) * level / total
        if theme in b.offers:
            offered[theme] = value
        elif theme in b.activity and s.activity_credit >= level - 1e-6:
            worked[theme] = value
        else:
            neighbours = frozenset(
                u
                for u in b.does
                if u != theme
                and _base(model, b, u) * float(model.related[column[u], t]) >= level - 1e-6
            )
            near.setdefault(neighbours, {})[theme] = value
    out: list[Reason] = []
    if offered:
        out.append(
            Reason(ReasonCode.OFFERS_WHAT_YOU_SEEK, _ordered(model, offered), sum(offered.values()))
        )
    if worked:
        out.append(
            Reason(ReasonCode.WORKS_IN_WHAT_YOU_SEEK, _ordered(model, worked), sum(worked.values()))
        )
    # one reason per set of offered themes, naming only the sought themes they are close to
    for neighbours, sought in near.items():
        out.append(
            Reason(
                ReasonCode.RELATED_OFFER,
                _ordered(model, neighbours),
                sum(sought.values()),
                _ordered(model, sought),
            )
        )
    return out


def _covered(model: ScoreModel, seeker: Profile, other: int) -> dict[str, float]:
    """Each theme ``seeker`` seeks that party ``other`` covers → its part of the score."""
    column = _positions(model.theme_ids)
    total = sum(float(model.specificity[column[t]]) for t in seeker.seeks if t in column)
    weight = model.settings.need_weight
    covered = {t: float(model.offered[other, column[t]]) for t in seeker.seeks if t in column}
    return {
        theme: weight * float(model.specificity[column[theme]]) * level / total
        for theme, level in covered.items()
        if level > 0
    }


def _wording_language(model: ScoreModel, reader: int, candidate: int) -> str:
    """The language in which the two profiles' wording is closest (the text signal's)."""
    best, lang = 0.0, ""
    for space in model.spaces:
        cosine = float(space.rows[reader] @ space.rows[candidate])
        if cosine > best:
            best, lang = cosine, space.lang
    return lang


def _words(sentence: str) -> str:
    """A sentence's words, for telling two quotes apart (case and punctuation aside)."""
    return " ".join(_NON_WORD.split(sentence.casefold())).strip()


def _base(model: ScoreModel, profile: Profile, theme: str) -> float:
    if theme in profile.offers:
        return 1.0
    return model.settings.activity_credit if theme in profile.activity else 0.0


def _penalties(
    model: ScoreModel, a: Profile, b: Profile, pair: PairSignals, positive: float
) -> list[Reason]:
    """What the engine held against the match, each as a negative part of the score."""
    s = model.settings
    out: list[Reason] = []
    forward = 1.0 - s.segment_penalty * pair.segment_forward
    backward = 1.0 - s.segment_penalty * pair.segment_backward
    common = (
        s.shared_weight * pair.shared
        + s.text_weight * pair.text
        + s.semantic_weight * pair.semantic
    ) * (1.0 - min(forward, backward))
    lost_forward = s.need_weight * pair.fit_forward * (1.0 - forward)
    lost_backward = s.need_weight * pair.fit_backward * (1.0 - backward)
    if pair.segment_forward:
        lost_forward += common if forward <= backward else 0.0
        out.append(
            Reason(
                ReasonCode.OTHER_SEGMENT, value=-lost_forward, segments=_segments(model, b.serves)
            )
        )
    if pair.segment_backward:
        lost_backward += common if backward < forward else 0.0
        out.append(
            Reason(
                ReasonCode.YOUR_OFFER_OTHER_SEGMENT,
                value=-lost_backward,
                segments=_segments(model, a.serves),
            )
        )
    base = positive - lost_forward - lost_backward
    excluded = max(pair.excluded_forward, pair.excluded_backward)
    if excluded:
        mine = pair.excluded_forward >= pair.excluded_backward
        refuser, other = (a, b) if mine else (b, a)
        out.append(
            Reason(
                ReasonCode.EXCLUDED_BY_YOU if mine else ReasonCode.EXCLUDED_BY_THEM,
                _ordered(model, refuser.excludes & other.does),
                -base * s.exclusion_penalty * excluded,
                segments=_segments(
                    model, refuser.refuses & (_instances(other.identity) | other.serves)
                ),
            )
        )
    if pair.competition:
        out.append(
            Reason(
                ReasonCode.COMPETITOR,
                _ordered(model, a.does & b.does),
                -s.competitor_weight * pair.competition,
            )
        )
    return out


def _instances(identity: frozenset[str]) -> frozenset[str]:
    """Every segment a party of this identity is an instance of (a start-up is an SME)."""
    return frozenset(t for s in identity for t in IS_A.get(s, {s}))


@cache
def _positions(ids: tuple[str, ...]) -> dict[str, int]:
    return {item: i for i, item in enumerate(ids)}


def _ordered(model: ScoreModel, themes: Collection[str]) -> tuple[str, ...]:
    order = _positions(model.theme_ids)
    return tuple(sorted(themes, key=lambda t: (order.get(t, len(order)), t)))


def _segments(model: ScoreModel, segments: frozenset[str]) -> tuple[str, ...]:
    order = _positions(model.segment_ids)
    return tuple(sorted(segments, key=lambda s: (order.get(s, len(order)), s)))


def message(code: ReasonCode, lang: str) -> str:
    """The wording of ``code`` in ``lang``, from the catalog (English when it has none)."""
    return translator(lang).pgettext(CONTEXT, MESSAGES[code])


def render(reason: Reason, lang: str, thesaurus: Thesaurus) -> str:
    """One reason in words, in the reader's language."""
    comma = "، " if lang == "ar" else ", "
    segments = default_segments()
    named = [thesaurus.label(theme, lang) for theme in reason.themes]
    named += [segments.label(segment, lang) for segment in reason.segments]
    themes = comma.join(named)
    related = comma.join(thesaurus.label(theme, lang) for theme in reason.related_to)
    language = Locale.parse(lang).languages.get(reason.lang, reason.lang) if reason.lang else ""
    template = message(reason.code, lang)
    theirs, yours = (_isolated(q, template, lang) for q in (*reason.quotes, "", "")[:2])
    return template.format(
        themes=themes, related=related, language=language, theirs=theirs, yours=yours
    )


def _isolated(quote: str, template: str, lang: str) -> str:
    """``quote`` between isolates when it may show out of order: in an Arabic line, or
    Arabic in a line of the other direction (unless the wording isolates it already)."""
    if not quote or FSI + "{" in template or not (lang == "ar" or _RTL.search(quote)):
        return quote
    return FSI + quote + PDI
