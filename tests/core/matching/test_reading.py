"""Reading profile text into passages: needs, offers, activity and refusals, in ar/fr/en."""

import pytest

from liqa.core.matching.profiles import Party, build_profile
from liqa.core.matching.reading import (
    Passage,
    Role,
    beneficiaries,
    clauses,
    read,
    without_beneficiaries,
)
from liqa.core.model import OrgKind, Side


def roles(text: str, lang: str, default: Role) -> list[tuple[str, str]]:
    return [(p.role.value, p.text) for p in read(text, lang, default)]


def test_read_description_switches_to_need_and_offer_at_clause_start() -> None:
    text = (
        "A trucking company with 60 employees. We are looking for fleet telematics. "
        "We can offer delivery capacity to e-commerce sellers."
    )
    assert roles(text, "en", Role.ABOUT) == [
        ("about", "A trucking company with 60 employees."),
        ("about", "We are"),
        ("seeks", "looking for fleet telematics."),
        ("offers", "We can offer delivery capacity to e-commerce sellers."),
    ]


def test_read_french_refusal_lasts_to_the_colon() -> None:
    text = "Nous ne cherchons pas de conseil en stratégie : notre feuille de route est adoptée."
    assert roles(text, "fr", Role.SEEKS) == [
        ("seeks", "Nous"),
        ("excludes", "ne cherchons pas de conseil en stratégie :"),
        ("seeks", "notre feuille de route est adoptée."),
    ]


def test_read_arabic_refusal_with_la_before_a_verb() -> None:
    text = "برامج تدريبية في الأمن السيبراني. لا نبحث عن خدمات مراكز العمليات الأمنية."
    assert roles(text, "ar", Role.SEEKS) == [
        ("seeks", "برامج تدريبية في الأمن السيبراني."),
        ("excludes", "لا نبحث عن خدمات مراكز العمليات الأمنية."),
    ]


@pytest.mark.parametrize("text", ["حلول رقمية لا سيما الحوسبة السحابية", "رقمنة لا مادية المساطر"])
def test_read_arabic_la_without_a_verb_is_not_a_refusal(text: str) -> None:
    assert [p.role for p in read(text, "ar", Role.SEEKS)] == [Role.SEEKS]


def test_read_english_refusal_after_semicolon_names_what_is_refused() -> None:
    text = "Treasury software for large corporates only; we do not serve small businesses."
    assert roles(text, "en", Role.OFFERS) == [
        ("offers", "Treasury software for large corporates only;"),
        ("offers", "we do"),
        ("excludes", "not serve small businesses."),
    ]


def test_read_contrast_ends_a_refusal() -> None:
    text = "Nous cherchons des partenaires, pas des revendeurs, mais aussi du cloud."
    assert roles(text, "fr", Role.ABOUT) == [
        ("about", "Nous"),
        ("seeks", "cherchons des partenaires,"),
        ("excludes", "pas des revendeurs,"),
        ("seeks", "mais aussi du cloud."),
    ]


def test_read_cue_deep_inside_a_clause_does_not_switch() -> None:
    text = "Seed funding, cloud credits to train our models, and pilot customers."
    assert read(text, "en", Role.SEEKS) == [Passage(Role.SEEKS, text)]


def test_read_after_a_comma_a_new_cue_ends_the_refusal() -> None:
    assert roles("We don't sell to consumers, we serve banks.", "en", Role.ABOUT) == [
        ("about", "We"),
        ("excludes", "don't sell to consumers,"),
        ("offers", "we serve banks."),
    ]


def test_read_not_only_is_not_a_refusal() -> None:
    text = "Not only cloud but also cybersecurity."
    assert [p.role for p in read(text, "en", Role.SEEKS)] == [Role.SEEKS, Role.SEEKS]


def test_beneficiaries_of_an_offer_in_three_languages() -> None:
    assert beneficiaries("Penetration testing for banks and ministries, red teaming") == [
        "for banks and ministries"
    ]
    assert beneficiaries("Nous proposons aux villes des capteurs") == ["aux villes des capteurs"]
    assert beneficiaries("حلول الأداء للتجار الصغار والأفراد") == ["للتجار الصغار والأفراد"]


def test_without_beneficiaries_keeps_what_is_sought() -> None:
    text = "Des plateformes pour les entreprises, et des formations"
    assert without_beneficiaries(text) == "Des plateformes  , et des formations"


def test_clauses_cut_at_commas_and_conjunctions() -> None:
    assert clauses("Banks, postal operators and mobile operators as partners") == [
        "Banks",
        " postal operators ",
        " mobile operators as partners",
    ]


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        # an activity *on* public bodies is refused, not public bodies as partners
        ("Nous ne souhaitons pas externaliser la surveillance des administrations.", set()),
        ("We do not outsource the monitoring of ministries.", set()),
        # after a preposition or a verb, « des » is an article: the segment is refused
        ("Nous ne cherchons pas à investir dans des start-up.", {"startups"}),
        ("Nous ne voulons pas financer des start-up.", {"startups"}),
        ("We do not lend to public bodies.", {"government"}),
    ],
)
def test_refused_segment_is_not_the_complement_of_a_noun(text: str, refused: set[str]) -> None:
    lang = "fr" if "Nous" in text else "en"
    party = Party("p", "p", Side.HOST, "P", seeks={lang: text}, kind=OrgKind.COMPANY)
    assert build_profile(party).refuses == refused
