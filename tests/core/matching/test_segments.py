"""Segments: what a party is (kind, description head, name, size) and who an offer fits."""

import numpy as np
import pytest

from liqa.core.matching.segments import (
    IS_A,
    SERVED_BY,
    compatibility,
    default_segment_tagger,
    default_segments,
    head,
    headcount,
    identity,
    segments_in,
)
from liqa.core.matching.tagging import default_tagger
from liqa.core.model import OrgKind


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Banque universelle marocaine de 6 000 collaborateurs.",
            "fr",
            "Banque universelle marocaine de",
        ),
        (
            "Compagnie d'assurance marocaine de 1 500 salariés.",
            "fr",
            "Compagnie d'assurance marocaine de",
        ),
        ("A Casablanca start-up of 8 engineers building AI.", "en", "A Casablanca start-up"),
        ("شركة ناشئة من 15 شخصا بالدار البيضاء.", "ar", "شركة ناشئة"),
        ("Autorité nationale chargée de la cybersécurité.", "fr", "Autorité nationale"),
    ],
)
def test_head_of_a_description_is_what_the_organization_is(
    text: str, lang: str, expected: str
) -> None:
    assert head(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Entreprise de services numériques de 400 ingénieurs à Casablanca.", 400),
        ("Banque universelle marocaine de 6 000 collaborateurs.", 6000),
        ("An engineering firm of 1,200 people that builds data centers.", 1200),
        ("A boutique of 25 ethical hackers in Austin.", 25),
        ("شركة مغربية من 120 مستخدما تشغل مراكز بيانات.", 120),
        ("A consumer app protecting 2 million households.", None),
    ],
)
def test_headcount_from_a_number_and_a_staff_word(text: str, expected: int | None) -> None:
    assert headcount(text) == expected


def test_identity_of_a_ministry_is_government_whatever_its_size() -> None:
    described = {"fr": "Administration fiscale d'environ 5 000 agents."}
    assert identity(OrgKind.GOVERNMENT, "DGI", described) == frozenset({"government"})


def test_identity_of_a_bank_from_its_description_and_size() -> None:
    described = {"fr": "Banque universelle marocaine de 6 000 collaborateurs."}
    assert identity(OrgKind.COMPANY, "Banque Atlantique", described) == frozenset(
        {"financial-institutions", "large-enterprises"}
    )


def test_identity_of_a_small_company_from_its_size() -> None:
    described = {"en": "A supply chain software company of 200 people in Houston."}
    assert identity(OrgKind.COMPANY, "PortLogic", described) == frozenset({"smes"})


def test_identity_of_a_company_of_unknown_size_is_businesses() -> None:
    assert identity(OrgKind.COMPANY, "X", {}) == frozenset({"businesses"})


def test_identity_never_consumers() -> None:
    described = {"en": "A consumer app company serving families."}
    assert identity(None, "Consumer Co", described) == frozenset({"businesses"})


def test_segments_in_a_longer_theme_phrase_are_not_segments() -> None:
    tagger, themes = default_segment_tagger(), default_tagger()
    assert segments_in("Paiement mobile et banque digitale", "fr", tagger, themes) == set()
    assert segments_in("Nous cherchons des banques partenaires", "fr", tagger, themes) == {
        "financial-institutions"
    }


def test_compatibility_tables_as_matrices() -> None:
    segments = default_segments()
    column = {s: i for i, s in enumerate(segments.ids)}
    served = compatibility(segments, SERVED_BY)
    is_a = compatibility(segments, IS_A)
    assert served[column["startups"], column["smes"]] == 1.0
    assert served[column["government"], column["consumers"]] == 0.0
    assert served[column["education"], column["government"]] == 1.0
    assert is_a[column["startups"], column["smes"]] == 1.0
    assert is_a[column["businesses"], column["smes"]] == 0.0
    assert np.all(served.sum(axis=1)[[column[s] for s in SERVED_BY]] > 0)
