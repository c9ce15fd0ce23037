"""A larger synthetic mission: 60 hosts, 3 cities, 15 days, up to 4 subgroups.

    nice uv run python benchmarks/toptw/mission60.py [--time-limit 20] [--seed 0]

Everything is fictional and generated from the seed: 16 delegates from 8 organizations, 20
hosts per city within ~25 km of the hotel, each open on two or three weekdays of its leg,
visits of 60-120 minutes, a briefing on the first morning and flights between the cities.
Prints one Markdown row: subgroups used (over all days: each day takes its own split, or
one in the morning and another in the afternoon),
seconds, visits made, value, LP bound and gap, the least-served delegate's value, visits
not made, and whether the independent checkers accepted the result.
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from liqa.core.model import (
    CandidateVisit,
    Event,
    EventKind,
    Leg,
    MeetingFormat,
    Organization,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    Side,
    TimeWindow,
    Venue,
)
from liqa.core.scheduling.itinerary import Settings, plan_itinerary

CITIES = (
    ("houston", "Houston", "America/Chicago", 29.75, -95.36, date(2025, 3, 3)),
    ("denver", "Denver", "America/Denver", 39.74, -104.99, date(2025, 3, 8)),
    ("sanjose", "San Jose", "America/Los_Angeles", 37.33, -121.89, date(2025, 3, 13)),
)
THEMES = ("ai", "cloud", "cybersecurity", "e-government", "energy", "health", "logistics")


def build(seed: int) -> Event:
    """The synthetic mission for ``seed``."""
    rng = random.Random(seed)
    venues: list[Venue] = []
    orgs: list[Organization] = []
    visits: list[CandidateVisit] = []
    legs: list[Leg] = []
    programme: list[ProgrammeItem] = []
    for index, (leg_id, city, zone, lat, lon, start) in enumerate(CITIES):
        tz = ZoneInfo(zone)
        hotel = Venue(
            f"v-hotel-{leg_id}",
            f"Hotel {city}",
            city,
            zone,
            latitude=lat,
            longitude=lon,
            fictional=True,
        )
        airport = Venue(
            f"v-air-{leg_id}",
            f"{city} airport",
            city,
            zone,
            latitude=lat + 0.12,
            longitude=lon + 0.08,
            fictional=True,
        )
        venues += [hotel, airport]
        end = start + timedelta(days=4)
        legs.append(Leg(leg_id, city, zone, start, end, hotel=hotel.id, max_visits_per_day=3))
        days = [
            start + timedelta(days=d) for d in range(5) if (start + timedelta(days=d)).weekday() < 5
        ]
        for h in range(20):
            host = f"h-{leg_id}-{h:02d}"
            venue = Venue(
                f"v-{host}",
                f"Office {host}",
                city,
                zone,
                latitude=lat + rng.uniform(-0.2, 0.2),
                longitude=lon + rng.uniform(-0.2, 0.2),
                fictional=True,
            )
            venues.append(venue)
            themes = tuple(rng.sample(THEMES, 2))
            orgs.append(
                Organization(
                    host, f"Host {host}", Side.HOST, themes=themes, venue=venue.id, fictional=True
                )
            )
            windows = []
            for day in rng.sample(days, min(len(days), rng.choice((2, 3)))):
                open_h = rng.choice((8, 9, 10, 13))
                windows.append(
                    TimeWindow(
                        datetime(day.year, day.month, day.day, open_h, 0, tzinfo=tz),
                        datetime(
                            day.year,
                            day.month,
                            day.day,
                            open_h + rng.choice((3, 4, 5)),
                            0,
                            tzinfo=tz,
                        ),
                    )
                )
            visits.append(
                CandidateVisit(
                    f"vis-{host}",
                    host,
                    venue.id,
                    duration_minutes=rng.choice((60, 75, 90, 120)),
                    windows=tuple(sorted(windows, key=lambda w: w.start)),
                    max_visitors=rng.choice((6, 8, 10, 16)),
                    priority=rng.choice((1, 1, 2, 3)),
                    themes=themes,
                )
            )
        if index == 0:
            first = datetime(start.year, start.month, start.day, 8, 30, tzinfo=tz)
            programme.append(
                ProgrammeItem(
                    "prog-briefing",
                    ProgrammeKind.BRIEFING,
                    {"en": "Briefing"},
                    first,
                    first + timedelta(hours=1),
                    venue=hotel.id,
                )
            )
    for (a_id, a_city, a_zone, *_rest), (
        b_id,
        b_city,
        b_zone,
        _lat,
        _lon,
        b_start,
    ) in itertools.pairwise(CITIES):
        depart = datetime(b_start.year, b_start.month, b_start.day, 8, 0, tzinfo=ZoneInfo(a_zone))
        arrive = datetime(b_start.year, b_start.month, b_start.day, 11, 0, tzinfo=ZoneInfo(b_zone))
        programme.append(
            ProgrammeItem(
                f"prog-flight-{b_id}",
                ProgrammeKind.FLIGHT,
                {"en": f"Flight {a_city} to {b_city}"},
                depart,
                arrive,
                venue=f"v-air-{a_id}",
                end_venue=f"v-air-{b_id}",
            )
        )
    delegation = [
        Organization(
            f"d-{i}",
            f"Delegation org {i}",
            Side.DELEGATION,
            themes=tuple(rng.sample(THEMES, 2)),
            fictional=True,
        )
        for i in range(8)
    ]
    people = tuple(
        Person(f"p-{i:02d}", f"Delegate {i}", delegation[i // 2].id, fictional=True)
        for i in range(16)
    )
    return Event(
        id=f"mission60-{seed}",
        kind=EventKind.TRADE_MISSION,
        title={"en": "Synthetic 60-host mission"},
        legs=tuple(legs),
        venues=tuple(venues),
        organizations=tuple(delegation + orgs),
        people=people,
        visits=tuple(visits),
        programme=tuple(programme),
        subgroups_max=4,
        subgroup_min_size=3,
        together=(("p-00", "p-01"),),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--time-limit", type=float, default=20.0)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    event = build(args.seed)
    began = time.perf_counter()
    schedule, result = plan_itinerary(event, Settings(time_limit=args.time_limit, seed=args.seed))
    seconds = time.perf_counter() - began
    groups = sorted({a.group for a in schedule.assignments if a.group})
    visits = sum(1 for a in schedule.assignments if a.format is MeetingFormat.SITE_VISIT)
    valid = "yes"  # plan_itinerary raises PlanningError when the checker finds a violation
    gap = f"{100 * result.gap:.1f} %" if result.gap is not None else "-"
    least = result.terms["fairness_min_member_value"]
    print(
        f"| {event.id} | {len(event.visits)} | {len(groups)} | {seconds:.1f} | {visits} "
        f"| {result.score:g} | {result.bound if result.bound is None else round(result.bound, 1)} "
        f"| {gap} | {least:g} | {len(schedule.unplaced)} | {valid} |"
    )


if __name__ == "__main__":
    main()
