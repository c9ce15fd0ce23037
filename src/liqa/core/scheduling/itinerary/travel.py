"""Travel times between venues: from a given table, or estimated from coordinates.

Estimate: great-circle distance x the leg's detour factor / the leg's speed, plus the leg's
parking/security buffer, rounded up to whole minutes. Zero from a venue to itself.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from liqa.core.model import Leg, Venue

EARTH_RADIUS_KM = 6371.0088


def great_circle_km(a: Venue, b: Venue) -> float | None:
    """Haversine distance in km, or None when a venue has no coordinates."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (a.latitude, a.longitude, b.latitude, b.longitude))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def travel_minutes(
    a: Venue,
    b: Venue,
    leg: Leg,
    table: Mapping[tuple[str, str], int] | None = None,
    default_minutes: int = 30,
) -> int:
    """Minutes from ``a`` to ``b`` within ``leg``: the table's value, else the estimate.

    Without coordinates and without a table entry, ``default_minutes`` plus the buffer.
    """
    if a.id == b.id:
        return 0
    if table:
        for key in ((a.id, b.id), (b.id, a.id)):
            if key in table:
                return int(table[key])
    km = great_circle_km(a, b)
    if km is None:
        return default_minutes + leg.buffer_minutes
    driving = km * leg.detour_factor / leg.speed_kmh * 60.0
    return math.ceil(driving - 1e-9) + leg.buffer_minutes
