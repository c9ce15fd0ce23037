"""Slot bookings of brokerage meetings, with the seats they hold, restored as they were."""

from __future__ import annotations

from typing import Any

from liqa.web.backup.checks import (
    COUNT,
    INSTANT,
    KEY,
    duplicates,
    record,
    records,
    unknown,
)
from liqa.web.backup.section import (
    Found,
    Known,
    Restoring,
    Section,
    Users,
    instant,
    parse_instant,
)
from liqa.web.events.models import Booking, BookingSeat, Event, MeetingRequest

SEAT = record({"party": KEY, "seat": COUNT | {"minimum": 1, "maximum": 32767}})
BOOKING = record(
    {
        "request": KEY,
        "slot_start": INSTANT,
        "table": COUNT,
        "booked_by": {"type": ["string", "null"], "maxLength": 150},
        "booked_as": KEY,
        "created_at": INSTANT,
        "seats": records(SEAT),
    }
)


def _dump_bookings(event: Event, users: Users) -> list[dict[str, Any]]:
    rows = (
        Booking.objects.filter(event=event)
        .select_related("request", "booked_by")
        .prefetch_related("seats")
        .order_by("slot_start", "table")
    )
    return [
        {
            "request": row.request.key,
            "slot_start": instant(row.slot_start),
            "table": row.table,
            "booked_by": users.ref(row.booked_by),
            "booked_as": row.booked_as,
            "created_at": instant(row.created_at),
            "seats": [
                {"party": seat.party, "seat": seat.seat}
                for seat in sorted(row.seats.all(), key=lambda s: (s.party, s.seat))
            ],
        }
        for row in rows
    ]


def _check_bookings(data: list[dict[str, Any]], known: Known) -> Found:
    yield from duplicates(data, ("request",), "booking")
    yield from duplicates(data, ("slot_start", "table"), "booking")
    parties = known.people | known.organizations
    seen: dict[tuple[str, int, str], str] = {}
    for index, item in enumerate(data):
        for n, seat in enumerate(item["seats"]):
            where = f"[{index}].seats[{n}]"
            held = (seat["party"], seat["seat"], item["slot_start"])
            if held in seen:
                yield (
                    where,
                    f"seat {seat['seat']} of {seat['party']!r} is taken twice at "
                    + (f"{item['slot_start']} (first at {seen[held]})"),
                )
            seen.setdefault(held, where)
    for index, item in enumerate(data):
        checks = [
            ("request", unknown(item["request"], known.requests, "request")),
            ("booked_by", unknown(item["booked_by"] or "", known.users, "user")),
            ("booked_as", unknown(item["booked_as"], known.people, "person")),
        ]
        checks += [
            (f"seats[{n}].party", unknown(seat["party"], parties, "party"))
            for n, seat in enumerate(item["seats"])
        ]
        for path, message in checks:
            if message:
                yield f"[{index}].{path}", message


def _restore_bookings(state: Restoring, data: list[dict[str, Any]]) -> None:
    requests = dict(MeetingRequest.objects.filter(event=state.event).values_list("key", "pk"))
    bookings = Booking.objects.bulk_create(
        Booking(
            event=state.event,
            request_id=requests[item["request"]],
            slot_start=parse_instant(item["slot_start"]),
            table=item["table"],
            booked_by=state.users[item["booked_by"]] if item["booked_by"] else None,
            booked_as=item["booked_as"],
        )
        for item in data
    )
    for booking, item in zip(bookings, data, strict=True):
        booking.created_at = parse_instant(item["created_at"])  # set on insert; put back
    Booking.objects.bulk_update(bookings, ["created_at"])
    BookingSeat.objects.bulk_create(
        BookingSeat(
            event=state.event,
            party=seat["party"],
            seat=seat["seat"],
            slot_start=booking.slot_start,
            booking=booking,
        )
        for booking, item in zip(bookings, data, strict=True)
        for seat in item["seats"]
    )


BOOKINGS = Section(
    member="bookings.json",
    schema=records(BOOKING),
    dump=_dump_bookings,
    restore=_restore_bookings,
    counts=lambda data: {"bookings": len(data)},
    references=_check_bookings,
    required=False,
)
