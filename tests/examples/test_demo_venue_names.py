"""The demo's hotels and airports read in the reader's language: a French reader met
"Hotel Bayou Centre" (QA walk) where the Arabic reader met "فندق بايو سنتر"; every venue
with an Arabic name has a French one too."""

from __future__ import annotations

import pytest

from liqa.core.outputs.labels import venue_name
from tests.examples.conftest import Checked


def test_every_venue_named_in_arabic_is_named_in_french(demo_checked: Checked) -> None:
    event, problems = demo_checked
    assert event is not None, problems
    named = [v for v in event.venues if v.name_ar]
    assert len(named) == 5  # the two hotels and the three airports
    assert [v.id for v in named if not v.name_fr or v.name_fr == v.name] == []


@pytest.mark.parametrize(
    ("lang", "hotel", "airport"),
    [
        ("fr", "Hôtel Bayou Centre", "Aéroport intercontinental George-Bush (IAH)"),
        ("ar", "فندق بايو سنتر", "مطار جورج بوش الدولي"),
        ("en", "Hotel Bayou Centre", "George Bush Intercontinental Airport (IAH)"),
    ],
)
def test_the_houston_hotel_and_airport_in_the_readers_language(
    demo_checked: Checked, lang: str, hotel: str, airport: str
) -> None:
    event, problems = demo_checked
    assert event is not None, problems
    assert venue_name(event.venue("v-hotel-houston"), lang) == hotel
    assert venue_name(event.venue("v-iah"), lang) == airport
