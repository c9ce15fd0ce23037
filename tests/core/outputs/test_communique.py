"""The communiqué names the organizers in its reader's language, as the seed article does."""

from __future__ import annotations

import pytest

from liqa.core.model import EventKind
from liqa.core.outputs.communique import build_communique
from tests.core.outputs.mission import make_event, make_schedule

USCS = {
    "en": "Commercial Section, US Consulate General in Casablanca",
    "fr": "la Section commerciale du Consulat général des États-Unis à Casablanca",
    "ar": "القسم التجاري الأمريكي التابع للقنصلية العامة الأمريكية بالدار البيضاء",
}
USTDA = {
    "en": "US Trade and Development Agency (USTDA)",
    "ar": "الوكالة الأمريكية للتجارة والتنمية (USTDA)",
}


def test_trade_mission_communique_names_the_organizers_in_arabic() -> None:
    communique = build_communique(make_event(organizers=(USCS, USTDA)), make_schedule(), "ar")
    # "organized by …" (بتنظيم من): no verb agrees with the organizers' number or gender
    assert communique.paragraphs[0].startswith(
        "بتنظيم من القسم التجاري الأمريكي التابع للقنصلية العامة الأمريكية بالدار البيضاء "
        "والوكالة الأمريكية للتجارة والتنمية (⁦USTDA⁩)، أُقيمت في الفترة من 12 إلى 16 فبراير 2024"
    )


def test_an_organizer_without_a_french_name_is_named_in_english_in_french() -> None:
    communique = build_communique(make_event(organizers=(USCS, USTDA)), make_schedule(), "fr")
    assert communique.paragraphs[0].startswith(
        "Une mission commerciale organisée par la Section commerciale du Consulat général des "
        "États-Unis à Casablanca et US Trade and Development Agency (USTDA) s'est tenue du 12 "
        "au 16 février 2024"
    )


def test_brokerage_communique_names_the_organizers_in_arabic() -> None:
    committee = {
        "en": "Organizing committee",
        "fr": "le Comité d'organisation",
        "ar": "اللجنة المنظمة",
    }
    event = make_event(kind=EventKind.BROKERAGE, organizers=(committee,))
    communique = build_communique(event, make_schedule(), "ar")
    assert communique.paragraphs[0] == (
        "بتنظيم من اللجنة المنظمة، عُقدت في الفترة من 12 إلى 16 فبراير 2024 "
        "لقاءات أعمال ثنائية (⁦B2B⁩)."
    )


def test_one_organizer_in_french_needs_no_plural_verb() -> None:
    committee = {"en": "Organizing committee", "fr": "le Comité d'organisation"}
    event = make_event(kind=EventKind.BROKERAGE, organizers=(committee,))
    communique = build_communique(event, make_schedule(), "fr")
    assert communique.paragraphs[0] == (
        "Des rendez-vous d'affaires B2B ont été organisés du 12 au 16 février 2024 "
        "par le Comité d'organisation."
    )


@pytest.mark.parametrize("kind", [EventKind.TRADE_MISSION, EventKind.BROKERAGE])
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_without_organizers_nobody_is_said_to_have_organized(kind: EventKind, lang: str) -> None:
    event = make_event(kind=kind, organizers=())
    lead = build_communique(event, make_schedule(), lang).paragraphs[0]
    assert not any(word in lead for word in ("organizers", "organisateurs", "المنظمين"))
    assert "12" in lead
    assert "16" in lead
