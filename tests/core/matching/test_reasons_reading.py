"""Reasons as their readers read them: true, specific, not repeated, in order on screen."""

from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import cast

import pytest

from liqa.core.matching.profiles import Party, event_parties
from liqa.core.matching.reasons import FSI, PDI, Reason, ReasonCode, contributions, render
from liqa.core.matching.recommend import Matcher, build_matcher, recommend
from liqa.core.matching.rules import event_rules
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.semantic import Quote, SemanticSpace, sentences
from liqa.core.matching.signals import PairSignals, signals
from liqa.core.matching.thesaurus import default_thesaurus
from liqa.core.missionfile import load_event
from liqa.core.model import Side

DEMO = Path(__file__).parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
NO_SEMANTIC = MatchSettings(semantic_weight=0.0)


def _reasons(parties: list[Party], reader: str, candidate: str) -> tuple[Reason, ...]:
    matcher = build_matcher(parties, settings=NO_SEMANTIC)
    i, j = matcher.index(reader), matcher.index(candidate)
    return contributions(matcher.model, i, j, _pair(matcher, i, j))


def _pair(matcher: Matcher, i: int, j: int) -> PairSignals:
    return signals(matcher.model, slice(i, i + 1)).pair(0, j)


def test_similar_wording_names_the_language_the_wording_is_alike_in() -> None:
    # both wrote Arabic too, but only their English texts are alike: "(Arabic)" was false
    parties = [
        Party(
            "a",
            "A",
            Side.DELEGATION,
            "A",
            offers={
                "en": "We offer sovereign cloud hosting for banks.",
                "ar": "نقدم خدمات التكوين",
            },
        ),
        Party(
            "b",
            "B",
            Side.HOST,
            "B",
            offers={"en": "We offer sovereign cloud hosting for banks.", "ar": "نوفر منصات الدفع"},
        ),
    ]
    (similar,) = [r for r in _reasons(parties, "a", "b") if r.code is ReasonCode.SIMILAR_TEXT]
    assert (
        render(similar, "en", default_thesaurus()) == "Similar wording in both profiles (English)"
    )
    assert (
        render(similar, "fr", default_thesaurus()) == "Profils rédigés en termes proches (anglais)"
    )


def test_shares_does_not_name_what_is_held_against_as_the_same_offer() -> None:
    # "Shares: cloud computing" then "Offers the same as you: cloud computing" contradicted
    parties = [
        Party("a", "A", Side.DELEGATION, "A", offers={"en": "We offer sovereign cloud hosting."}),
        Party("b", "B", Side.HOST, "B", offers={"en": "We offer sovereign cloud hosting."}),
    ]
    reasons = _reasons(parties, "a", "b")
    rival = {t for r in reasons if r.code is ReasonCode.COMPETITOR for t in r.themes}
    shared = {t for r in reasons if r.code is ReasonCode.SHARED_THEMES for t in r.themes}
    assert rival == {"cloud"}
    assert shared == set()


def test_each_related_offer_names_the_sought_theme_it_is_close_to() -> None:
    # was one reason: "Offers cloud computing, skills and training, close to what you seek
    # (data centres, start-up financing)": training is no neighbour of data centres
    parties = [
        Party(
            "inv",
            "Inv",
            Side.DELEGATION,
            "Inv",
            seeks={"en": "We are looking for data centre sites and start-up financing."},
        ),
        Party(
            "h", "H", Side.HOST, "H", offers={"en": "We offer cloud hosting and skills training."}
        ),
    ]
    related = [r for r in _reasons(parties, "inv", "h") if r.code is ReasonCode.RELATED_OFFER]
    assert sorted(render(r, "en", default_thesaurus()) for r in related) == [
        "Offers cloud computing, close to what you seek (data centres)",
        "Offers skills and training, close to what you seek (start-up financing)",
    ]


def test_what_the_candidate_seeks_is_offered_by_the_reader_only_when_it_is() -> None:
    # was "Seeks what you offer: cybersecurity, digital identity" to a reader offering
    # e-government (close to digital identity) and only working in cybersecurity
    parties = [
        Party(
            "a",
            "A",
            Side.DELEGATION,
            "A",
            offers={"en": "We offer e-government platforms."},
            description={"en": "A cybersecurity agency."},
        ),
        Party(
            "b",
            "B",
            Side.HOST,
            "B",
            seeks={"en": "We are looking for digital identity and cybersecurity partners."},
        ),
    ]
    reasons = _reasons(parties, "a", "b")
    assert not [r for r in reasons if r.code is ReasonCode.SEEKS_WHAT_YOU_OFFER]
    assert [render(r, "en", default_thesaurus()) for r in reasons[:2]] == [
        "Seeks what you work in: cybersecurity",
        "Seeks digital identity, close to what you offer (e-government)",
    ]


class _SameSentence:
    """A semantic space whose closest sentences are the same words in both profiles."""

    def closest(self, reader: int, candidate: int) -> Quote:
        del reader, candidate
        mine = "Fintech: mobile payments, digital banking;"
        return Quote("fintech: mobile payments, digital banking.", mine, 0.99)


def test_the_same_sentence_in_both_profiles_is_quoted_once() -> None:
    parties = [
        Party("a", "A", Side.DELEGATION, "A", seeks={"en": "We seek fintech partners."}),
        Party("b", "B", Side.HOST, "B", offers={"en": "We offer fintech."}),
    ]
    matcher = build_matcher(parties, settings=NO_SEMANTIC)
    model = replace(matcher.model, semantic=cast(SemanticSpace, _SameSentence()))
    pair = replace(_pair(matcher, 0, 1), semantic=1.0)
    quoting = {ReasonCode.CLOSE_IN_MEANING, ReasonCode.SAME_WORDS}
    (same,) = [r for r in contributions(model, 0, 1, pair) if r.code in quoting]
    assert same.code is ReasonCode.SAME_WORDS
    assert render(same, "en", default_thesaurus()) == (
        "Same words in both profiles: ‘fintech: mobile payments, digital banking.’"
    )


def test_an_arabic_quote_keeps_its_order_in_an_english_or_french_line() -> None:
    reason = Reason(ReasonCode.CLOSE_IN_MEANING, quotes=("Cloud hosting.", "استضافة سحابية."))
    thesaurus = default_thesaurus()
    assert render(reason, "en", thesaurus) == (
        f"Close in meaning: ‘Cloud hosting.’ — ‘{FSI}استضافة سحابية.{PDI}’"
    )
    assert f"« {FSI}استضافة سحابية.{PDI} »" in render(reason, "fr", thesaurus)
    arabic = render(reason, "ar", thesaurus)  # the Arabic wording isolates both already
    assert arabic.count(FSI) == arabic.count(PDI) == 2


def test_a_sentence_is_not_cut_after_an_abbreviation() -> None:
    # the demo quoted "Morocco);" from "… cable access (e.g. Morocco); investment partners."
    assert sentences("Sites with cable access (e.g. Morocco); investment partners.") == [
        "Sites with cable access (e.g. Morocco);",
        "investment partners.",
    ]
    assert sentences("Des partenaires, p. ex. des banques. Autre chose.") == [
        "Des partenaires, p. ex. des banques.",
        "Autre chose.",
    ]


@cache
def _demo() -> Matcher:
    event = load_event(DEMO)
    return build_matcher(event_parties(event, "organization"), event_rules(event))


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text:
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0 or text.endswith("…")


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_demo_reasons_read_whole_and_once(lang: str) -> None:
    matcher = _demo()
    thesaurus = matcher.thesaurus
    for party in matcher.parties:
        for rec in recommend(matcher, party.id, 5):
            shown = [render(r, lang, thesaurus) for r in rec.reasons]
            assert len(shown) == len(set(shown)), (party.id, rec.candidate, shown)
            assert not any("{" in text for text in shown)
            for reason in rec.reasons:
                assert all(_balanced(q) for q in reason.quotes), (party.id, reason.quotes)
                if reason.code is ReasonCode.CLOSE_IN_MEANING:
                    assert reason.quotes[0].casefold() != reason.quotes[1].casefold()
            mine = matcher.model.profiles[matcher.index(party.id)]
            yours = ReasonCode.SEEKS_WHAT_YOU_OFFER
            assert {t for r in rec.reasons if r.code is yours for t in r.themes} <= mine.offers
            rivals = {t for r in rec.reasons if r.code is ReasonCode.COMPETITOR for t in r.themes}
            shared = {
                t for r in rec.reasons if r.code is ReasonCode.SHARED_THEMES for t in r.themes
            }
            assert not rivals & shared
