"""The mission report: what was requested, scheduled and held, with charts."""

from __future__ import annotations

import base64
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, NamedTuple

from liqa.core.i18n import gettext_noop, translator
from liqa.core.model import (
    Event,
    EventKind,
    FollowUp,
    Organization,
    OutcomeKind,
    RequestStatus,
    Schedule,
    Side,
    pick,
)
from liqa.core.outputs import labels
from liqa.core.outputs.timeline import Item, timeline
from liqa.core.problems import translated
from liqa.core.scheduling.reasons import detail_names, reason_words, with_names

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn, not with the report
    from liqa.core.outputs.charts import Split

WAITING_TERMS: dict[str, tuple[str, bool]] = {
    "idle_minutes": (gettext_noop("Waiting between meetings (travel not counted)"), True),
    "breaks": (gettext_noop("Breaks between meetings (free slots)"), False),
}
"""The scheduler's measures of the time lost between meetings, by their code in the
schedule's objective terms: the report's heading of each, and whether it is a duration in
minutes (shown in hours and minutes, as the travel row is) rather than a count. An
itinerary's waiting (minutes between the first and the last visit of each subgroup's day,
travel excluded), a brokerage event's breaks (a free slot between two of a participant's
meetings)."""


class Measure(NamedTuple):
    """One of the scheduler's figures of the time lost between meetings, as the report
    shows it: its heading, its value, and whether that is minutes (a duration)."""

    name: str
    value: float
    minutes: bool

    @property
    def whole_minutes(self) -> int:
        """The value to the nearest minute (a duration's minutes for the ``duration``
        filter)."""
        return round(self.value)


@dataclass(frozen=True)
class Figures:
    """The report's numbers, computed once and shown as tables and charts."""

    participants: int
    """Delegates (a mission), everyone (a brokerage event)."""
    organizations: int
    """Their organizations."""
    hosts: int
    """Host-side organizations met: in the scheduled meetings (as the communiqué counts),
    less those whose every meeting was recorded as not held (a no-show, cancelled)."""
    meetings: int
    """Meetings and visits scheduled (programme items excluded)."""
    requested: int
    """Every meeting request made (whatever became of it), plus candidate visits."""
    accepted: int
    """What was to be scheduled: requests accepted, plus candidate visits."""
    held: int | None
    """Meetings recorded as held, or ``None`` before any outcome is recorded."""
    per_participant: tuple[tuple[str, int], ...]
    per_theme: tuple[tuple[str, int], ...]
    per_org_kind: tuple[tuple[str, int], ...]
    per_city_day: tuple[tuple[str, int], ...]
    per_time_slot: tuple[tuple[str, int], ...]
    """Meetings per time slot of an event held on one day in one city (a brokerage day):
    its one bar of meetings per city and day said nothing. Each slot of a brokerage event
    (``09:00–09:20``, in time order, the empty ones too), else each time a meeting starts;
    none for an event over several cities or days (:attr:`per_city_day` shows those)."""
    slot_use: tuple[tuple[str, float], ...]
    """Share of each day's programme window (or of brokerage tables × slots) in meetings."""
    travel_minutes: int
    """Minutes of travel to the meetings: each one's ``travel_minutes_before`` (from the
    hotel or the previous place), summed. The trips back (to the hotel at the end of a day,
    to a lunch where the subgroups meet again) are not counted, so it is less than the
    run's ``travel_minutes`` term, which counts every trip of each subgroup's day; the
    report says so in the row's heading."""
    waiting: tuple[Measure, ...]
    """The scheduler's own figures of the time lost between meetings (:data:`WAITING_TERMS`
    found in the schedule's objective terms): ``Waiting between meetings (travel not
    counted)``, 290 minutes, shown as a duration like the travel row ("4 hours 50
    minutes"); none for a schedule that does not carry them."""
    outcomes: tuple[tuple[str, int], ...]
    """Meetings by outcome recorded, most first, then the meetings with none recorded yet
    ("not recorded yet"), so that the organizer sees how many are still to record."""
    follow_ups: tuple[tuple[str, int], ...]
    """Follow-ups agreed, most first: those recorded as none are no follow-up agreed."""
    agreed: tuple[Agreed, ...] = ()
    """Each follow-up agreed, meeting by meeting in the order they took place: what the
    organizer takes up after the mission (with whom, what, the notes recorded)."""
    time_slot_outcomes: tuple[tuple[int, int], ...] = ()
    """The meetings of each time slot (:attr:`per_time_slot`, in its order) recorded as
    held, and recorded as not held (a no-show, cancelled); the rest have no outcome yet.
    Empty before any outcome is recorded."""
    brokerage: bool = False
    """Figures of a brokerage event (:func:`is_brokerage`): the use of its tables × slots
    rather than of a mission's days, no travel, no candidate visits."""


class Agreed(NamedTuple):
    """One follow-up agreed at a meeting, as the report lists it."""

    meeting: str
    """The meeting by the names people know (a visit by its host)."""
    follow_up: str
    """The follow-up in words."""
    notes: str
    owner: str = ""
    """Who takes it up, by name in the reader's script (empty: nobody recorded)."""


class LeftOut(NamedTuple):
    """A meeting or visit the schedule could not place, as the report lists it."""

    meeting: str
    """The meeting by the names people know (a visit by its host)."""
    reason: str
    """The reason in words."""
    detail: str
    """The explanation, naming the people and the meetings in its way."""


def _owner(event: Event, owner: str | None, lang: str) -> str:
    """The name of who takes up a follow-up, in the reader's script; a person no longer in
    the event by the id recorded."""
    if not owner:
        return ""
    found = next((p for p in event.people if p.id == owner), None)
    return labels.person_name(found, lang) if found is not None else owner


def _meetings(items: list[Item]) -> list[Item]:
    """Meetings and visits (:attr:`Item.is_meeting`): what the report counts scheduled."""
    return [i for i in items if i.is_meeting]


def party_organizations(event: Event, item: Item) -> list[Organization]:
    """The organization of each party of ``item``, in order: the party itself, or the
    organization of a person (a brokerage meeting's parties are people); a party no
    longer in the event is left out."""
    org_ids = {o.id for o in event.organizations}
    found = []
    for party in item.parties:
        org_id = party
        if party not in org_ids:
            try:
                org_id = event.person(party).organization
            except KeyError:
                continue
        found.append(event.organization(org_id))
    return found


def _host_kinds(event: Event, item: Item, lang: str) -> list[str]:
    return [
        labels.org_kind_label(org.kind, lang)
        for org in party_organizations(event, item)
        if org.side is not Side.DELEGATION
    ]


def hosts_met(event: Event, meetings: list[Item]) -> set[str]:
    """Ids of the host-side organizations in ``meetings``: named as parties, or the
    organizations of the people who are (a brokerage meeting's parties are people)."""
    org_ids = {o.id for o in event.organizations}
    people = {p.id: p.organization for p in event.people}
    hosting = {o.id for o in event.organizations if o.side is not Side.DELEGATION}
    return {
        org
        for m in meetings
        for ref in m.parties
        if (org := ref if ref in org_ids else people.get(ref, "")) in hosting
    }


def meeting_themes(event: Event, item: Item) -> tuple[str, ...]:
    """The themes of a meeting: its visit's, else those its parties share."""
    if item.visit is not None and item.visit.themes:
        return item.visit.themes
    sets = []
    for party in item.parties:
        try:  # a party is an organization, or a person (brokerage): their organization
            org = party if party in {o.id for o in event.organizations} else None
            sets.append(set(event.organization(org or event.person(party).organization).themes))
        except KeyError:
            continue
    common = set.intersection(*sets) if len(sets) > 1 else set()
    return tuple(sorted(common))


def _utilization(event: Event, meetings: list[Item], lang: str) -> list[tuple[str, float]]:
    t = translator(lang)
    if event.brokerage is not None:
        capacity = event.brokerage.tables * len(event.brokerage.slots())
        used = sum(1 for m in meetings if m.table is not None)
        return [(t.gettext("Tables × slots"), used / capacity if capacity else 0.0)]
    out = []
    for leg in event.legs:
        for day in leg.days():
            window = leg.local_datetime(day, leg.day_end) - leg.local_datetime(day, leg.day_start)
            busy = sum((m.end - m.start for m in meetings if m.day == day), timedelta())
            if busy:
                label = f"{t.format_date(day, 'EEE d MMM')} ({labels.city_label(leg.city, lang)})"
                out.append((label, min(1.0, busy / window)))
    return out


def _per_time_slot(event: Event, meetings: list[Item], lang: str) -> list[tuple[str, list[str]]]:
    """The ids of a day's ``meetings`` per time slot (:attr:`Figures.per_time_slot`): a
    brokerage event's slots of that day by their start and end, in time order with the
    empty ones; a meeting off its slots (or of an event without any) by its start time."""
    if not meetings:
        return []
    t = translator(lang)
    zone, day = meetings[0].start.tzinfo, meetings[0].day
    slots: dict[datetime, datetime] = {}  # the day's slots: start to end, local times
    if event.brokerage is not None:
        for slot in event.brokerage.slots():
            start = slot.start.astimezone(zone)
            if start.date() == day:
                slots[start] = slot.end.astimezone(zone)
    found: dict[datetime, list[str]] = {start: [] for start in slots}
    for m in meetings:
        held_in = [start for start, end in slots.items() if start <= m.start < end]
        found.setdefault(held_in[0] if held_in else m.start, []).append(m.id)
    out = []
    for start in sorted(found):
        end = slots.get(start)
        label = t.format_time(start)
        out.append((f"{label}–{t.format_time(end)}" if end else label, found[start]))
    return out


def is_brokerage(event: Event) -> bool:
    """True for a brokerage event (1:1 meetings at tables), not a delegation's mission."""
    return event.brokerage is not None or event.kind is EventKind.BROKERAGE


def report_heading(event: Event, lang: str) -> str:
    """The report's name: a mission report, or an event report for a brokerage event."""
    t = translator(lang)
    return t.gettext("Event report") if is_brokerage(event) else t.gettext("Mission report")


def compute_figures(event: Event, schedule: Schedule, lang: str) -> Figures:
    """Every figure of the report, in ``lang`` (labels) for ``schedule``."""
    items = timeline(event, schedule)
    meetings = _meetings(items)
    # at a brokerage event everyone at the tables takes part, not only one side's people
    delegates = list(event.people) if is_brokerage(event) else event.delegates()
    per_person = Counter(a for m in meetings for a in m.attendees)
    theme_counts: Counter[str] = Counter()
    for m in meetings:
        for theme in meeting_themes(event, m):
            theme_counts[labels.theme_label(theme, lang)] += 1
    kinds = Counter(k for m in meetings for k in dict.fromkeys(_host_kinds(event, m, lang)))
    t = translator(lang)
    city_day: Counter[str] = Counter()
    for m in meetings:
        leg = event.leg_on(m.day)
        city = labels.city_label(leg.city, lang) if leg else ""
        city_day[f"{t.format_date(m.day, 'EEE d MMM')} ({city})"] += 1
    travel = sum(m.travel_minutes_before for m in meetings)
    terms = schedule.provenance.objective
    waiting = tuple(
        Measure(t.gettext(words), terms[code], minutes)
        for code, (words, minutes) in WAITING_TERMS.items()
        if code in terms
    )
    accepted = sum(1 for r in event.requests if r.status is RequestStatus.ACCEPTED)
    order = {m.id: n for n, m in enumerate(meetings)}
    # the outcomes of this schedule's meetings only: one recorded for a meeting it does not
    # place (another version's, a request left unplaced) is counted by no figure, so that
    # the outcomes, the follow-ups and "Held" all count the same meetings
    outcomes = [o for o in event.outcomes if o.assignment in order]
    outcome_kinds = Counter(labels.outcome_label(o.kind, lang) for o in outcomes)
    recorded = {o.assignment for o in outcomes}
    unrecorded = sum(1 for m in meetings if m.id not in recorded)
    outcome_rows = outcome_kinds.most_common()
    if outcomes and unrecorded:
        outcome_rows.append((t.gettext("not recorded yet"), unrecorded))
    follow = Counter(
        labels.follow_up_label(o.follow_up, lang)
        for o in outcomes
        if o.follow_up is not FollowUp.NONE
    )
    chosen = sorted(
        (o for o in outcomes if o.follow_up is not FollowUp.NONE),
        key=lambda o: order[o.assignment],
    )
    titles = labels.item_titles(event, [o.assignment for o in chosen], lang)
    agreed = tuple(
        Agreed(
            titles[o.assignment],
            labels.follow_up_label(o.follow_up, lang),
            o.notes,
            _owner(event, o.owner, lang),
        )
        for o in chosen
    )
    held_ids = {o.assignment for o in outcomes if o.kind is OutcomeKind.HELD}
    missed = recorded - held_ids  # recorded, and never as held: nobody was met
    # one city on one day: its one bar says nothing, the day's slots do
    slots = _per_time_slot(event, meetings, lang) if len(city_day) == 1 else []
    return Figures(
        participants=len(delegates),
        organizations=len({p.organization for p in delegates}),
        hosts=len(hosts_met(event, [m for m in meetings if m.id not in missed])),
        meetings=len(meetings),
        requested=len(event.requests) + len(event.visits),
        accepted=accepted + len(event.visits),
        held=len(held_ids) if outcomes else None,
        per_participant=tuple((labels.person_name(p, lang), per_person[p.id]) for p in delegates),
        per_theme=tuple(theme_counts.most_common()),
        per_org_kind=tuple(kinds.most_common()),
        per_city_day=tuple(city_day.items()),
        per_time_slot=tuple((name, len(ids)) for name, ids in slots),
        slot_use=tuple(_utilization(event, meetings, lang)),
        travel_minutes=travel,
        waiting=waiting,
        outcomes=tuple(outcome_rows),
        follow_ups=tuple(follow.most_common()),
        agreed=agreed,
        brokerage=is_brokerage(event),
        time_slot_outcomes=tuple(
            (len(held_ids.intersection(ids)), len(missed.intersection(ids))) for _, ids in slots
        )
        if outcomes
        else (),
    )


@dataclass(frozen=True)
class Chart:
    """A titled chart (one SVG drawing per part, each fitting a page) and its numbers."""

    title: str
    svgs: tuple[str, ...]
    rows: tuple[tuple[str, str], ...]
    key: str = "chart"
    """The chart's name in addresses (``participants``, ``themes`` …), the same in every
    language; its parts are :attr:`part_names`."""

    @property
    def part_names(self) -> tuple[str, ...]:
        """A name for each drawing of the chart: ``participants-1``, ``participants-2`` …"""
        return tuple(f"{self.key}-{n}" for n in range(1, len(self.svgs) + 1))

    @property
    def image_svgs(self) -> tuple[str, ...]:
        """Each drawing as an image (for ``<img>``: a ``data:`` URI in a standalone file,
        its own address on the web): the same vector drawing, with each label as one path
        rather than one reference per glyph, so that WeasyPrint need not compute a CSS style
        for each of its thousands of elements (see ``charts.text_as_paths``), and without
        the bulk it needs not to show the same (``charts.trimmed``: half the bytes)."""
        from liqa.core.outputs.charts import text_as_paths, trimmed

        return tuple(trimmed(text_as_paths(svg)) for svg in self.svgs)

    @property
    def image_sizes(self) -> tuple[tuple[int, int], ...]:
        """Each drawing's width and height in CSS pixels (``charts.pixel_size``): the
        ``<img>`` holds its place before the image comes (no layout shift)."""
        from liqa.core.outputs.charts import pixel_size

        return tuple(pixel_size(svg) for svg in self.svgs)

    @property
    def image_uris(self) -> tuple[str, ...]:
        """The drawings as ``data:`` URIs for ``<img>`` (the PDF and standalone HTML)."""
        return tuple(
            "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode()
            for svg in self.image_svgs
        )


def charts(figures: Figures, lang: str) -> list[Chart]:
    """The report's charts (skipping empty ones)."""
    # matplotlib is imported when the first chart is drawn (most of a second), not with
    # the other outputs, which can be written (and their PDFs started) before it.
    from liqa.core.outputs.charts import FIRST_PAGE_HEIGHT, bar_charts, value_texts

    t = translator(lang)
    specs: list[tuple[str, str, tuple[tuple[str, float], ...], bool]] = [
        ("participants", t.gettext("Meetings per participant"), figures.per_participant, False),
        ("themes", t.gettext("Meetings per theme"), figures.per_theme, False),
        (
            "host-kinds",
            t.gettext("Meetings per type of host organization"),
            figures.per_org_kind,
            False,
        ),
        # one city and day (a brokerage day) is one bar: the meetings per time slot instead
        *(
            [("time-slots", t.gettext("Meetings per time slot"), figures.per_time_slot, False)]
            if figures.per_time_slot
            else [
                ("city-days", t.gettext("Meetings per city and day"), figures.per_city_day, False)
            ]
        ),
        (
            "time-use",
            t.gettext("Use of the tables")
            if figures.brokerage
            else t.gettext("Use of the programme time"),
            figures.slot_use,
            True,
        ),
    ]
    out: list[Chart] = []
    for key, title, data, percent in specs:
        if not data:
            continue
        names = [name for name, _ in data]
        values = [value for _, value in data]
        shown = value_texts(values, percent, lang)  # the chart's labels: the table's words
        rows, split = shown, None
        if key == "time-slots" and figures.time_slot_outcomes:
            # once outcomes are recorded: each slot's meetings held, not held, not recorded
            split = _outcome_split(figures.time_slot_outcomes, lang)
            rows = [
                t.gettext("%(scheduled)s (held: %(held)s; not held: %(missed)s)")
                % {
                    "scheduled": count,
                    "held": t.format_number(held),
                    "missed": t.format_number(missed),
                }
                for count, held, missed in zip(shown, split.held, split.missed, strict=True)
            ]
        # the first chart starts on page 1, under the title and the key figures
        first_height = None if out else FIRST_PAGE_HEIGHT
        out.append(
            Chart(
                title,
                bar_charts(
                    names,
                    values,
                    title,
                    percent,
                    t.direction == "rtl",
                    first_height,
                    shown,
                    split,
                ),
                tuple(zip(names, rows, strict=True)),
                key,
            )
        )
    return out


def _outcome_split(outcomes: tuple[tuple[int, int], ...], lang: str) -> Split:
    """Each time slot's meetings held and not held, and the key's names of the parts."""
    from liqa.core.outputs.charts import Split

    t = translator(lang)
    return Split(
        [held for held, _ in outcomes],
        [missed for _, missed in outcomes],
        (
            labels.outcome_label(OutcomeKind.HELD, lang),
            t.gettext("not held (no-show, cancelled)"),
            t.gettext("not recorded yet"),
        ),
    )


def not_placed(event: Event, schedule: Schedule, lang: str) -> tuple[LeftOut, ...]:
    """What ``schedule`` could not place, as the report lists it in ``lang``: each meeting
    by its parties (a visit by its host), its reason in words and the explanation, which
    names the people and the meetings in its way (an explanation stored with ids reads
    their names, :func:`~liqa.core.scheduling.reasons.with_names`), Arabic names for an
    Arabic reader. Empty when everything was placed."""
    if not schedule.unplaced:
        return ()
    gettext = translator(lang).gettext
    titles = labels.item_titles(event, (u.id for u in schedule.unplaced), lang)
    names = detail_names(event)
    return tuple(
        LeftOut(
            titles[u.id],
            translated(reason_words(u.reason), gettext),
            translated(with_names(u.detail, names), gettext, lang),
        )
        for u in schedule.unplaced
    )


def report_context(
    event: Event,
    schedule: Schedule,
    lang: str,
    draw: Callable[[Figures, str], list[Chart]] = charts,
) -> dict[str, object]:
    """Template variables of ``report.html``; ``draw`` draws the charts of the figures
    (a caller may keep drawings it has made: the same figures make the same drawings)."""
    figures = compute_figures(event, schedule, lang)
    return {
        "title": pick(event.title, lang),
        "heading": report_heading(event, lang),
        "brokerage": is_brokerage(event),
        "figures": figures,
        "charts": draw(figures, lang),
        "not_placed": not_placed(event, schedule, lang),
        "event": event,
        "dates": labels.date_range(event.start, event.end, lang),
        "version": schedule.version,
    }
