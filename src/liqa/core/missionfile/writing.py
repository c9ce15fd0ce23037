"""An :class:`Event` → a human-friendly mission file that loads back to an equal Event.

The file says ``liqa: 2`` (:data:`~liqa.core.missionfile.values.FORMAT_VERSION`). Fields
equal to their defaults are left out, instants are written as local time of their place
(the venue; a request's or a participant's as :class:`~liqa.core.missionfile.values.Places`
says) or else of their leg whenever that reads back exactly, and short records (time
windows, sessions) are written on one line.
"""

from __future__ import annotations

import io
import json
from dataclasses import MISSING, fields
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from liqa.core.missionfile.values import FORMAT_VERSION, LegSpan, format_instant, places_of_event
from liqa.core.model import (
    BrokerageSetup,
    CandidateVisit,
    Event,
    Leg,
    MeetingRequest,
    Organization,
    Outcome,
    Person,
    ProgrammeItem,
    TimeWindow,
    Venue,
)

Format = Literal["yaml", "json"]


def event_to_data(event: Event) -> dict[str, Any]:
    """The mission-file data (plain dicts, lists and scalars) describing ``event``."""
    spans = [LegSpan(leg.id, leg.timezone, leg.start, leg.end) for leg in event.legs]

    places = places_of_event(event)  # as the reader reads the file written

    def instant(value: datetime | None, *where: str | None) -> str | None:
        """Local time of the first place with a zone (as the reader reads it), else of the leg."""
        return at(value, places.zone(*where))

    def at(value: datetime | None, zone: str | None) -> str | None:
        """Local time of ``zone`` (as the reader reads it), else of the leg."""
        return None if value is None else format_instant(value, spans, zone)

    def windows(items: tuple[TimeWindow, ...], *where: str | None) -> list[dict[str, Any]]:
        return zoned_windows(items, places.zone(*where))

    def zoned_windows(items: tuple[TimeWindow, ...], zone: str | None) -> list[dict[str, Any]]:
        return [{"start": at(w.start, zone), "end": at(w.end, zone)} for w in items]

    data: dict[str, Any] = {"liqa": FORMAT_VERSION, "event": _event_header(event)}
    data["legs"] = [_leg(leg) for leg in event.legs]
    if event.venues:
        data["venues"] = [_venue(venue) for venue in event.venues]
    data["organizations"] = [_organization(org) for org in event.organizations]
    data["people"] = [
        _person(person, zoned_windows(person.availability, places.meeting(person.id)))
        for person in event.people
    ]
    if event.requests:
        data["requests"] = [
            _request(request, instant, at(request.fixed_start, places.meeting(*_parties(request))))
            for request in event.requests
        ]
    if event.visits:
        data["visits"] = [_visit(visit, windows) for visit in event.visits]
    if event.programme:
        data["programme"] = [_programme(item, instant) for item in event.programme]
    if event.brokerage is not None:
        data["brokerage"] = _brokerage(event.brokerage, instant)
    if event.outcomes:
        data["outcomes"] = [_outcome(outcome, instant) for outcome in event.outcomes]
    return data


def dumps_event(event: Event, fmt: Format = "yaml") -> str:
    """The mission file text for ``event`` in YAML (default) or JSON."""
    data = event_to_data(event)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    yaml = YAML(typ="rt", pure=True)
    yaml.width = 100
    yaml.allow_unicode = True
    yaml.indent(mapping=2, sequence=4, offset=2)
    out = io.StringIO()
    yaml.dump(_styled(data), out)
    return out.getvalue()


def dump_event(event: Event, path: str | Path) -> None:
    """Write ``event`` to ``path``: JSON when it ends in ``.json``, else YAML."""
    path = Path(path)
    fmt: Format = "json" if path.suffix.lower() == ".json" else "yaml"
    path.write_text(dumps_event(event, fmt), encoding="utf-8")


def _styled(value: Any) -> Any:
    """ruamel containers; short flat mappings and lists of scalars on one line."""
    if isinstance(value, dict):
        mapping = CommentedMap((k, _styled(v)) for k, v in value.items())
        if _is_flat(value.values()) and _width(value) <= _FLOW_WIDTH:
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, list):
        seq = CommentedSeq(_styled(v) for v in value)
        if _is_flat(value) and _width(value) <= _FLOW_WIDTH:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and value and not value[0].isalnum():
        # ruamel's emitter writes some plain scalars it cannot read back ('?x' in a flow
        # mapping); quoting every string that starts with punctuation avoids the whole class.
        return DoubleQuotedScalarString(value)
    return value


_FLOW_WIDTH = 72


def _is_flat(values: Any) -> bool:
    return all(not isinstance(v, dict) for v in values) and all(
        not isinstance(v, list) or _is_flat(v) for v in values
    )


def _width(value: Any) -> int:
    if isinstance(value, dict):
        return sum(len(str(k)) + _width(v) + 4 for k, v in value.items())
    if isinstance(value, list):
        return sum(_width(v) + 2 for v in value) + 2
    return len(str(value))


def _non_default(record: Any, skip: tuple[str, ...] = ()) -> dict[str, Any]:
    """Fields of a dataclass record that differ from their defaults, in declaration order."""
    out: dict[str, Any] = {}
    for spec in fields(record):
        if spec.name in skip:
            continue
        value = getattr(record, spec.name)
        default: Any = spec.default
        if spec.default_factory is not MISSING:
            default = spec.default_factory()
        if default is not MISSING and value == default:
            continue
        out[spec.name] = _plain(value)
    return out


def _plain(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return dict(value)
    if hasattr(value, "value") and isinstance(getattr(value, "value", None), str):
        return value.value  # StrEnum
    return value


def _text(value: Any) -> Any:
    """Localized text: a plain string when only English is given."""
    mapping = dict(value)
    if list(mapping) == ["en"]:
        return mapping["en"]
    return mapping


def _event_header(event: Event) -> dict[str, Any]:
    header: dict[str, Any] = {"id": event.id, "kind": event.kind.value, "title": _text(event.title)}
    if event.organizers:
        header["organizers"] = [_text(names) for names in event.organizers]
    header["languages"] = list(event.languages)
    for key in ("themes",):
        if getattr(event, key):
            header[key] = list(getattr(event, key))
    for key in ("goals", "description"):
        if getattr(event, key):
            header[key] = _text(getattr(event, key))
    subgroups: dict[str, Any] = {}
    if event.subgroups_max != 1:
        subgroups["max"] = event.subgroups_max
    if event.subgroup_min_size != 1:
        subgroups["min_size"] = event.subgroup_min_size
    if event.subgroup_max_size is not None:
        subgroups["max_size"] = event.subgroup_max_size
    if event.together:
        subgroups["together"] = [list(group) for group in event.together]
    if event.apart:
        subgroups["apart"] = [list(group) for group in event.apart]
    if subgroups:
        header["subgroups"] = subgroups
    return header


def _leg(leg: Leg) -> dict[str, Any]:
    out = _non_default(leg, skip=_LEG_GROUPED)
    out["start"] = leg.start.isoformat()
    out["end"] = leg.end.isoformat()
    defaults = Leg("", "", "UTC", leg.start, leg.end)
    day = {"start": leg.day_start, "end": leg.day_end}
    if day != {"start": defaults.day_start, "end": defaults.day_end}:
        out["day"] = day
    lunch = {"start": leg.lunch_start, "end": leg.lunch_end, "minutes": leg.lunch_minutes}
    if lunch != {
        "start": defaults.lunch_start,
        "end": defaults.lunch_end,
        "minutes": defaults.lunch_minutes,
    }:
        out["lunch"] = lunch
    if leg.lunch_venue is not None:
        out["lunch"] = {**lunch, "venue": leg.lunch_venue}
    travel = {
        "speed_kmh": leg.speed_kmh,
        "detour_factor": leg.detour_factor,
        "buffer_minutes": leg.buffer_minutes,
    }
    if travel != {
        "speed_kmh": defaults.speed_kmh,
        "detour_factor": defaults.detour_factor,
        "buffer_minutes": defaults.buffer_minutes,
    }:
        out["travel"] = travel
    return out


_LEG_GROUPED = (
    "day_start",
    "day_end",
    "lunch_start",
    "lunch_end",
    "lunch_minutes",
    "lunch_venue",
    "speed_kmh",
    "detour_factor",
    "buffer_minutes",
)


def _venue(venue: Venue) -> dict[str, Any]:
    out = _non_default(venue, skip=("latitude", "longitude", "fictional"))
    out.setdefault("timezone", venue.timezone)
    if venue.latitude is not None:
        out["lat"] = venue.latitude
    if venue.longitude is not None:
        out["lon"] = venue.longitude
    if venue.fictional:
        out["fictional"] = True
    return out


def _organization(org: Organization) -> dict[str, Any]:
    out = _non_default(org)
    for key in ("offers", "seeks", "description"):
        if key in out:
            out[key] = _text(out[key])
    return out


def _person(person: Person, availability: list[dict[str, Any]]) -> dict[str, Any]:
    out = _non_default(person)
    if person.availability:
        out["availability"] = availability
    return out


def _parties(request: MeetingRequest) -> tuple[str, str]:
    """A request's parties in the order their place decides its time: target, requester."""
    return request.target, request.requester


def _request(request: MeetingRequest, instant: Any, fixed_start: str | None) -> dict[str, Any]:
    out = _non_default(request, skip=("requester", "target"))
    body: dict[str, Any] = {"id": request.id, "from": request.requester, "to": request.target}
    body.update((k, v) for k, v in out.items() if k != "id")
    if "fixed_start" in body:
        body["fixed_start"] = fixed_start
    if "created_at" in body:
        body["created_at"] = instant(request.created_at)
    return body


def _visit(visit: CandidateVisit, windows: Any) -> dict[str, Any]:
    out = _non_default(visit)
    out["venue"] = visit.venue
    if visit.windows:
        out["windows"] = windows(visit.windows, visit.venue)
    if "topic" in out:
        out["topic"] = _text(out["topic"])
    return out


def _programme(item: ProgrammeItem, instant: Any) -> dict[str, Any]:
    out = _non_default(item)
    out["title"] = _text(item.title)
    out["start"] = instant(item.start, item.venue)
    out["end"] = instant(item.end, item.end_venue, item.venue)
    return out


def _brokerage(setup: BrokerageSetup, instant: Any) -> dict[str, Any]:
    out = _non_default(setup, skip=("sessions",))
    out["sessions"] = [
        {"id": s.id, "start": instant(s.start, setup.venue), "end": instant(s.end, setup.venue)}
        for s in setup.sessions
    ]
    return out


def _outcome(outcome: Outcome, instant: Any) -> dict[str, Any]:
    out = _non_default(outcome)
    if "recorded_at" in out:
        out["recorded_at"] = instant(outcome.recorded_at)
    return out
