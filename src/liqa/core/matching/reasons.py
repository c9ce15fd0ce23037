"""Why a match is proposed: reason records and their wording in the reader's language.

Each recommendation carries :class:`Reason` records (a code, the themes involved, the
share of the score it explains). :func:`render` words them in ar, fr or en. The English
text is the gettext message id (context ``matching reason``); until the project catalog
carries a translation, the wording comes from :data:`MESSAGES` below.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from babel import Locale

from liqa.core.i18n import pgettext_noop, translator
from liqa.core.matching.profiles import Profile
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.thesaurus import Thesaurus

CONTEXT = "matching reason"


class ReasonCode(StrEnum):
    """Kinds of reasons."""

    OFFERS_WHAT_YOU_SEEK = "offers_what_you_seek"
    SEEKS_WHAT_YOU_OFFER = "seeks_what_you_offer"
    RELATED_OFFER = "related_offer"
    SHARED_THEMES = "shared_themes"
    SIMILAR_TEXT = "similar_text"


@dataclass(frozen=True)
class Reason:
    """One reason for a recommendation, seen from the reader's side."""

    code: ReasonCode
    themes: tuple[str, ...] = ()
    value: float = 0.0
    """The part of the score this reason explains."""
    related_to: tuple[str, ...] = ()
    """For ``related_offer``: the sought themes the offered ones are close to."""
    lang: str = ""
    """For ``similar_text``: the language both profiles are written in."""


MESSAGES: dict[ReasonCode, dict[str, str]] = {
    ReasonCode.OFFERS_WHAT_YOU_SEEK: {
        "en": pgettext_noop(CONTEXT, "Offers what you seek: {themes}"),
        "fr": "Propose ce que vous recherchez : {themes}",
        "ar": "يقدّم ما تبحثون عنه: {themes}",
    },
    ReasonCode.SEEKS_WHAT_YOU_OFFER: {
        "en": pgettext_noop(CONTEXT, "Seeks what you offer: {themes}"),
        "fr": "Recherche ce que vous proposez : {themes}",
        "ar": "يبحث عمّا تقدّمونه: {themes}",
    },
    ReasonCode.RELATED_OFFER: {
        "en": pgettext_noop(CONTEXT, "Offers {themes}, close to what you seek ({related})"),
        "fr": "Propose {themes}, proche de ce que vous recherchez ({related})",
        "ar": "يقدّم {themes}، وهو قريب ممّا تبحثون عنه ({related})",
    },
    ReasonCode.SHARED_THEMES: {
        "en": pgettext_noop(CONTEXT, "Shares: {themes}"),
        "fr": "Thèmes en commun : {themes}",
        "ar": "مجالات مشتركة: {themes}",
    },
    ReasonCode.SIMILAR_TEXT: {
        "en": pgettext_noop(CONTEXT, "Similar wording in both profiles ({language})"),
        "fr": "Profils rédigés en termes proches ({language})",
        "ar": "تقارب في صياغة الملفين ({language})",
    },
}
"""Reason wording per code and language (English = the gettext message id)."""

TEXT_REASON_THRESHOLD = 0.15
"""Text similarity below this is not worth telling the reader."""


def explain(
    reader: Profile, candidate: Profile, thesaurus: Thesaurus, text: float, settings: MatchSettings
) -> tuple[Reason, ...]:
    """The reasons why ``candidate`` suits ``reader``, strongest first."""
    reasons: list[Reason] = []
    order = {theme: i for i, theme in enumerate(thesaurus.ids)}

    def ordered(themes: set[str] | frozenset[str]) -> tuple[str, ...]:
        return tuple(sorted(themes, key=lambda t: order.get(t, len(order))))

    met = reader.seeks & candidate.offers
    if met:
        value = settings.need_weight * len(met) / len(reader.seeks)
        reasons.append(Reason(ReasonCode.OFFERS_WHAT_YOU_SEEK, ordered(met), value))
    unmet = reader.seeks - met
    near = {
        offered
        for offered in candidate.offers - reader.seeks
        if set(thesaurus.theme(offered).related) & unmet
    }
    if near:
        close_to = {t for t in unmet if set(thesaurus.theme(t).related) & near}
        value = settings.need_weight * settings.related_credit * len(close_to) / len(reader.seeks)
        reasons.append(Reason(ReasonCode.RELATED_OFFER, ordered(near), value, ordered(close_to)))
    wanted = reader.offers & candidate.seeks
    if wanted:
        value = settings.need_weight * len(wanted) / len(candidate.seeks)
        reasons.append(Reason(ReasonCode.SEEKS_WHAT_YOU_OFFER, ordered(wanted), value))
    shared = reader.themes & candidate.themes
    if shared:
        value = (
            settings.shared_weight
            * len(shared)
            / (len(reader.themes) * len(candidate.themes)) ** 0.5
        )
        named = met | wanted
        rest = shared - named
        if rest:
            reasons.append(Reason(ReasonCode.SHARED_THEMES, ordered(rest), value))
    if text >= TEXT_REASON_THRESHOLD:
        shared_langs = sorted(set(reader.texts) & set(candidate.texts))
        reasons.append(
            Reason(
                ReasonCode.SIMILAR_TEXT,
                value=settings.text_weight * text,
                lang=shared_langs[0] if shared_langs else "",
            )
        )
    return tuple(sorted(reasons, key=lambda r: -r.value))


def message(code: ReasonCode, lang: str) -> str:
    """The wording of ``code`` in ``lang``: the catalog's when it has one, else ours."""
    source = MESSAGES[code]["en"]
    translated = translator(lang).pgettext(CONTEXT, source)
    if translated != source or lang == "en":
        return translated
    return MESSAGES[code].get(lang, source)


def render(reason: Reason, lang: str, thesaurus: Thesaurus) -> str:
    """One reason in words, in the reader's language."""
    comma = "، " if lang == "ar" else ", "
    themes = comma.join(thesaurus.label(theme, lang) for theme in reason.themes)
    related = comma.join(thesaurus.label(theme, lang) for theme in reason.related_to)
    language = Locale.parse(lang).languages.get(reason.lang, reason.lang) if reason.lang else ""
    return message(reason.code, lang).format(themes=themes, related=related, language=language)
