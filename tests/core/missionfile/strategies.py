"""Hypothesis strategies: whole valid Events, as a mission file can describe them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import strategies as st

from liqa.core.model import (
    LANGUAGES,
    BrokerageSetup,
    CandidateVisit,
    Event,
    EventKind,
    FollowUp,
    Gender,
    Leg,
    MeetingFormat,
    MeetingRequest,
    Organization,
    OrgKind,
    Outcome,
    OutcomeKind,
    Person,
    ProgrammeItem,
    ProgrammeKind,
    RequestStatus,
    Session,
    Side,
    TimeWindow,
    Venue,
)

ZONES = (
    "America/Chicago",
    "America/Los_Angeles",
    "Africa/Casablanca",
    "Europe/Paris",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "UTC",
)

text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn")),
    min_size=1,
    max_size=24,
)
maybe_text = st.one_of(st.just(""), text)
localized_text = st.dictionaries(st.sampled_from(LANGUAGES), text, min_size=1, max_size=3)
maybe_localized: st.SearchStrategy[dict[str, str]] = st.one_of(st.just({}), localized_text)
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_ID_CHARS = _LOWER + _LOWER.upper() + "0123456789_.-"
words = st.lists(
    st.text(_LOWER + "-", min_size=1, max_size=10).map(lambda w: "t" + w), max_size=3
).map(tuple)


@st.composite
def ids(draw: st.DrawFn, count: int) -> list[str]:
    """``count`` distinct ids."""
    return draw(
        st.lists(
            st.builds(str.__add__, st.sampled_from(_ID_CHARS[:-3]), st.text(_ID_CHARS, max_size=8)),
            min_size=count,
            max_size=count,
            unique=True,
        )
    )


@st.composite
def legs(draw: st.DrawFn, leg_ids: list[str]) -> tuple[Leg, ...]:
    """Consecutive, non-overlapping legs."""
    day = draw(st.dates(date(2020, 1, 1), date(2035, 12, 31)))
    out = []
    for leg_id in leg_ids:
        day += timedelta(days=draw(st.integers(0, 3)))
        end = day + timedelta(days=draw(st.integers(0, 4)))
        day_start = draw(st.sampled_from(["07:00", "08:30", "09:00"]))
        out.append(
            Leg(
                id=leg_id,
                city=draw(text),
                timezone=draw(st.sampled_from(ZONES)),
                start=day,
                end=end,
                day_start=day_start,
                day_end=draw(st.sampled_from(["17:00", "18:00", "19:30"])),
                lunch_minutes=draw(st.integers(0, 90)),
                max_visits_per_day=draw(st.integers(1, 6)),
                speed_kmh=draw(st.floats(1, 120, allow_nan=False)),
                detour_factor=draw(st.floats(1, 2, allow_nan=False)),
                buffer_minutes=draw(st.integers(0, 30)),
            )
        )
        day = end + timedelta(days=1)
    return tuple(out)


@st.composite
def instants(draw: st.DrawFn, all_legs: tuple[Leg, ...]) -> tuple[datetime, datetime]:
    """A start and an end on one day of some leg, in the leg's zone or a fixed offset."""
    leg = draw(st.sampled_from(all_legs))
    day = draw(st.sampled_from(leg.days()))
    first = draw(st.integers(0, 22 * 60))
    length = draw(st.integers(5, 24 * 60 - first - 1))
    start = datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(leg.timezone))
    start += timedelta(minutes=first)
    end = start + timedelta(minutes=length)
    if draw(st.booleans()):
        offset = timezone(start.utcoffset() or timedelta())
        start, end = start.astimezone(offset), end.astimezone(offset)
    return start, end


def _window(pair: tuple[datetime, datetime]) -> TimeWindow:
    return TimeWindow(*pair)


@st.composite
def events(draw: st.DrawFn) -> Event:
    """A valid event of either kind with every section filled at random."""
    n_legs, n_venues, n_orgs = (
        draw(st.integers(1, 3)),
        draw(st.integers(1, 3)),
        draw(st.integers(2, 4)),
    )
    n_people, n_requests = draw(st.integers(2, 5)), draw(st.integers(0, 4))
    n_visits, n_items, n_sessions = (
        draw(st.integers(0, 2)),
        draw(st.integers(0, 2)),
        draw(st.integers(1, 2)),
    )
    pool = draw(
        ids(n_legs + n_venues + n_orgs + n_people + n_requests + n_visits + n_items + n_sessions)
    )
    take = iter(pool)
    leg_ids = [next(take) for _ in range(n_legs)]
    all_legs = draw(legs(leg_ids))
    venue_ids = [next(take) for _ in range(n_venues)]
    venues = tuple(
        Venue(
            id=venue_id,
            name=draw(text),
            city=draw(text),
            timezone=draw(st.sampled_from(ZONES)),
            address=draw(maybe_text),
            latitude=draw(st.one_of(st.none(), st.floats(-90, 90, allow_nan=False))),
            longitude=draw(st.one_of(st.none(), st.floats(-180, 180, allow_nan=False))),
            name_ar=draw(maybe_text),
            fictional=draw(st.booleans()),
            name_fr=draw(maybe_text),
        )
        for venue_id in venue_ids
    )
    orgs = tuple(
        Organization(
            id=next(take),
            name=draw(text),
            side=Side.DELEGATION if i == 0 else draw(st.sampled_from(Side)),
            kind=draw(st.sampled_from(OrgKind)),
            name_ar=draw(maybe_text),
            name_fr=draw(maybe_text),
            short_name=draw(maybe_text),
            sector=draw(maybe_text),
            country=draw(st.sampled_from(["", "MA", "US", "NO"])),
            themes=draw(words),
            offers=draw(maybe_localized),
            seeks=draw(maybe_localized),
            description=draw(maybe_localized),
            venue=draw(st.one_of(st.none(), st.sampled_from(venue_ids))),
            website=draw(maybe_text),
            fictional=draw(st.booleans()),
        )
        for i in range(n_orgs)
    )
    people = tuple(
        Person(
            id=next(take),
            name=draw(text),
            organization=orgs[i % len(orgs)].id,
            role=draw(maybe_text),
            name_ar=draw(maybe_text),
            gender=draw(st.one_of(st.none(), st.sampled_from(Gender))),
            languages=tuple(draw(st.lists(st.sampled_from(LANGUAGES), unique=True))),
            email=draw(maybe_text),
            phone=draw(maybe_text),
            themes=draw(words),
            availability=tuple(
                _window(pair) for pair in draw(st.lists(instants(all_legs), max_size=2))
            ),
            table=draw(st.one_of(st.none(), st.integers(1, 200))),
            fictional=draw(st.booleans()),
        )
        for i in range(n_people)
    )
    person_ids = [p.id for p in people]
    org_of = {p.id: p.organization for p in people}
    parties = person_ids + [o.id for o in orgs]
    kind = draw(st.sampled_from(EventKind))
    session_ids = [next(take) for _ in range(n_sessions)]
    request_ids = [next(take) for _ in range(n_requests)]
    requests: list[MeetingRequest] = []
    for request_id in request_ids:
        source = draw(st.sampled_from(parties))
        target = draw(st.sampled_from(parties))
        if source == target or org_of.get(source) == target or org_of.get(target) == source:
            continue
        requests.append(
            MeetingRequest(
                id=request_id,
                requester=source,
                target=target,
                priority=draw(st.integers(1, 3)),
                status=draw(st.sampled_from(RequestStatus)),
                format=draw(st.sampled_from(MeetingFormat)),
                message=draw(maybe_text),
                duration_minutes=draw(st.one_of(st.none(), st.integers(1, 240))),
                session=draw(st.one_of(st.none(), st.sampled_from(session_ids)))
                if kind is EventKind.BROKERAGE
                else None,
                fixed_start=draw(st.one_of(st.none(), instants(all_legs).map(lambda p: p[0]))),
                attendees=tuple(draw(st.lists(st.sampled_from(person_ids), max_size=2))),
                after=tuple(r.id for r in requests[:1]) if draw(st.booleans()) else (),
                created_at=draw(
                    st.one_of(
                        st.none(),
                        st.datetimes(
                            datetime(2019, 1, 1), datetime(2036, 1, 1), timezones=st.just(UTC_ZONE)
                        ),
                    )
                ),
            )
        )
    visits = tuple(
        CandidateVisit(
            id=next(take),
            host=draw(st.sampled_from(orgs)).id,
            venue=draw(st.sampled_from(venue_ids)),
            duration_minutes=draw(st.integers(15, 180)),
            windows=tuple(_window(p) for p in draw(st.lists(instants(all_legs), max_size=2))),
            max_visitors=draw(st.one_of(st.none(), st.integers(1, 30))),
            priority=draw(st.integers(1, 3)),
            required=draw(st.booleans()),
            required_attendees=tuple(draw(st.lists(st.sampled_from(person_ids), max_size=2))),
            themes=draw(words),
            topic=draw(maybe_localized),
        )
        for _ in range(n_visits)
    )
    programme = []
    for _ in range(n_items):
        start, end = draw(instants(all_legs))
        programme.append(
            ProgrammeItem(
                id=next(take),
                kind=draw(st.sampled_from(ProgrammeKind)),
                title=draw(localized_text),
                start=start,
                end=end,
                venue=draw(st.one_of(st.none(), st.sampled_from(venue_ids))),
                end_venue=draw(st.one_of(st.none(), st.sampled_from(venue_ids))),
                attendees=tuple(draw(st.lists(st.sampled_from(person_ids), max_size=2))),
            )
        )
    brokerage = None
    if kind is EventKind.BROKERAGE:
        sessions = tuple(Session(sid, *draw(instants(all_legs))) for sid in session_ids)
        brokerage = BrokerageSetup(
            venue=draw(st.sampled_from(venue_ids)),
            slot_minutes=draw(st.integers(5, 60)),
            tables=draw(st.integers(max((p.table or 1) for p in people), 200)),
            sessions=sessions,
            max_meetings_per_session=draw(st.one_of(st.none(), st.integers(1, 12))),
        )
    assignable = [r.id for r in requests] + [v.id for v in visits] + [p.id for p in programme]
    outcomes = (
        tuple(
            Outcome(
                assignment=assignment,
                kind=draw(st.sampled_from(OutcomeKind)),
                follow_up=draw(st.sampled_from(FollowUp)),
                owner=draw(st.one_of(st.none(), st.sampled_from(person_ids))),
                notes=draw(maybe_text),
            )
            for assignment in draw(st.lists(st.sampled_from(assignable), max_size=2))
            if assignable
        )
        if assignable
        else ()
    )
    return Event(
        id=draw(ids(1))[0],
        kind=kind,
        title=draw(localized_text),
        legs=all_legs,
        organizers=tuple(draw(st.lists(localized_text, max_size=2))),
        languages=tuple(draw(st.lists(st.sampled_from(LANGUAGES), min_size=1, unique=True))),
        themes=draw(words),
        goals=draw(maybe_localized),
        description=draw(maybe_localized),
        venues=venues,
        organizations=orgs,
        people=people,
        requests=tuple(requests),
        visits=visits,
        programme=tuple(programme),
        brokerage=brokerage,
        subgroups_max=draw(st.integers(1, 3)),
        subgroup_min_size=draw(st.integers(1, 3)),
        together=tuple(
            tuple(g)
            for g in draw(
                st.lists(st.lists(st.sampled_from(person_ids), min_size=1, max_size=3), max_size=2)
            )
        ),
        apart=tuple(
            tuple(g)
            for g in draw(
                st.lists(st.lists(st.sampled_from(person_ids), min_size=1, max_size=3), max_size=2)
            )
        ),
        outcomes=outcomes,
    )


UTC_ZONE = UTC
