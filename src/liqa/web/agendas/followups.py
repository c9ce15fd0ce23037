"""Follow-ups: the organizer's pipeline and the reminders e-mailed months after the event."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.outputs.communique import FOLLOW_UP_ORDER
from liqa.core.outputs.labels import display_names, item_titles
from liqa.core.outputs.timeline import zone_at
from liqa.web.accounts.models import Membership, Role
from liqa.web.agendas import domain, services
from liqa.web.agendas.models import ReminderSent
from liqa.web.events.models import Event
from liqa.web.events.records import outcome_record


@dataclass(frozen=True)
class PipelineRow:
    """One meeting of the published schedule and what came of it (if recorded)."""

    assignment: core.Assignment
    outcome: core.Outcome | None
    local_start: datetime | None = None
    """The start in the local time of where it happens (set by :func:`pipeline`)."""
    title: str = ""
    """What it is, by the names people know (its parties, or the visit's host)."""
    attendees: tuple[str, ...] = ()
    """The attendees' names (in the reader's script)."""
    owner: str = ""
    """The follow-up's owner by name (empty: none recorded)."""

    @property
    def started(self) -> bool:
        """Whether the meeting has started: only then can it be recorded as held or as a
        no-show (:class:`~liqa.web.agendas.services.NotYetHeld`)."""
        return self.assignment.start <= timezone.now()

    @property
    def owner_choices(self) -> tuple[tuple[str, str], ...]:
        """Whom the organizer may name the follow-up's owner: each attendee (either side)
        as ``(person id, name)``, in the meeting's order."""
        return tuple(zip(self.assignment.attendees, self.attendees, strict=True))


def pipeline(event: Event, lang: str = "en") -> list[PipelineRow]:
    """Every published meeting or visit (not programme items) with its outcome, named as
    read in ``lang``."""
    found = domain.published(event)
    if found is None:
        return []
    outcomes = {o.assignment: outcome_record(o) for o in event.outcomes.all()}
    record = found.event
    rows = [
        a
        for a in sorted(found.schedule.assignments, key=lambda a: (a.start, a.id))
        if a.format is not core.MeetingFormat.PROGRAMME_ITEM
    ]
    names = display_names(record, lang)
    titles = item_titles(record, [a.id for a in rows], lang)
    venues = {v.id: v for v in record.venues}
    return [
        PipelineRow(
            a,
            outcomes.get(a.id),
            a.start.astimezone(zone_at(record, a.start, venues.get(a.venue or ""))),
            titles[a.id],
            tuple(names.get(p, p) for p in a.attendees),
            _owner(outcomes.get(a.id), names),
        )
        for a in rows
    ]


TALLY_ORDER = (
    *(kind.value for kind in FOLLOW_UP_ORDER),
    core.FollowUp.NONE.value,
    core.OutcomeKind.NO_SHOW.value,
    core.OutcomeKind.CANCELLED.value,
    "unrecorded",
)
"""The order of the follow-ups page's tally: the weightiest follow-ups first (as the
communiqué names them), then the meetings held without one, those not held, and those
with no outcome yet."""


def tally(rows: list[PipelineRow]) -> dict[str, int]:
    """The follow-ups page's counts, in :data:`TALLY_ORDER`: a held meeting by its
    follow-up, a meeting not held by what happened (a no-show agrees no follow-up: its
    "none" is not counted among the held meetings' "none"), one without an outcome as
    ``unrecorded``."""
    counts: dict[str, int] = {}
    for row in rows:
        if row.outcome is None:
            key = "unrecorded"
        elif row.outcome.kind is core.OutcomeKind.HELD:
            key = row.outcome.follow_up.value
        else:
            key = row.outcome.kind.value
        counts[key] = counts.get(key, 0) + 1
    return {key: counts[key] for key in TALLY_ORDER if key in counts}


def _owner(outcome: core.Outcome | None, names: dict[str, str]) -> str:
    if outcome is None or not outcome.owner:
        return ""
    return names.get(outcome.owner, outcome.owner)


@dataclass(frozen=True)
class Typed:
    """An outcome as an organizer sent it from a row of the follow-ups page."""

    assignment: str
    kind: str
    follow_up: str
    notes: str
    owner: str | None = None
    """The follow-up's owner (a person id; ``""``: nobody); ``None``: not sent, the owner
    already recorded is kept."""


class OutcomeRefused(ValueError):
    """What the organizer sent cannot be recorded; the message says why, in words."""


def record_for_participants(event: Event, typed: Typed) -> core.Outcome:
    """Record (or correct) an outcome as the event's organizer, with the participant's
    own service and validation; the follow-up's owner is the attendee the organizer chose
    (none for ``""``), or the one already recorded when none was sent.

    Raises :class:`OutcomeRefused` for a meeting not in the published schedule, an
    outcome or follow-up not among the form's choices, or an owner who does not attend
    the meeting; nothing stored changes then.
    """
    try:
        return services.record_outcome(
            event,
            None,
            typed.assignment,
            typed.kind,
            typed.follow_up,
            typed.notes,
            owner=typed.owner,
        )
    except services.NotYourMeeting:
        raise OutcomeRefused(
            _("This meeting is not in the published schedule: nothing was saved.")
        ) from None
    except services.NotYetHeld:
        raise OutcomeRefused(str(services.NOT_YET_HELD)) from None
    except services.NotAnAttendee:
        raise OutcomeRefused(
            _(
                "Choose the follow-up's owner among the meeting's attendees in the Owner "
                "list: nothing was saved."
            )
        ) from None
    except ValueError:
        raise OutcomeRefused(
            _("Choose what happened and the follow-up from the lists: nothing was saved.")
        ) from None


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months (the 31st becomes the month's last day when needed)."""
    year, index = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, index + 1, min(day.day, calendar.monthrange(year, index + 1)[1]))


def open_meetings(event: Event, person: str, since: date) -> list[str]:
    """Meetings of ``person`` whose outcome is missing or not updated since ``since``."""
    rows = pipeline(event)
    return [
        row.assignment.id
        for row in rows
        if person in row.assignment.attendees
        and (
            row.outcome is None
            or row.outcome.recorded_at is None
            or row.outcome.recorded_at.date() < since
        )
    ]


def send_reminders(event: Event, today: date) -> int:
    """E-mail each participant whose outcomes are due, once per interval; returns the count.

    Intervals are ``LIQA_FOLLOW_UP_MONTHS`` after the event's last day.
    """
    end = domain.published(event)
    if end is None:
        return 0
    last_day = end.event.end
    sent = 0
    for months in settings.LIQA_FOLLOW_UP_MONTHS:
        due = add_months(last_day, months)
        if today < due:
            continue
        members = Membership.objects.filter(event=event, role=Role.PARTICIPANT).select_related(
            "user"
        )
        for member in members:
            if ReminderSent.objects.filter(event=event, person=member.person, months=months):
                continue
            pending = open_meetings(event, member.person, last_day)
            if not pending or not member.user.email:
                continue
            link = settings.BASE_URL + reverse("agendas:me", args=[event.slug])
            with translation.override(member.language):
                body = render_to_string(
                    "agendas/email_reminder.txt",
                    {"months": months, "meetings": pending, "link": link},
                )
                send_mail(_("How did your meetings go?"), body, None, [member.user.email])
            ReminderSent.objects.create(
                event=event, person=member.person, months=months, sent_at=timezone.now()
            )
            sent += 1
    return sent
