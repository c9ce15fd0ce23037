"""A venue's time zone from the legs in its city, when the venue does not give one.

A venue in a city the mission stays in keeps that leg's clock, so its ``timezone`` may be
left out: :func:`venue_zone` gives the zone of the legs in the venue's city (cities
compared as the spreadsheets import compares names: case, accents, tatweel and punctuation
aside). When those legs disagree, or no leg is in that city, the venue must say its zone,
and :func:`missing_zone_hint` says which to write.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from liqa.core.missionfile.zone_names import zone_of_city
from liqa.core.problems import Message, Names, joined


def city_key(name: str) -> str:
    """Lower-case, accent-free, single-spaced form of a city's name, for comparing
    ("San José" and "san jose" are one city); the spreadsheets' ``cells.fold``."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("ـ", "")  # Arabic tatweel (kashida) is decoration only
    return " ".join(re.sub(r"[\s_\-./:*()\[\]'’]+", " ", bare).split())


def _legs(data: object) -> list[dict[str, Any]]:
    legs = data.get("legs") if isinstance(data, dict) else None
    return [leg for leg in legs if isinstance(leg, dict)] if isinstance(legs, list) else []


def leg_zones(data: object, city: str) -> tuple[str, ...]:
    """The time zones of mission ``data``'s legs in ``city``, each once, in leg order (read
    defensively: a leg without a city or zone in text is skipped)."""
    key = city_key(city)
    zones = (
        leg["timezone"]
        for leg in _legs(data)
        if isinstance(leg.get("city"), str)
        and isinstance(leg.get("timezone"), str)
        and city_key(leg["city"]) == key
    )
    return tuple(dict.fromkeys(zones))


def venue_zone(venue: dict[str, Any], data: object) -> str | None:
    """The time zone of ``venue`` (a venue record of mission ``data``): its ``timezone``
    when it has one in text, else the zone of the legs in its city when they agree; ``None``
    otherwise (a ``timezone`` that is not text is the schema's to report)."""
    if "timezone" in venue:
        zone = venue["timezone"]
        return zone if isinstance(zone, str) else None
    city = venue.get("city")
    zones = leg_zones(data, city) if isinstance(city, str) else ()
    return zones[0] if len(zones) == 1 else None


def needs_zone(venue: dict[str, Any], data: object) -> bool:
    """True when ``venue`` has no ``timezone`` and no leg gives it one: its legs in its
    city disagree, or no leg with a city is in its city (a leg of its city without a zone
    is reported on the leg, whose zone the venue would take)."""
    if "timezone" in venue:
        return False
    city = venue.get("city")
    if not isinstance(city, str):
        return True
    if len(leg_zones(data, city)) == 1:
        return False
    zoneless = any(
        isinstance(leg.get("city"), str)
        and not isinstance(leg.get("timezone"), str)
        and city_key(leg["city"]) == city_key(city)
        for leg in _legs(data)
    )
    return not zoneless


def missing_zone_hint(venue: dict[str, Any], data: object) -> Message:
    """What to write for a venue that :func:`needs_zone`: the zones of its city's legs to
    choose from, else the zone its city keeps when liqa knows it, else an IANA name, naming
    the legs' cities (a misspelt city is the likely mistake)."""
    about = Message("an IANA time zone name such as America/Chicago or Africa/Casablanca")
    city = venue.get("city")
    if not isinstance(city, str):
        return Message("add '{name}:' here; {about}", name="timezone", about=about)
    zones = leg_zones(data, city)
    if len(zones) > 1:
        return Message(
            "add 'timezone:' here, {zones}: the legs in {city} are in different time zones",
            zones=joined(zones, "or"),
            city=city,
        )
    known = zone_of_city(city_key(city))
    if known is not None:
        return Message(
            "add 'timezone: {zone}' here (the time zone of {city}): no leg of the event is "
            "in {city}",
            zone=known,
            city=city,
        )
    cities = [leg["city"] for leg in _legs(data) if isinstance(leg.get("city"), str)]
    if not cities:
        return Message("add '{name}:' here; {about}", name="timezone", about=about)
    return Message(
        "add 'timezone:' here ({about}): no leg of the event is in {city}; the legs are in "
        "{cities}",
        about=about,
        city=city,
        cities=Names(list(dict.fromkeys(cities))),
    )
