"""Reasons: new codes worded in ar/fr/en, and their values adding up to the score."""

from pathlib import Path

import pytest

from liqa.core.i18n import translator
from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.reasons import (
    CONTEXT,
    MESSAGES,
    Reason,
    ReasonCode,
    contributions,
    render,
)
from liqa.core.matching.recommend import build_matcher, recommend
from liqa.core.matching.signals import signals
from liqa.core.matching.thesaurus import default_thesaurus

EVALSET = Path(__file__).parents[3] / "benchmarks" / "matchmaking" / "evalset.yaml"


@pytest.mark.parametrize(
    ("reason", "lang", "expected"),
    [
        (
            Reason(ReasonCode.OTHER_SEGMENT, segments=("consumers",)),
            "en",
            "Its offer is aimed at: consumers",
        ),
        (
            Reason(ReasonCode.OTHER_SEGMENT, segments=("consumers",)),
            "fr",
            "Son offre s'adresse à : particuliers",
        ),
        (Reason(ReasonCode.OTHER_SEGMENT, segments=("consumers",)), "ar", "عرضه موجّه إلى: الأفراد"),
        (Reason(ReasonCode.EXCLUDED_BY_THEM, segments=("startups",)), "fr", "A écarté : startups"),
        (
            Reason(ReasonCode.EXCLUDED_BY_YOU, themes=("digital-transformation",)),
            "ar",
            "لا ترغب في: التحول الرقمي",
        ),
        (
            Reason(ReasonCode.COMPETITOR, themes=("cybersecurity",)),
            "en",
            "Offers the same as you: cybersecurity",
        ),
        (
            Reason(ReasonCode.SEEKS_YOUR_KIND, segments=("financial-institutions",)),
            "fr",
            "Recherche des partenaires comme vous : banques et institutions financières",
        ),
        (
            Reason(ReasonCode.YOU_SEEK_THEIR_KIND, segments=("investors",)),
            "ar",
            "من صنف الشركاء الذين تبحث عنهم: المستثمرون",
        ),
        (
            Reason(ReasonCode.WORKS_IN_WHAT_YOU_SEEK, themes=("cloud", "fintech")),
            "ar",
            "يشتغل في مجال ما تبحث عنه: الحوسبة السحابية، التكنولوجيا المالية",
        ),
        (
            Reason(ReasonCode.YOUR_OFFER_OTHER_SEGMENT, segments=("smes",)),
            "en",
            "Your offer is aimed at: small and medium-sized businesses",
        ),
    ],
)
def test_render_new_reason_codes(reason: Reason, lang: str, expected: str) -> None:
    assert render(reason, lang, default_thesaurus()) == expected


def test_contributions_add_up_to_the_score_on_the_v1_set() -> None:
    matcher = build_matcher(load_dataset(EVALSET).parties)
    checked = 0
    for i, party in enumerate(matcher.parties):
        sig = signals(matcher.model, slice(i, i + 1))
        for rec in recommend(matcher, party.id, 5):
            j = matcher.index(rec.candidate)
            parts = contributions(matcher.model, i, j, sig.pair(0, j))
            assert sum(r.value for r in parts) == pytest.approx(rec.score, abs=1e-3)
            checked += 1
    assert checked >= 4 * len(matcher.parties)


def test_explained_reasons_positive_first_then_penalties() -> None:
    matcher = build_matcher(load_dataset(EVALSET).parties)
    for party in matcher.parties:
        for rec in recommend(matcher, party.id, 10):
            values = [r.value for r in rec.reasons]
            positives = [v for v in values if v > 0]
            assert values[: len(positives)] == sorted(positives, reverse=True)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_catalog_translates_every_reason(lang: str) -> None:
    catalog = translator(lang)
    untranslated = [
        code for code, source in MESSAGES.items() if catalog.pgettext(CONTEXT, source) == source
    ]
    assert untranslated == []
    assert all(
        "{themes}" in catalog.pgettext(CONTEXT, source)
        for source in MESSAGES.values()
        if "{themes}" in source
    )
