"""The itinerary's travel term reads as one item in the comma-separated line of objective
terms: "travel (minutes)", where "travel, minutes" (French "trajets, minutes") read as two."""

from __future__ import annotations

from liqa.core.scheduling.planning import ReportWords
from liqa.core.scheduling.terms import TERM_WORDS


def test_the_travel_term_holds_no_comma() -> None:
    assert str(TERM_WORDS["travel_minutes"]) == "travel (minutes)"
    assert "," not in str(TERM_WORDS["travel_minutes"])


def test_the_french_terms_line_names_travel_in_one_piece() -> None:
    """Needs the catalog's French for "travel (minutes)" (trajets (minutes))."""
    line = ReportWords("fr").terms({"visits": 5.0, "travel_minutes": 120.0})
    assert line.endswith("trajets (minutes) = 120")
