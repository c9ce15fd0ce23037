"""The communiqué names the organizers in its reader's language, as the seed article does."""

from __future__ import annotations

from liqa.core.model import EventKind
from liqa.core.outputs.communique import build_communique
from tests.core.outputs.mission import make_event, make_schedule

USCS = {
    "en": "Commercial Section, US Consulate General in Casablanca",
    "fr": "Section commerciale du Consulat général des États-Unis à Casablanca",
    "ar": "القسم التجاري الأمريكي التابع للقنصلية العامة الأمريكية بالدار البيضاء",
}
USTDA = {
    "en": "US Trade and Development Agency (USTDA)",
    "ar": "الوكالة الأمريكية للتجارة والتنمية (USTDA)",
}


def test_trade_mission_communique_names_the_organizers_in_arabic() -> None:
    communique = build_communique(make_event(organizers=(USCS, USTDA)), make_schedule(), "ar")
    assert communique.paragraphs[0].startswith(
        "نظّم القسم التجاري الأمريكي التابع للقنصلية العامة الأمريكية بالدار البيضاء "
        "والوكالة الأمريكية للتجارة والتنمية (USTDA)، في الفترة من 12 إلى 16 فبراير 2024"
    )


def test_an_organizer_without_a_french_name_is_named_in_english_in_french() -> None:
    communique = build_communique(make_event(organizers=(USCS, USTDA)), make_schedule(), "fr")
    assert communique.paragraphs[0].startswith(
        "Section commerciale du Consulat général des États-Unis à Casablanca et "
        "US Trade and Development Agency (USTDA) "
    )


def test_brokerage_communique_names_the_organizers_in_arabic() -> None:
    committee = {
        "en": "Organizing committee",
        "fr": "Comité d'organisation",
        "ar": "اللجنة المنظمة",
    }
    event = make_event(kind=EventKind.BROKERAGE, organizers=(committee,))
    communique = build_communique(event, make_schedule(), "ar")
    assert communique.paragraphs[0] == (
        "نظّم اللجنة المنظمة، في الفترة من 12 إلى 16 فبراير 2024، لقاءات أعمال ثنائية (B2B)."
    )
