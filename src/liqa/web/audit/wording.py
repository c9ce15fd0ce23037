"""The history in words: fields named as the editing pages label them, values as the
reader reads them (Yes/No, vocabulary through its labels, a version's method and an
assignment's subgroup in words, instants in the event's local time naming the city,
people's and organizations' keys as their names, a brokerage session by its day and
hours, requests by their two parties, a record's own ``key`` as what it names, a
version's provenance as a short sentence with what the planner could establish, an
outcome's meeting by its parties and what happened and its follow-up in words, a
version's meetings not placed by their parties with their reasons in words).

A field or value the page does not know is shown as recorded: the trail keeps whatever a
future model adds, and the page must never fail on it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, pgettext, pgettext_lazy

from liqa.core.i18n import translator
from liqa.core.model import FollowUp, MeetingFormat, OrgKind, OutcomeKind
from liqa.core.outputs.labels import (
    city_label,
    comma,
    follow_up_label,
    format_label,
    isolate,
    org_kind_label,
    outcome_label,
    subgroup_label,
    theme_label,
)
from liqa.core.outputs.roles import role_label
from liqa.core.problems import translated
from liqa.core.scheduling.reasons import reason_words

SHORT = 120
"""Longer values are cut in the page (the admin shows them whole)."""

FIELDS: dict[str, Any] = {
    "key": _("Key"),
    "assignment": _("Meeting"),
    "name": _("Name"),
    "name_ar": _("Name in Arabic"),
    "name_fr": _("Name in French"),
    "short_name": _("Short name"),
    "side": _("Side"),
    "kind": _("Kind"),
    "sector": _("Sector"),
    "country": _("Country"),
    "themes": _("Themes"),
    "venue": _("Venue"),
    "website": _("Website"),
    "organization": _("Organization"),
    "role": _("Role"),
    "gender": _("Gender"),
    "languages": _("Languages"),
    "email": _("E-mail"),
    "host_administrator": pgettext_lazy("audit field", "Host administrator"),
    "phone": _("Phone"),
    "availability": _("Available"),
    "fictional": pgettext_lazy("audit field", "Fictional (sample data)"),
    "requester": _("From"),
    "target": _("To"),
    "priority": _("Priority"),
    "status": _("State"),
    "format": pgettext_lazy("audit field", "Format"),
    "message": _("Message"),
    "duration_minutes": _("Duration (minutes)"),
    "session": pgettext_lazy("audit field", "Session"),
    "fixed_start": pgettext_lazy("audit field", "Fixed start"),
    "attendees": _("Attendees"),
    "after": pgettext_lazy("audit field", "After the requests"),
    "slot_start": _("Slot"),
    "table": _("Table"),
    "booked_as": pgettext_lazy("audit field", "Booked by"),
    "start": _("Starts"),
    "end": _("Ends"),
    "parties": pgettext_lazy("audit field", "Parties"),
    "group": pgettext_lazy("audit field", "Subgroup"),
    "travel_minutes_before": pgettext_lazy("audit field", "Travel before (minutes)"),
    "pinned": pgettext_lazy("audit field", "Pinned"),
    "number": pgettext_lazy("audit field", "Version number"),
    "provenance": pgettext_lazy("audit field", "How it was made"),
    "published_at": _("Published"),
    "notified": pgettext_lazy("audit field", "Participants e-mailed"),
    "unplaced": _("Not placed"),
    "meetings": pgettext_lazy("audit field", "Meetings and visits placed"),
    "pinned_meetings": pgettext_lazy("audit field", "Pinned meetings"),
    "assignments": pgettext_lazy("audit field", "Placed, programme items included"),
    "method": pgettext_lazy("audit field", "Method"),
    "organizations": _("Organizations"),
    "people": _("People"),
    "requests": _("Requests"),
    "bookings": pgettext_lazy("audit field", "Bookings"),
    "versions": _("Schedule versions"),
    "follow_up": _("Follow-up"),
    "owner": _("Owner"),
    "notes": _("Notes"),
    "communique": _("Communiqué"),
}
"""Field labels, the editing pages' own where they have one; a field not here shows its
recorded name."""
BY_MODEL: dict[tuple[str, str], Any] = {
    ("person", "table"): _("Fixed table"),
    ("schedule", "pinned"): pgettext_lazy("audit field", "Pinned, programme items included"),
    ("outcome", "kind"): _("What happened"),
    ("invitations", "sent"): pgettext_lazy("audit field", "Invitations e-mailed"),
}
"""Where one field name means different things in different records. A version's entry
counts the meetings and visits it places (``meetings``, ``pinned_meetings``); one recorded
before counted every assignment, programme items and lunch breaks too (``assignments``,
``pinned``), and says so."""
LOCALIZED: dict[tuple[str, str], Any] = {
    ("description", "en"): _("Description in English"),
    ("description", "fr"): _("Description in French"),
    ("description", "ar"): _("Description in Arabic"),
    ("offers", "en"): _("Offers in English"),
    ("offers", "fr"): _("Offers in French"),
    ("offers", "ar"): _("Offers in Arabic"),
    ("seeks", "en"): _("Seeks in English"),
    ("seeks", "fr"): _("Seeks in French"),
    ("seeks", "ar"): _("Seeks in Arabic"),
    ("communique", "en"): _("Communiqué in English"),
    ("communique", "fr"): _("Communiqué in French"),
    ("communique", "ar"): _("Communiqué in Arabic"),
}
"""Text given per language, each language a line as on the profile form."""
SIDES = {"delegation": _("delegation"), "host": _("host"), "both": _("both")}
STATES = {
    "proposed": pgettext_lazy("request status", "proposed"),
    "accepted": pgettext_lazy("request status", "accepted"),
    "declined": pgettext_lazy("request status", "declined"),
    "cancelled": pgettext_lazy("request status", "cancelled"),
    "expired": pgettext_lazy("request status", "expired"),
}
GENDERS = {
    "female": pgettext_lazy("gender", "female"),
    "male": pgettext_lazy("gender", "male"),
}
"""A person's ``gender`` (the form their title takes in French and Arabic: "Directrice",
"مديرة"), in the editing form's words: its choices' own msgids."""
PRIORITIES = {1: _("would like"), 2: _("important"), 3: _("must meet")}
METHODS = {
    "ils": pgettext_lazy("scheduling method", "itinerary search"),
    "greedy": pgettext_lazy("scheduling method", "quick plan (greedy)"),
    "cpsat": pgettext_lazy("scheduling method", "optimal search (CP-SAT)"),
    "lns": pgettext_lazy("scheduling method", "search for large events (LNS)"),
    "replan": pgettext_lazy("scheduling method", "re-plan, changing as little as possible"),
}
"""How a schedule version was made (its provenance's method; a brokerage event's are
``brokerage/<method>``)."""
STATUSES = {
    "optimal": pgettext_lazy("schedule status", "proven the best possible"),
    "feasible": pgettext_lazy("schedule status", "not proven the best possible"),
    "infeasible": pgettext_lazy("schedule status", "not every requirement could be met"),
    "unknown": pgettext_lazy("schedule status", "not compared with the best possible"),
    "missing required visits": pgettext_lazy("schedule status", "required visits missing"),
}
"""What the planner could establish about a version (its provenance's status): the
brokerage solver's four (``liqa.core.scheduling.brokerage.problem.Status``) and the
itinerary planner's."""
KEYED = {
    "person": "names",
    "organization": "names",
    "request": "items",
    "booking": "items",
    "assignment": "items",
}
"""Records whose ``key`` field reads as what it names: a person or an organization by
its name, a meeting by its two parties, a visit by its host."""
YES_NO = {True: _("Yes"), False: _("No")}
INSTANTS = frozenset({"slot_start", "start", "end", "fixed_start", "published_at", "at"})
PARTIES = frozenset({"organization", "requester", "target", "booked_as", "owner"})
PARTY_LISTS = frozenset({"attendees", "parties", "required_attendees"})
ITEMS_SHOWN = 80
"""A list of meetings (requests not placed) names them up to about this many characters,
then says how many more: the whole value stays under :data:`SHORT`."""
UNPLACED_SHOWN = 100
"""A version's meetings not placed, with their reasons in words, are listed up to about
this many characters, then how many more: the whole value stays under :data:`SHORT`."""


@dataclass(frozen=True)
class Place:
    """Where the event is on some days: a leg's first and last day, city and zone."""

    start: date
    end: date
    city: str
    zone: ZoneInfo


class Clock:
    """Instants in the local time of the leg the event is in then: the leg of that day,
    else the last leg begun (between legs, and after the event), else the first one."""

    def __init__(self, places: Iterable[Place], lang: str) -> None:
        self.places = sorted(places, key=lambda p: p.start) or [
            Place(date.min, date.max, "UTC", ZoneInfo("UTC"))
        ]
        self.lang = lang
        self.used: dict[str, datetime] = {}
        """City label (a Latin name isolated in Arabic) → the latest instant shown there."""

    def place(self, instant: datetime) -> Place:
        """The place of ``instant``."""
        found = self.places[0]
        for place in self.places:
            if instant.astimezone(place.zone).date() >= place.start:
                found = place
        return found

    def text(self, instant: datetime, form: str = "medium", zone: bool = False) -> tuple[str, str]:
        """``instant`` as a date and time in words, and the city whose time it is; with
        ``zone``, the time followed by its zone's name in the reader's language."""
        place = self.place(instant)
        local = instant.astimezone(place.zone)
        city = isolate(city_label(place.city, self.lang), self.lang)
        if city not in self.used or self.used[city] < local:
            self.used[city] = local
        t = translator(self.lang)
        when = f"{t.format_date(local, form)} {t.format_time(local)}"
        return (f"{when} ({t.format_zone(local)})" if zone else when), city

    def note(self) -> list[tuple[str, str]]:
        """Each city whose time the page shows, in the legs' order, with its zone's name in
        words (at the latest time shown there: standard or summer time)."""
        t = translator(self.lang)
        order = [isolate(city_label(p.city, self.lang), self.lang) for p in self.places]
        cities = sorted(self.used, key=lambda c: order.index(c) if c in order else len(order))
        return [(city, t.format_zone(self.used[city])) for city in cities]


@dataclass
class Wording:
    """What the page can resolve to words for one event and reader."""

    lang: str
    clock: Clock
    names: dict[str, str]
    """Person and organization keys → names as read in ``lang``."""
    venues: dict[str, str]
    requests: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Request keys → the keys of their two parties."""
    visits: dict[str, str] = field(default_factory=dict)
    """Candidate visit keys → their host's key."""
    sessions: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Brokerage session keys → their start and end (ISO 8601 with offsets)."""

    def field(self, model: str, name: str) -> str:
        """A field's label (its recorded name when unknown)."""
        label = BY_MODEL.get((model, name), FIELDS.get(name))
        return name if label is None else str(label)

    def changes(self, model: str, changes: dict[str, Any]) -> list[tuple[str, str, str]]:
        """Each change as (label, old, new) in words; text given per language one line a
        language."""
        out = []
        if model == "event" and any(_pair(changes.get(t))[1] is not None for t in COUNTED):
            out += self.imported(changes)  # an import's counts, said as what changed
            changes = {k: v for k, v in changes.items() if k not in (*COUNTED, "records")}
        # in the order the labels are listed (the editing pages' order), unknown fields after
        # them by name: the database may not keep a JSON object's key order (PostgreSQL's
        # jsonb does not), and the page must read the same on every database
        for name, pair in sorted(changes.items(), key=lambda item: _rank(item[0])):
            old, new = _pair(pair)
            if isinstance(old, dict | None) and isinstance(new, dict | None) and (old or new):
                languages = list(dict.fromkeys([*(old or {}), *(new or {})]))
                if all((name, lang) in LOCALIZED for lang in languages):
                    for lang in languages:
                        before, after = (old or {}).get(lang), (new or {}).get(lang)
                        if before != after:
                            label = str(LOCALIZED[name, lang])
                            pair = (self.value(name, before, model), self.value(name, after, model))
                            out.append((label, *pair))
                    continue
            if name == "key":
                held = _pair(changes.get("name"))  # a deleted record keeps its name
                named = next((str(n) for n in held if isinstance(n, str) and n), "")
                pair = (self.key(model, old, named), self.key(model, new, named))
                out.append((self.field(model, name), *pair))
                continue
            pair = (self.value(name, old, model), self.value(name, new, model))
            out.append((self.field(model, name), *pair))
        return out

    def imported(self, changes: dict[str, Any]) -> list[tuple[str, str, str]]:
        """What an import did to the organizations, people and requests, table by table: a
        table that had none reads "15 people imported"; a count that changed, "People: 12 →
        15"; a count that did not is left out for what changed ("1 person added", "1 person
        removed", "2 people's details changed", from the entry's ``records``; an entry
        recorded before them, "People: details changed"). A sentence is a change whose old
        and new values are empty."""
        tally = _pair(changes.get("records"))[1]
        tally = tally if isinstance(tally, dict) else {}
        number = translator(self.lang).format_number
        out: list[tuple[str, str, str]] = []
        for table in COUNTED:
            if table not in changes:
                continue
            before, after = _pair(changes[table])
            done = tally.get(table)
            done = done if isinstance(done, dict) else {}
            added, removed, changed = (_whole(done.get(k)) for k in ("added", "removed", "changed"))
            swapped = bool(added and removed)
            if not before and isinstance(after, int) and after > 0:
                out.append((_IMPORTED[table](after) % {"num": number(after)}, "", ""))
                added = removed = 0
            elif before != after or not isinstance(after, int):
                pair = (self.value(table, before), self.value(table, after))
                out.append((self.field("event", table), *pair))
                if not swapped:
                    added = removed = 0  # the counts say it
            elif not done:
                words = pgettext("audit import", "%(records)s: details changed")
                out.append((words % {"records": self.field("event", table)}, "", ""))
            for count, said in ((added, _ADDED), (removed, _REMOVED), (changed, _CHANGED)):
                if count:
                    out.append((said[table](count) % {"num": number(count)}, "", ""))
        return out

    def key(self, model: str, value: object, named: str = "") -> str:
        """A record's ``key`` field as what it names (:data:`KEYED`; ``named``: the name
        the entry kept, for a record since deleted); else as recorded."""
        if value is None or value == "":
            return "—"
        key = str(value)
        if KEYED.get(model) == "names":
            text = self.names.get(key) or named
        elif KEYED.get(model) == "items" and (key in self.requests or key in self.visits):
            text = self.item(key)
        else:
            text = ""
        return self.value("key", text or key)

    def value(self, name: str, value: object, model: str = "") -> str:
        """A recorded value (of a ``model`` record's field ``name``) in words."""
        if value is None or value == "" or value == []:
            return "—"
        words = _MODEL_WORDS.get((model, name), _WORDS.get(name))
        text = None
        try:
            text = words(self, value) if words is not None else None
        except (TypeError, ValueError, KeyError, AttributeError):
            text = None  # not the shape this field had: shown as recorded
        if text is None:
            text = self._plain(value)
        return text if len(text) <= SHORT else text[: SHORT - 1] + "…"

    def _plain(self, value: object) -> str:
        if isinstance(value, bool):
            return str(YES_NO[value])
        if isinstance(value, int | float):
            return translator(self.lang).format_number(value)
        if isinstance(value, str):
            return value
        if isinstance(value, list) and all(isinstance(v, str | int | float) for v in value):
            return self._join(self._plain(v) for v in value)
        return json.dumps(value, ensure_ascii=False)

    def _join(self, words: Iterable[str]) -> str:
        """``words`` as a list in the reader's language (the template global ``comma()``)."""
        return comma(self.lang).join(words)

    def instant(self, value: object) -> str:
        text, city = self.clock.text(_moment(value))
        return f"{text} ({city})"

    def window(self, start: datetime, end: datetime) -> str:
        """From ``start`` to ``end``; the day and city once when they are the same."""
        (first, city), (last, end_city) = self.clock.text(start), self.clock.text(end)
        local = start.astimezone(self.clock.place(start).zone)
        day = translator(self.lang).format_date(local, "medium")
        if city == end_city and first.startswith(day) and last.startswith(day):
            return f"{first}–{last[len(day) :].strip()} ({city})"
        return f"{first} ({city}) – {last} ({end_city})"

    def windows(self, value: object) -> str:
        assert isinstance(value, list)
        parts = []
        for window in value:
            start, end = (window["start"], window["end"]) if isinstance(window, dict) else window
            parts.append(self.window(_moment(start), _moment(end)))
        return self._join(parts)

    def party(self, value: object) -> str:
        return self.names.get(str(value), str(value))

    def parties(self, value: object) -> str:
        assert isinstance(value, list)
        return self._join(self.party(v) for v in value)

    def item(self, key: object) -> str:
        """A meeting by its two parties ("A ↔ B"), a visit by its host, else its key."""
        key = str(key)
        if key in self.requests:
            return " ↔ ".join(isolate(self.party(k), self.lang) for k in self.requests[key])
        return self.party(self.visits[key]) if key in self.visits else key

    def items(self, value: object) -> str:
        """Meetings and visits (``after``'s keys) as :meth:`item` names them, as many as
        fit, then how many more."""
        keys = [v["id"] if isinstance(v, dict) else v for v in _list(value)]
        return self._fitted([self.item(k) for k in keys], self._join)

    def unplaced(self, value: object) -> str:
        """A version's meetings and visits not placed (its ``unplaced`` records) as
        :meth:`item` names them, each run of them left out for the same reason followed by
        it in words ("Bruno Martin ↔ Chen Li, Amina Idrissi ↔ Chen Li (no slot where all can
        attend)", :func:`~liqa.core.scheduling.reasons.reason_words`), as many as fit, then
        how many more; a record without a reason by its name alone."""
        gettext = translator(self.lang).gettext
        found = []
        for record in _list(value):
            data = record if isinstance(record, dict) else {"id": record}
            code = data.get("reason")
            reason = str(translated(reason_words(str(code)), gettext)) if code else ""
            found.append((self.item(data["id"]), reason))

        def listed(items: list[tuple[str, str]]) -> str:
            runs: list[tuple[list[str], str]] = []
            for name, reason in items:
                if runs and runs[-1][1] == reason:
                    runs[-1][0].append(name)
                else:
                    runs.append(([name], reason))
            return self._join(
                f"{self._join(names)} ({reason})" if reason else self._join(names)
                for names, reason in runs
            )

        return self._fitted(found, listed, UNPLACED_SHOWN)

    def _fitted(
        self, items: list[Any], listed: Callable[[list[Any]], str], room: int = ITEMS_SHOWN
    ) -> str:
        """``items`` as ``listed`` words them, as many as fit in ``room`` characters (the
        first always), then how many more."""
        shown = items[:1]
        while len(shown) < len(items) and len(listed(items[: len(shown) + 1])) <= room:
            shown.append(items[len(shown)])
        rest = len(items) - len(shown)
        if not rest:
            return listed(shown)
        return ngettext("%(items)s and %(num)d more", "%(items)s and %(num)d more", rest) % {
            "items": listed(shown),
            "num": rest,
        }

    def session(self, value: object) -> str:
        """A brokerage session by its day and hours, as the programme gives them."""
        start, end = self.sessions[str(value)]
        return self.window(_moment(start), _moment(end))

    def provenance(self, value: object) -> str:
        """How a version was made, in a short sentence: the method, what the planner could
        establish, the version it re-planned, when, and the note."""
        if not isinstance(value, dict):
            raise TypeError(value)
        parts = []
        if value.get("method"):
            parts.append(_method(self, value["method"]))
        if value.get("status"):
            parts.append(str(STATUSES.get(value["status"], value["status"])))
        if value.get("parent_version") is not None:
            number = translator(self.lang).format_number(int(value["parent_version"]))
            parts.append(pgettext("provenance", "from version %(number)s") % {"number": number})
        if value.get("created_at"):
            parts.append(
                pgettext("provenance", "made %(when)s")
                % {"when": self.instant(value["created_at"])}
            )
        if value.get("note"):
            parts.append(str(value["note"]))
        if not parts:
            raise ValueError(value)
        return self._join(parts)


COUNTED = ("organizations", "people", "requests")
"""The tables an import entry counts (with what it added, removed and changed)."""
_IMPORTED: dict[str, Callable[[int], str]] = {
    "organizations": lambda n: ngettext(
        "%(num)s organization imported", "%(num)s organizations imported", n
    ),
    "people": lambda n: ngettext("%(num)s person imported", "%(num)s people imported", n),
    "requests": lambda n: ngettext("%(num)s request imported", "%(num)s requests imported", n),
}
_ADDED: dict[str, Callable[[int], str]] = {
    "organizations": lambda n: ngettext(
        "%(num)s organization added", "%(num)s organizations added", n
    ),
    "people": lambda n: ngettext("%(num)s person added", "%(num)s people added", n),
    "requests": lambda n: ngettext("%(num)s request added", "%(num)s requests added", n),
}
_REMOVED: dict[str, Callable[[int], str]] = {
    "organizations": lambda n: ngettext(
        "%(num)s organization removed", "%(num)s organizations removed", n
    ),
    "people": lambda n: ngettext("%(num)s person removed", "%(num)s people removed", n),
    "requests": lambda n: ngettext("%(num)s request removed", "%(num)s requests removed", n),
}
_CHANGED: dict[str, Callable[[int], str]] = {
    "organizations": lambda n: ngettext(
        "%(num)s organization's details changed", "%(num)s organizations' details changed", n
    ),
    "people": lambda n: ngettext(
        "%(num)s person's details changed", "%(num)s people's details changed", n
    ),
    "requests": lambda n: ngettext(
        "%(num)s request's details changed", "%(num)s requests' details changed", n
    ),
}


def _whole(value: object) -> int:
    """A recorded count (0 when not one)."""
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else 0


_ORDER = {
    name: position
    for position, name in enumerate(
        # the text given per language (LOCALIZED) comes where the profile form has it
        n
        for field in FIELDS
        for n in ((field, "description", "offers", "seeks") if field == "themes" else (field,))
    )
}


def _rank(name: str) -> tuple[int, str]:
    """Where a field's change is listed: known fields in :data:`FIELDS`' order, then the
    others by name."""
    return (_ORDER.get(name, len(_ORDER)), name)


def _moment(value: object) -> datetime:
    """A recorded instant (ISO 8601 with its offset)."""
    moment = datetime.fromisoformat(str(value))
    if moment.tzinfo is None:
        raise ValueError(value)
    return moment


def _pair(pair: object) -> tuple[object, object]:
    if isinstance(pair, list | tuple) and len(pair) == 2:
        return pair[0], pair[1]
    return None, pair  # not [old, new]: shown as the new value


def _language(w: Wording, value: object) -> str:
    names = Locale.parse(w.lang).languages
    return w._join(names.get(str(code), str(code)) for code in _list(value))


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise TypeError(value)
    return value


def _method(w: Wording, value: object) -> str:
    """A known method in words; another as recorded."""
    code = str(value).removeprefix("brokerage/")
    return str(METHODS[code]) if code in METHODS else str(value)


def _country(w: Wording, value: object) -> str:
    """A country code (``TN``) as the country's name in the reader's language; free text
    as written."""
    code = str(value)
    return Locale.parse(w.lang).territories.get(code.upper(), code) if len(code) == 2 else code


def _group(w: Wording, value: object) -> str:
    """A subgroup as the itinerary and the agendas call it (``group-b`` "subgroup B",
    ``all`` "the whole delegation"; :func:`liqa.core.outputs.labels.subgroup_label`)."""
    return subgroup_label(str(value), w.lang)


def _e_mailed(w: Wording, value: object) -> str | None:
    """What the e-mails about a published version came to
    (:class:`liqa.web.delivery.Tally`, recorded once they went): "118 of 120, 2 failed",
    "0 of 120 (e-mail is not set up on this server)"; ``True`` recorded alone (the e-mails
    were still going, or the entry predates the counts) says it was asked for, not that
    anyone got one; ``False`` reads "No"."""
    if value is True:
        return pgettext("e-mails", "requested; how many were delivered is not recorded")
    if not isinstance(value, dict):
        return None
    count = {k: int(value.get(k, 0)) for k in ("total", "sent", "failed", "not_set_up")}
    count |= {k: int(value.get(k, 0)) for k in ("no_address", "pending")}
    number = translator(w.lang).format_number
    head = pgettext("e-mails", "%(sent)s of %(total)s") % {
        "sent": number(count["sent"]),
        "total": number(count["total"]),
    }
    unsent = count["total"] - count["sent"] - count["no_address"]
    only_not_set_up = count["not_set_up"] and count["not_set_up"] == unsent
    said = [
        ("failed", ngettext("%(num)s failed", "%(num)s failed", count["failed"])),
        (
            "not_set_up",
            ngettext(
                "%(num)s not delivered: e-mail is not set up on this server",
                "%(num)s not delivered: e-mail is not set up on this server",
                count["not_set_up"],
            ),
        ),
        (
            "no_address",
            ngettext(
                "%(num)s has no e-mail address",
                "%(num)s have no e-mail address",
                count["no_address"],
            ),
        ),
        ("pending", ngettext("%(num)s not sent yet", "%(num)s not sent yet", count["pending"])),
    ]
    parts = [head]
    for key, words in said:
        if count[key] and not (key == "not_set_up" and only_not_set_up):
            parts.append(words % {"num": number(count[key])})
    text = w._join(parts)
    if only_not_set_up:
        text += " (" + pgettext("e-mails", "e-mail is not set up on this server") + ")"
    return text


def _one(table: dict[Any, Any]) -> Callable[[Wording, object], str]:
    def words(w: Wording, value: object) -> str:
        return str(table[value])

    return words


_WORDS: dict[str, Callable[[Wording, Any], str | None]] = {
    **dict.fromkeys(INSTANTS, Wording.instant),
    **dict.fromkeys(PARTIES, Wording.party),
    **dict.fromkeys(PARTY_LISTS, Wording.parties),
    "availability": Wording.windows,
    "venue": lambda w, v: w.venues.get(str(v), str(v)),
    "side": _one(SIDES),
    "status": _one(STATES),
    "priority": _one(PRIORITIES),
    "gender": _one(GENDERS),
    "kind": lambda w, v: org_kind_label(OrgKind(v), w.lang),
    "format": lambda w, v: format_label(MeetingFormat(v), w.lang),
    "languages": _language,
    "method": _method,
    "provenance": Wording.provenance,
    "session": Wording.session,
    "after": Wording.items,
    "unplaced": Wording.unplaced,
    "country": _country,
    "group": _group,
    "role": lambda w, v: role_label(str(v), w.lang),
    "themes": lambda w, v: w._join(theme_label(str(t), w.lang) for t in _list(v)),
    "assignment": Wording.item,
    "follow_up": lambda w, v: follow_up_label(FollowUp(v), w.lang),
}
"""How a field's values read, by field name; a value of another shape reads as recorded."""
_MODEL_WORDS: dict[tuple[str, str], Callable[[Wording, Any], str | None]] = {
    ("outcome", "kind"): lambda w, v: outcome_label(OutcomeKind(v), w.lang),
    ("schedule", "notified"): _e_mailed,
    ("invitations", "sent"): _e_mailed,
}
"""Where one field name holds different things in different records (an outcome's
``kind`` is what happened at the meeting, an organization's its type)."""
