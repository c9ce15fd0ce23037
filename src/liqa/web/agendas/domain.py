"""What a participant and a host administrator see, built by the core's outputs.

Only *published* versions are ever shown here (the latest, or all of them for calendars that
update): drafts stay with organizers.

Reading an event's rows into the core's records costs far more than building one agenda, so
the event's record (``records.event_record``) and the published versions' schedules are
kept per process, keyed by the database's own change stamp
(:func:`liqa.web.events.snapshots.data_stamp`, read together with the published versions:
:func:`~liqa.web.events.snapshots.event_state`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Hashable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from django.conf import settings

from liqa.core import model as core
from liqa.core.outputs.agenda import Agenda, Entry, build_agenda
from liqa.core.outputs.calendar import build_calendar
from liqa.core.outputs.labels import org_name, person_name, venue_name
from liqa.core.outputs.roles import person_role
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.timeline import subject, timeline
from liqa.web.agendas.models import HostConfirmation
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.events.snapshots import Snapshots, Stamp, State, event_state
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record

if TYPE_CHECKING:
    from liqa.core.matching import Party
    from liqa.core.matching.recommend import Matcher
    from liqa.core.matching.rules import MatchRules


@dataclass(frozen=True)
class Published:
    """An event with the schedule its participants may see."""

    event: core.Event
    schedule: core.Schedule


SCHEDULES = Snapshots(64)
"""Core schedules of published (immutable) versions by version id and the event's stamp."""
OUTPUTS = Snapshots(4096)
"""Agendas and .ics files by the event's stamp, versions, subject, language and base URL."""


def _schedule(version_id: int) -> core.Schedule:
    """A version's schedule record, read whole (two queries: the version, its assignments)."""
    return schedule_record(ScheduleVersion.objects.select_related("event").get(pk=version_id))


def _keyed(stamp: Stamp | None, *parts: Hashable) -> Stamp | None:
    return None if stamp is None else (*parts, *stamp)


def _kept_schedule(stamp: Stamp | None, version_id: int) -> core.Schedule:
    return SCHEDULES.get(_keyed(stamp, version_id), partial(_schedule, version_id))


def published(row: Event) -> Published | None:
    """The event and its latest published schedule, or ``None`` before any publication.

    Both records are kept per process for as long as the event's
    :func:`~liqa.web.events.snapshots.data_stamp` does not change (a published version
    never does), so a read costs a few small queries instead of reading every row.
    """
    state = event_state(row)
    if not state.published:
        return None
    return _published(row, state.published[-1], state.stamp)


def published_schedule(row: Event) -> core.Schedule | None:
    """The latest published schedule alone (no event record, so no bookings read), or
    ``None`` before any publication: one query once kept."""
    return kept_schedule(row)[0]


def kept_schedule(
    row: Event, state: State | None = None
) -> tuple[core.Schedule | None, Stamp | None]:
    """:func:`published_schedule` and the key it is kept under (``None``: not kept, so
    nothing may be kept by that key either); ``state``: the event's, when already read."""
    state = state or event_state(row)
    if not state.published:
        return None, None
    key = _keyed(state.stamp, state.published[-1])
    return _kept_schedule(state.stamp, state.published[-1]), key


def _published(row: Event, version_id: int, stamp: Stamp | None) -> Published:
    return Published(event_record(row, stamp), _kept_schedule(stamp, version_id))


def output_settings() -> OutputSettings:
    """Output settings of the web app: live agenda links point at this server."""
    return OutputSettings(live_url_pattern=settings.BASE_URL + "/me/{event}/", pdf=False, workers=1)


def agenda_of(row: Event, subject: str, lang: str) -> Agenda | None:
    """The published agenda of a person or organization in ``lang`` (``None`` if unpublished).

    Kept per process (:data:`OUTPUTS`) under the event's stamp, the version, the subject,
    the language and the base URL: everything it is made of.
    """
    return kept_agenda(row, subject, lang)[0]


def kept_agenda(
    row: Event, subject: str, lang: str, state: State | None = None
) -> tuple[Agenda | None, Stamp | None]:
    """:func:`agenda_of` and the key it is kept under (``None``: not kept, nothing may be
    kept by that key either); ``(None, None)`` before publication. ``state``: the event's
    (:func:`~liqa.web.events.snapshots.event_state`), when already read."""
    state = state or event_state(row)
    if not state.published:
        return None, None
    version = state.published[-1]

    def build() -> Agenda:
        found = _published(row, version, state.stamp)
        return build_agenda(found.event, found.schedule, subject, lang, output_settings())

    key = _keyed(state.stamp, "agenda", version, subject, lang, settings.BASE_URL)
    return OUTPUTS.get(key, build), key


def next_entry(agenda: Agenda, now: datetime) -> Entry | None:
    """The first entry that has not ended yet."""
    for day in agenda.days:
        for entry in day.entries:
            if entry.end > now:
                return entry
    return None


def host_view(row: Event, organization: str, lang: str) -> dict[str, Any]:
    """A host's page: their organization, staff, and who comes (from the published agenda)."""
    found = published(row)
    event = found.event if found is not None else event_record(row)
    org = event.organization(organization)
    agenda = (
        build_agenda(event, found.schedule, organization, lang, output_settings())
        if found is not None
        else None
    )
    staff = event.members(organization)
    venue = event.venue(org.venue) if org.venue else None
    return {
        "organization": org,
        "organization_name": org_name(org, lang),
        "staff": staff,
        "staff_names": {person.id: person_name(person, lang) for person in staff},
        "staff_roles": {person.id: person_role(person, lang) for person in staff},
        "agenda": agenda,
        "venue": venue,
        "venue_name": venue_name(venue, lang) if venue is not None else "",
    }


@dataclass(frozen=True)
class HostMeeting:
    """One published meeting or visit of a host, with who comes and whom the host confirmed."""

    id: str
    title: str
    start: datetime
    end: datetime
    place: str
    incoming: tuple[core.Person, ...]
    """Attendees from outside the host organization."""
    staff: tuple[str, ...]
    """The host's staff scheduled to attend (person keys)."""
    confirmed: tuple[str, ...] | None
    """The staff the host administrator confirmed, ``None`` before confirming."""


def host_meetings(row: Event, organization: str, lang: str) -> list[HostMeeting]:
    """The host's published meetings and visits in time order (empty before publication)."""
    found = published(row)
    if found is None:
        return []
    event = found.event
    agenda = build_agenda(event, found.schedule, organization, lang, output_settings())
    titles = {e.id: e for day in agenda.days for e in day.entries}
    host = subject(event, organization)
    people = {p.id: p for p in event.people}
    confirmed = {
        c.assignment: tuple(c.attendees)
        for c in HostConfirmation.objects.filter(event=row, organization=organization)
    }
    return [
        HostMeeting(
            id=item.id,
            title=titles[item.id].title,
            start=item.start,
            end=item.end,
            place=titles[item.id].place,
            incoming=tuple(
                people[p] for p in item.attendees if p in people and p not in host.attends
            ),
            staff=tuple(p for p in item.attendees if p in host.attends),
            confirmed=confirmed.get(item.id),
        )
        for item in timeline(event, found.schedule)
        if host.involved_in(item) and item.id in titles
    ]


def calendar_bytes(row: Event, subject: str, lang: str, state: State | None = None) -> bytes | None:
    """The subject's published calendar as .ics bytes (``None`` before publication).

    Built over every published version in turn, as the core updates a calendar file: each
    meeting keeps one UID, its ``SEQUENCE`` rises each time it changes, and a meeting that
    left the agenda stays as ``STATUS:CANCELLED`` so subscribed calendars drop it. Kept
    per process like the agenda (:data:`OUTPUTS`). ``state``: the event's, when already read.
    """
    state = state or event_state(row)
    if not state.published:
        return None
    key = _keyed(state.stamp, "ics", *state.published, subject, lang, settings.BASE_URL)
    return OUTPUTS.get(key, partial(_calendar, row, state.published, state.stamp, subject, lang))


def _calendar(
    row: Event, versions: tuple[int, ...], stamp: Stamp | None, subject: str, lang: str
) -> bytes | None:
    event, settings_ = event_record(row, stamp), output_settings()
    if subject not in {p.id for p in event.people} | {o.id for o in event.organizations}:
        return None  # removed from the event since
    data: bytes | None = None
    for version in versions:
        schedule = _kept_schedule(stamp, version)
        calendar = build_calendar(event, schedule, subject, lang, settings_, previous=data)
        data = calendar.to_ical()
    return data


@dataclass(frozen=True)
class Suggestion:
    """A recommended counterpart for the participant's organization, with its reasons."""

    organization: str
    name: str
    reasons: tuple[str, ...]
    standing: str = ""
    """``""`` when it may be asked; else the open request already between the reader (or
    their organization) and it: ``"accepted"``, ``"asked"`` (by the reader's side) or
    ``"asked_you"``."""


MATCHERS = Snapshots(8)
"""Recommendation matchers by the parties' profiles, the rules and the meaning signal."""


def _kept_matcher(parties: list[Party], rules: MatchRules, semantic: bool) -> Matcher:
    """The core's matcher of ``parties``, kept per process while their profiles, ``rules``
    and the use of the meaning signal stay the same: tagging every organization's profile
    is most of a requests page's time (7-16 s for the brokerage example's 91 organizations
    on a busy 2-core machine), yet profiles change far less often than the event's rows
    (every request sent or answered writes them)."""
    from liqa.core.matching import build_matcher
    from liqa.core.matching.scoring import MatchSettings
    from liqa.web.agendas import meaning

    profiles = hashlib.sha256(repr(parties).encode("utf-8")).hexdigest()
    return MATCHERS.get(
        (profiles, rules, semantic, str(settings.DATA_DIR)),
        lambda: build_matcher(
            parties,
            rules,
            None if semantic else MatchSettings(semantic_weight=0.0),
            embedder=meaning.embedder(),
        ),
    )


def suggestions(row: Event, person: str, lang: str, top: int = 5) -> list[Suggestion]:
    """The core matchmaker's best counterparts for the participant's organization."""
    from liqa.core.matching import event_parties, event_rules, recommend, render
    from liqa.web.agendas import meaning

    event = event_record(row)
    own = event.person(person).organization
    parties = event_parties(event)
    # The meaning signal once the profiles are embedded (started in the background here).
    matcher = _kept_matcher(parties, event_rules(event), meaning.ready(parties))
    names = {o.id: org_name(o, lang) for o in event.organizations}
    members = {p.id: p.organization for p in event.people}
    return [
        Suggestion(
            rec.candidate,
            names.get(rec.candidate, rec.candidate),
            tuple(render(reason, lang, matcher.thesaurus) for reason in rec.reasons),
            _standing(event.requests, person, rec.candidate, members),
        )
        for rec in recommend(matcher, own, top=top)
    ]


def _standing(
    requests: tuple[core.MeetingRequest, ...], person: str, other: str, members: dict[str, str]
) -> str:
    """How ``person`` (or their organization) and ``other`` already stand, as the workflow
    would judge a new request (:attr:`Suggestion.standing`)."""
    from liqa.core.matching.workflow import side, standing_request

    own = members.get(person, person)
    found = standing_request(requests, person, other, members)
    if found is None:
        return ""
    if found.status is core.RequestStatus.ACCEPTED:
        return "accepted"
    return "asked" if side(found.requester, members) == own else "asked_you"


def agenda_pdf(row: Event, subject: str, lang: str) -> bytes | None:
    """The subject's published agenda as a PDF (the core's template and renderer)."""
    from liqa.core.outputs.pdf import html_to_pdf
    from liqa.core.templating import render

    agenda = agenda_of(row, subject, lang)
    if agenda is None:
        return None
    return html_to_pdf(render("agenda.html", lang, inline_css="", agenda=agenda))
