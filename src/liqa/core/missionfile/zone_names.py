"""What to suggest for a time zone name the machine does not know.

IANA names a zone after its main city, so organizers write the city they travel to
("America/Houston", "Africa/Rabat") where the zone is another city's ("America/Chicago",
"Africa/Casablanca"). Those get the zone their city keeps; a misspelt zone gets the
closest name whose city part is close too (a shared "America/" made "America/Houston"
look like "America/Moncton").
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass

CITY_ZONES: dict[str, str] = {
    # United States
    "houston": "America/Chicago",
    "dallas": "America/Chicago",
    "austin": "America/Chicago",
    "san antonio": "America/Chicago",
    "new orleans": "America/Chicago",
    "atlanta": "America/New_York",
    "boston": "America/New_York",
    "miami": "America/New_York",
    "washington": "America/New_York",
    "philadelphia": "America/New_York",
    "pittsburgh": "America/New_York",
    "charlotte": "America/New_York",
    "san francisco": "America/Los_Angeles",
    "san jose": "America/Los_Angeles",
    "silicon valley": "America/Los_Angeles",
    "palo alto": "America/Los_Angeles",
    "santa clara": "America/Los_Angeles",
    "mountain view": "America/Los_Angeles",
    "san diego": "America/Los_Angeles",
    "seattle": "America/Los_Angeles",
    "portland": "America/Los_Angeles",
    "las vegas": "America/Los_Angeles",
    "salt lake city": "America/Denver",
    "montreal": "America/Toronto",
    "ottawa": "America/Toronto",
    # Morocco and its neighbours
    "rabat": "Africa/Casablanca",
    "marrakech": "Africa/Casablanca",
    "marrakesh": "Africa/Casablanca",
    "tangier": "Africa/Casablanca",
    "tanger": "Africa/Casablanca",
    "fes": "Africa/Casablanca",
    "fez": "Africa/Casablanca",
    "agadir": "Africa/Casablanca",
    "dakhla": "Africa/El_Aaiun",
    "oran": "Africa/Algiers",
    "sfax": "Africa/Tunis",
    "dakar": "Africa/Dakar",
    # Europe
    "geneva": "Europe/Zurich",
    "geneve": "Europe/Zurich",
    "frankfurt": "Europe/Berlin",
    "munich": "Europe/Berlin",
    "hamburg": "Europe/Berlin",
    "milan": "Europe/Rome",
    "barcelona": "Europe/Madrid",
    "seville": "Europe/Madrid",
    "lyon": "Europe/Paris",
    "marseille": "Europe/Paris",
    "strasbourg": "Europe/Paris",
    "toulouse": "Europe/Paris",
    "the hague": "Europe/Amsterdam",
    "rotterdam": "Europe/Amsterdam",
    "antwerp": "Europe/Brussels",
    "manchester": "Europe/London",
    "edinburgh": "Europe/London",
    "porto": "Europe/Lisbon",
    # Middle East and Asia
    "abu dhabi": "Asia/Dubai",
    "doha": "Asia/Qatar",
    "jeddah": "Asia/Riyadh",
    "mumbai": "Asia/Kolkata",
    "bangalore": "Asia/Kolkata",
    "bengaluru": "Asia/Kolkata",
    "new delhi": "Asia/Kolkata",
    "delhi": "Asia/Kolkata",
    "beijing": "Asia/Shanghai",
    "shenzhen": "Asia/Shanghai",
    "osaka": "Asia/Tokyo",
}
"""Cities often written as a zone name, and the IANA zone each keeps (lower case, spaces)."""


@dataclass(frozen=True)
class ZoneSuggestion:
    """A zone to suggest; ``city`` is set when it is the zone a city keeps."""

    zone: str
    city: str = ""


def _city_part(name: str) -> str:
    """``"America/San_Jose"`` → ``"san jose"``."""
    return name.rsplit("/", 1)[-1].replace("_", " ").replace("-", " ").strip().casefold()


def suggest_zone(name: str, known: Iterable[str]) -> ZoneSuggestion | None:
    """The zone to suggest for the unknown ``name`` among the ``known`` ones, or ``None``."""
    names = sorted(known)
    city = _city_part(name)
    kept = CITY_ZONES.get(city)
    if kept is not None and kept in names:
        return ZoneSuggestion(kept, name.rsplit("/", 1)[-1].replace("_", " "))
    for close in difflib.get_close_matches(name, names, n=5, cutoff=0.7):
        ratio = difflib.SequenceMatcher(None, city, _city_part(close)).ratio()
        if ratio >= 0.75:
            return ZoneSuggestion(close)
    return None


def zone_of_city(city: str) -> str | None:
    """The IANA zone the city ``city`` keeps (lower case, single spaces, no accents: "san
    jose"), when liqa knows it: a city of :data:`CITY_ZONES`, else the one zone named after
    it ("casablanca" → ``Africa/Casablanca``); ``None`` otherwise."""
    from liqa.core.missionfile.values import known_timezones

    kept = CITY_ZONES.get(city)
    if kept is not None:
        return kept
    named = sorted(zone for zone in known_timezones() if _city_part(zone) == city)
    return named[0] if len(named) == 1 else None
