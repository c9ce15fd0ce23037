"""Ids and references: unique ids, every reference defined, requests between two parties."""

from __future__ import annotations

from typing import Any

from liqa.core.missionfile.checker import Checker, records
from liqa.core.missionfile.reading import Path, format_path
from liqa.core.missionfile.schema import did_you_mean
from liqa.core.problems import Message

_SECTIONS = ("legs", "venues", "organizations", "people", "requests", "visits", "programme")


def check_ids(checker: Checker, data: dict[str, Any]) -> None:
    first_seen: dict[str, Path] = {}
    located: list[tuple[str, Path, str]] = [
        (section, (*path, "id"), record["id"])
        for section in _SECTIONS
        for path, record in records(data, section)
        if isinstance(record.get("id"), str)
    ]
    brokerage = data.get("brokerage")
    if isinstance(brokerage, dict):
        located += [
            ("sessions", ("brokerage", *path, "id"), record["id"])
            for path, record in records(brokerage, "sessions")
            if isinstance(record.get("id"), str)
        ]
    for section, path, record_id in located:
        checker.ids.setdefault(section, set()).add(record_id)
        if record_id in first_seen:
            earlier = first_seen[record_id]
            line = checker.document.line(earlier)
            checker.add(
                path,
                Message(
                    "duplicate id '{record_id}' (already used at {value})",
                    record_id=record_id,
                    value=format_path(earlier[:-1]),
                ),
                "duplicate_id",
                Message(
                    "ids must be unique in the whole file; first use on line {value}", value=line
                )
                if line is not None  # data made in memory (imported tables) has no lines
                else Message("ids must be unique in the whole event; give one of them another id"),
            )
        else:
            first_seen[record_id] = path


_KINDS = {
    "venue": ("venues",),
    "organization": ("organizations",),
    "person": ("people",),
    "person or organization": ("people", "organizations"),
    "request": ("requests",),
    "session": ("sessions",),
    "meeting, visit or programme item": ("requests", "visits", "programme"),
}


def _unknown(kind: str, value: str) -> Message:
    """The message for an id of ``kind`` that is not defined ("unknown venue 'v-x'"): one
    whole message per kind, so that a translation can agree the adjective with the noun
    (French "personne inconnue", "lieu inconnu")."""
    if kind == "venue":
        return Message("unknown venue '{value}'", value=value)
    if kind == "organization":
        return Message("unknown organization '{value}'", value=value)
    if kind == "person":
        return Message("unknown person '{value}'", value=value)
    if kind == "person or organization":
        return Message("unknown person or organization '{value}'", value=value)
    if kind == "request":
        return Message("unknown request '{value}'", value=value)
    if kind == "session":
        return Message("unknown session '{value}'", value=value)
    return Message("unknown meeting, visit or programme item '{value}'", value=value)


def _none_defined(kind: str) -> Message:
    """The hint when nothing of ``kind`` is defined ("no venue is defined"), one whole
    message per kind (see :func:`_unknown`)."""
    if kind == "venue":
        return Message("no venue is defined")
    if kind == "organization":
        return Message("no organization is defined")
    if kind == "person":
        return Message("no person is defined")
    if kind == "person or organization":
        return Message("no person or organization is defined")
    if kind == "request":
        return Message("no request is defined")
    if kind == "session":
        return Message("no session is defined")
    return Message("no meeting, visit or programme item is defined")


def _reference(checker: Checker, path: Path, value: Any, kind: str) -> None:
    if not isinstance(value, str):
        return
    known = set().union(*(checker.ids.get(section, set()) for section in _KINDS[kind]))
    if value not in known:
        hint = did_you_mean(value, sorted(known)) if known else _none_defined(kind)
        if hint.startswith("allowed"):
            hint = Message("define it under '{section}' or fix the id", section=_KINDS[kind][0])
        checker.add(path, _unknown(kind, value), "unknown_reference", hint)


def _references(checker: Checker, path: Path, values: Any, kind: str) -> None:
    if isinstance(values, list):
        for index, value in enumerate(values):
            _reference(checker, (*path, index), value, kind)


def check_references(checker: Checker, data: dict[str, Any]) -> None:
    ref, refs = _reference, _references
    for path, leg in records(data, "legs"):
        ref(checker, (*path, "hotel"), leg.get("hotel"), "venue")
        lunch = leg.get("lunch")
        if isinstance(lunch, dict):
            ref(checker, (*path, "lunch", "venue"), lunch.get("venue"), "venue")
    for path, org in records(data, "organizations"):
        ref(checker, (*path, "venue"), org.get("venue"), "venue")
    for path, person in records(data, "people"):
        ref(checker, (*path, "organization"), person.get("organization"), "organization")
    for path, request in records(data, "requests"):
        ref(checker, (*path, "from"), request.get("from"), "person or organization")
        ref(checker, (*path, "to"), request.get("to"), "person or organization")
        refs(checker, (*path, "attendees"), request.get("attendees"), "person")
        refs(checker, (*path, "after"), request.get("after"), "request")
        ref(checker, (*path, "session"), request.get("session"), "session")
    host_venues = {
        org["id"]: org.get("venue")
        for _, org in records(data, "organizations")
        if isinstance(org.get("id"), str)
    }
    for path, visit in records(data, "visits"):
        host = visit.get("host")
        if (
            visit.get("venue") is None
            and isinstance(host, str)
            and host_venues.get(host, 0) is None
        ):
            checker.add(
                path,
                Message(
                    "visit '{value}' has no venue and its host '{host}' has none",
                    value=visit.get("id"),
                    host=host,
                ),
                "missing_field",
                Message("add 'venue:' to the visit or to the host organization"),
            )
        ref(checker, (*path, "host"), host, "organization")
        ref(checker, (*path, "venue"), visit.get("venue"), "venue")
        refs(checker, (*path, "required_attendees"), visit.get("required_attendees"), "person")
    for path, item in records(data, "programme"):
        ref(checker, (*path, "venue"), item.get("venue"), "venue")
        ref(checker, (*path, "end_venue"), item.get("end_venue"), "venue")
        refs(checker, (*path, "attendees"), item.get("attendees"), "person")
    brokerage = data.get("brokerage")
    if isinstance(brokerage, dict):
        ref(checker, ("brokerage", "venue"), brokerage.get("venue"), "venue")
    event = data.get("event")
    subgroups = event.get("subgroups") if isinstance(event, dict) else None
    if isinstance(subgroups, dict):
        for key in ("together", "apart"):
            groups = subgroups.get(key)
            for index, group in enumerate(groups if isinstance(groups, list) else []):
                refs(checker, ("event", "subgroups", key, index), group, "person")
    for path, outcome in records(data, "outcomes"):
        ref(
            checker,
            (*path, "assignment"),
            outcome.get("assignment"),
            "meeting, visit or programme item",
        )
        ref(checker, (*path, "owner"), outcome.get("owner"), "person")


def check_outcomes(checker: Checker, data: dict[str, Any]) -> None:
    """One outcome per meeting: a second entry for the same meeting, visit or programme item
    is a problem naming both entries (else both would count in the report and the
    communiqué, the meeting twice)."""
    first_seen: dict[str, Path] = {}
    for path, outcome in records(data, "outcomes"):
        meeting = outcome.get("assignment")
        if not isinstance(meeting, str):
            continue  # the schema has said so
        if meeting not in first_seen:
            first_seen[meeting] = path
            continue
        checker.add(
            (*path, "assignment"),
            Message(
                "two outcomes for '{meeting}': {first} and {second}",
                meeting=meeting,
                first=format_path(first_seen[meeting]),
                second=format_path(path),
            ),
            "duplicate_outcome",
            Message("a meeting has one outcome: keep one of the two entries and delete the other"),
        )


def check_requests(checker: Checker, data: dict[str, Any]) -> None:
    members = {
        person["id"]: person.get("organization")
        for _, person in records(data, "people")
        if isinstance(person.get("id"), str)
    }
    for path, request in records(data, "requests"):
        source, target = request.get("from"), request.get("to")
        if not isinstance(source, str) or not isinstance(target, str):
            continue
        if source == target:
            checker.add(
                (*path, "to"),
                Message(
                    "request to oneself: '{source}' asks to meet '{target}'",
                    source=source,
                    target=target,
                ),
                "self_request",
                Message("the 'to' side must be another person or organization"),
            )
        elif members.get(source) == target or members.get(target) == source:
            checker.add(
                (*path, "to"),
                Message(
                    "request within one organization: '{source}' and '{target}' are the same party",
                    source=source,
                    target=target,
                ),
                "self_request",
                Message("the 'to' side must be another organization or one of its people"),
            )


def check_precedences(checker: Checker, data: dict[str, Any]) -> None:
    """``after`` must not loop: a request cannot wait, directly or not, for itself."""
    after: dict[str, list[str]] = {}
    where: dict[str, Path] = {}
    for path, request in records(data, "requests"):
        request_id, before = request.get("id"), request.get("after")
        if isinstance(request_id, str) and isinstance(before, list):
            after[request_id] = [item for item in before if isinstance(item, str)]
            where[request_id] = (*path, "after")
    reported: set[str] = set()
    for start in after:
        cycle = _cycle_from(start, after)
        if cycle and not reported.intersection(cycle):
            reported.update(cycle)
            checker.add(
                where[start],
                "requests wait for each other in a loop: " + " → ".join([*cycle, cycle[0]]),
                "precedence_cycle",
                Message("remove one of these 'after' entries"),
            )


def _cycle_from(start: str, after: dict[str, list[str]]) -> list[str]:
    """The loop of ``after`` links through ``start``, or ``[]`` (iterative depth-first)."""
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    seen: set[str] = set()
    while stack:
        node, trail = stack.pop()
        for nxt in after.get(node, ()):
            if nxt == start:
                return trail
            if nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, [*trail, nxt]))
    return []


def check_tables(checker: Checker, data: dict[str, Any]) -> None:
    """A person's fixed table must exist at the brokerage event."""
    brokerage = data.get("brokerage")
    tables = brokerage.get("tables") if isinstance(brokerage, dict) else None
    if not isinstance(tables, int) or isinstance(tables, bool):
        return
    for path, person in records(data, "people"):
        table = person.get("table")
        if isinstance(table, int) and not isinstance(table, bool) and table > tables:
            checker.add(
                (*path, "table"),
                Message(
                    "table {table} does not exist: the brokerage has {tables} tables",
                    table=table,
                    tables=tables,
                ),
                "out_of_range",
                Message("use a table from 1 to the number of tables, or raise 'tables'"),
            )
