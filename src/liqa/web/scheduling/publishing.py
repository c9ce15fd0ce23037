"""Publishing: freeze a version, compare it with the previous one, tell only those affected.

The comparison is the core's per-person :func:`agenda_diff` (:func:`version_diff`): everyone
whose agenda changed, the attendees of what was added, moved (time, place, host, subgroup or
table) or removed, and a host's staff for the visits to their organization; a published
version never changes afterwards (pins and re-plans make new drafts).

Whose agenda changed, and what, is stored on the version in the save that publishes
(``ScheduleVersion.affected``, :func:`recorded_changes`), with or without e-mails, with the
organization each of them belonged to then (:func:`recorded_organizations`): the published
page and *Send again* describe the publication as it was, whoever joins the event, leaves
it or moves to another organization since. Who is told is recorded as one
:class:`Notification` per affected person, written with the publication; the e-mails go
after it is committed, each one's outcome (sent, or the mail backend's error) stored on
its record, so the published page can say who was e-mailed, who has no address, whose
message failed and whose was not delivered because e-mail is not set up on the server (a
backend that prints or drops messages, :mod:`liqa.web.delivery`), and :func:`send_again`
retries those not delivered. Once a batch went, :data:`liqa.web.delivery.e_mailed` gives
its counts (:func:`delivery`) to the history.
Rows are locked only to claim messages (``sending_since``), never while the mail host is
talked to: a slow host holds no row, and two clicks on *Send again* send once.
"""

from __future__ import annotations

import logging
import smtplib
from datetime import UTC, datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.outputs.agenda import Entry, build_agenda
from liqa.core.outputs.agenda_changes import agenda_diff
from liqa.core.outputs.labels import colon
from liqa.core.outputs.settings import OutputSettings
from liqa.core.scheduling.itinerary import MemberChange
from liqa.web.accounts.models import Membership, Role
from liqa.web.delivery import NOT_DELIVERING as NOT_DELIVERING  # where older code finds them
from liqa.web.delivery import ONE_MESSAGE, Tally, deliver, e_mailed
from liqa.web.delivery import mail_delivers as mail_delivers
from liqa.web.delivery import tally as _tally
from liqa.web.events.records import event_record
from liqa.web.logfilters import redact
from liqa.web.scheduling.models import Notification, ScheduleVersion
from liqa.web.scheduling.models.notifications import CLAIM_EXPIRES
from liqa.web.scheduling.records import schedule_record
from liqa.web.scheduling.services import ImmutableVersion, required_left_out

logger = logging.getLogger(__name__)


def _nothing(event: str) -> core.Schedule:
    """The empty schedule a first publication is compared with."""
    return core.Schedule(event, 0, (), core.Provenance("none", datetime(1970, 1, 1, tzinfo=UTC)))


def publish(version: ScheduleVersion, *, notify: bool = True) -> dict[str, MemberChange]:
    """Publish a draft; e-mail each affected participant their changes; return them by person.

    ``notify=False`` publishes silently (the demo). With ``notify`` the publication and one
    :class:`Notification` per affected person are committed together, then the e-mails
    are sent: a mail server that refuses or is down leaves the version published and the
    failures recorded (:func:`send_again`), never an error for the organizer. Call it
    outside any other transaction (the view and the demo do), so that "after the
    publication" means "after it was committed".
    """
    if version.published:
        raise ImmutableVersion(f"version {version.number} is already published")
    with transaction.atomic():
        old, new = compared(version)
        event = event_record(version.event)
        affected = version_diff(event, old, new)
        version.published_at = timezone.now()
        version.notified = notify
        version.affected = _stored(affected, event)
        version.missing_required = required_left_out(event, new)
        # one save: once published_at is stored the version is immutable
        version.save(update_fields=["published_at", "notified", "affected", "missing_required"])
        if notify:
            _record_recipients(version, affected)
    if notify:
        _send(version, list(version.notifications.all()), (event, affected, old, new))
        e_mailed.send(ScheduleVersion, version=version, before=None, after=delivery(version))
    return affected


def send_again(version: ScheduleVersion) -> list[Notification]:
    """E-mail again the affected participants whose message was not sent (the mail backend
    refused it, or it was never tried), at the address they have now (the organizer may
    have corrected it, or given one to someone who had none); return the records tried,
    updated. Those already e-mailed are left alone, and so are those still without an
    address, and those another request is sending now.

    Each gets the changes recorded at publication (:func:`recorded_changes`); for a version
    published before they were recorded, the two stored versions compared again, and a
    person recorded as affected whose changes now come out empty (a host's staff member
    who has left that organization since) still gets a message: their agenda was updated,
    with the link to it.

    The database is locked only to claim the messages (:func:`_claim`); they are sent
    after that commit, each outcome stored as it comes, so a slow mail host holds no row
    and a second click finds them claimed instead of sending them twice."""
    if not version.published or not version.notified:
        return []
    before = delivery(version)
    claimed = _claim(version)
    if claimed:
        try:
            old, new = compared(version)
            event = event_record(version.event)
            affected = recorded_changes(version)
            if affected is None:  # published before the changes were recorded
                affected = version_diff(event, old, new)
            _send(version, claimed, (event, affected, old, new))
        finally:
            _release(claimed)
        e_mailed.send(ScheduleVersion, version=version, before=before, after=delivery(version))
    return claimed


def delivery(version: ScheduleVersion) -> Tally:
    """What the e-mails about publishing ``version`` came to, from its
    :class:`Notification` records: how many people they concern, how many were sent, not
    delivered because e-mail is not set up, failed, had no address or were not tried yet."""
    rows = version.notifications.values_list("email", "sent_at", "error")
    return _tally([(email, sent_at is not None, error) for email, sent_at, error in rows])


NOTHING_SENT = ("silent", "busy", "done")
"""Why *Send again* sent nothing: the version was published without e-mails; another
request is sending the messages left; or none is left to send."""


def nothing_sent(version: ScheduleVersion) -> str:
    """Why :func:`send_again` found nothing to send for ``version`` (one of
    :data:`NOTHING_SENT`), read after it returned: another organizer's click, or a double
    click, may have sent or claimed the messages meanwhile."""
    if not version.published or not version.notified:
        return "silent"
    sending = version.notifications.filter(
        sent_at__isnull=True, sending_since__gte=timezone.now() - CLAIM_EXPIRES
    ).exclude(email="")
    return "busy" if sending.exists() else "done"


def _claim(version: ScheduleVersion) -> list[Notification]:
    """In one short transaction: the version's unsent messages that no live request is
    sending, each given the address its person has now and marked as being sent."""
    now = timezone.now()
    with transaction.atomic():
        # rows another request is claiming at this instant are skipped (PostgreSQL)
        rows = version.notifications.select_for_update(skip_locked=True).filter(
            Q(sending_since__isnull=True) | Q(sending_since__lt=now - CLAIM_EXPIRES),
            sent_at__isnull=True,
        )
        unsent = list(rows)
        address = addresses(version, [row.person for row in unsent])
        claimed = []
        for row in unsent:
            row.email = address.get(row.person, "")
            if row.email:
                row.sending_since = now
                row.save(update_fields=["email", "sending_since"])
                claimed.append(row)
    return claimed


def addresses(version: ScheduleVersion, people: list[str]) -> dict[str, str]:
    """The e-mail address of each person's participant account (people without one are
    left out)."""
    members = Membership.objects.filter(
        event=version.event, role=Role.PARTICIPANT, person__in=people
    ).select_related("user")
    address: dict[str, str] = {}
    for member in members.order_by("pk"):
        if member.user.email and member.person not in address:
            address[member.person] = member.user.email
    return address


def _record_recipients(version: ScheduleVersion, affected: dict[str, MemberChange]) -> None:
    """One record per affected person: the address of their participant account, or none."""
    address = addresses(version, list(affected))
    now = timezone.now()  # claimed for the sending that follows the commit
    Notification.objects.bulk_create(
        Notification(
            version=version,
            person=person,
            email=address.get(person, ""),
            sending_since=now if address.get(person) else None,
        )
        for person in affected
    )


def _stored(
    affected: dict[str, MemberChange], event: core.Event
) -> dict[str, dict[str, list[str] | str]]:
    """``affected`` as stored on the version (:attr:`ScheduleVersion.affected`), each person
    with the organization they belong to in ``event`` (as it is when publishing)."""
    organization = {p.id: p.organization for p in event.people}
    stored: dict[str, dict[str, list[str] | str]] = {}
    for person, change in sorted(affected.items()):
        stored[person] = {
            "added": list(change.added),
            "moved": list(change.moved),
            "removed": list(change.removed),
        }
        if organization.get(person):
            stored[person]["organization"] = organization[person]
    return stored


def recorded_changes(version: ScheduleVersion) -> dict[str, MemberChange] | None:
    """Whose agenda publishing ``version`` changed, and what, as recorded when it was
    published; ``None`` for a draft or a version published before it was recorded (a
    record of another shape, e.g. restored from a hand-edited archive, counts as none)."""
    stored = version.affected
    if not version.published or not isinstance(stored, dict):
        return None
    out: dict[str, MemberChange] = {}
    for person, change in sorted(stored.items()):
        if not isinstance(change, dict):
            return None
        parts = [change.get(k, []) for k in ("added", "moved", "removed")]
        if not all(isinstance(ids, list) for ids in parts):
            return None
        added, moved, removed = (tuple(str(i) for i in ids) for ids in parts)
        out[str(person)] = MemberChange(str(person), added=added, removed=removed, moved=moved)
    return out


def recorded_organizations(version: ScheduleVersion) -> dict[str, str]:
    """The organization of each person recorded as affected by publishing ``version``, as it
    was then (a person may have moved to another one since); none for the people of a
    version published before it was recorded."""
    stored = version.affected
    if not version.published or not isinstance(stored, dict):
        return {}
    return {
        str(person): change["organization"]
        for person, change in stored.items()
        if isinstance(change, dict) and isinstance(change.get("organization"), str)
    }


def published_before(version: ScheduleVersion) -> ScheduleVersion | None:
    """The version participants saw before ``version`` was published: the latest published
    one then (any published version while ``version`` is still a draft)."""
    earlier = ScheduleVersion.objects.filter(event=version.event, published_at__isnull=False)
    if version.published_at is not None:
        earlier = earlier.filter(published_at__lt=version.published_at)
    return earlier.exclude(pk=version.pk).order_by("-number").first()


def compared(version: ScheduleVersion) -> tuple[core.Schedule, core.Schedule]:
    """The two schedules publishing ``version`` compares: the one published before it (or
    nothing) and ``version`` itself. Both are stored and never change once published, so
    the comparison made again after publishing gives the same changes."""
    previous = published_before(version)
    new = schedule_record(version)
    old = schedule_record(previous) if previous is not None else _nothing(new.event)
    return old, new


def version_diff(
    event: core.Event, old: core.Schedule, new: core.Schedule
) -> dict[str, MemberChange]:
    """Per person whose agenda changed: the core's :func:`agenda_diff` (attendees, and a
    host's staff for the visits to their organization)."""
    return agenda_diff(event, old, new)


def _lines(
    event: core.Event, schedule: core.Schedule, person: str, ids: tuple[str, ...], lang: str
) -> list[str]:
    """Each changed item as the person's agenda shows it: day, time, zone, title, place.
    An item their agenda no longer shows (a host's staff member who left that organization
    since publishing, a person removed from the event) reads as the agenda of one of its
    parties shows it; the id only when no agenda has it."""
    if not ids:
        return []
    entries = _entries(event, schedule, person, lang)
    missing = [a for a in schedule.assignments if a.id in ids and a.id not in entries]
    for party in dict.fromkeys(p for a in missing for p in a.parties):
        entries = _entries(event, schedule, party, lang) | entries
    t = translator(lang)
    out = []
    for item in ids:
        entry = entries.get(item)
        if entry is None:
            out.append(item)
            continue
        when = f"{t.format_date(entry.start, 'medium')} {t.format_time(entry.start)} {entry.zone}"
        line = f"{when} · {entry.title}" + (f" · {entry.place}" if entry.place else "")
        if entry.table:
            line += " · " + t.gettext("Table %(number)s") % {"number": entry.table}
        out.append(line)
    return out


def _entries(
    event: core.Event, schedule: core.Schedule, subject: str, lang: str
) -> dict[str, Entry]:
    """The entries of ``subject``'s agenda (a person or an organization) by id; none when
    the event has no such subject (any more)."""
    try:
        agenda = build_agenda(event, schedule, subject, lang, OutputSettings(live_url_pattern=""))
    except KeyError:
        return {}
    return {e.id: e for day in agenda.days for e in day.entries}


def _send(
    version: ScheduleVersion,
    rows: list[Notification],
    changes: tuple[core.Event, dict[str, MemberChange], core.Schedule, core.Schedule],
) -> None:
    """E-mail each record's person their changes, one message at a time, storing each
    outcome: the time a delivering mail backend accepted it, or its error (logged, without
    the address: the log must not hold personal data); a backend that delivers nothing
    (e-mail not set up) leaves the message not sent, its error saying so, for *Send again*
    once e-mail is set up. Outside any transaction: each outcome
    is committed as it comes. The claims of the messages not reached (the mail host is
    down) are released, so that *Send again* sends them."""
    try:
        _send_each(version, rows, changes)
    finally:
        _release(rows)


def _release(rows: list[Notification]) -> None:
    """Clear the claims still held on ``rows`` (those whose outcome was not stored)."""
    ids = [row.pk for row in rows]
    Notification.objects.filter(pk__in=ids, sending_since__isnull=False).update(sending_since=None)


def changes_subject(event: core.Event, lang: str) -> str:
    """The "agenda changed" e-mail's subject in the active language, naming the event (its
    title in ``lang``, on one line): a participant of two events can tell which changed."""
    title = " ".join(core.pick(event.title, lang).split()) or event.id
    changed = _("Your agenda has changed")
    return f"{changed}{colon(lang)} {title}"


def _send_each(
    version: ScheduleVersion,
    rows: list[Notification],
    changes: tuple[core.Event, dict[str, MemberChange], core.Schedule, core.Schedule],
) -> None:
    event, affected, old, new = changes
    languages = dict(
        Membership.objects.filter(
            event=version.event, role=Role.PARTICIPANT, person__in=[r.person for r in rows]
        ).values_list("person", "language")
    )
    link = settings.BASE_URL + reverse("agendas:me", args=[version.event.slug])
    for row in rows:
        if not row.email:
            continue
        # recorded as affected at publication: told even when their changes cannot be
        # listed now (compared again for an older version, they may come out empty)
        change = affected.get(row.person) or MemberChange(row.person)
        lang = languages.get(row.person, "en")
        lines = {
            "added": _lines(event, new, row.person, change.added, lang),
            "moved": _lines(event, new, row.person, change.moved, lang),
            "removed": _lines(event, old, row.person, change.removed, lang),
        }
        with translation.override(lang):
            body = render_to_string(
                "scheduling/email_changes.txt",
                {"lines": lines, "link": link, "version": version},
            )
            subject = changes_subject(event, lang)
        try:
            not_set_up = deliver(subject, body, row.email)
        except (smtplib.SMTPException, OSError) as error:  # refused, or no server to talk to
            row.error = f"{type(error).__name__}: {error}"
            host_down = not isinstance(error, ONE_MESSAGE)
            logger.warning(
                "publishing %s v%s: the e-mail to person %s was not sent (%s)",
                version.event.slug,
                version.number,
                row.person,
                redact(row.error),
            )
        else:
            row.sent_at = None if not_set_up else timezone.now()
            row.error = not_set_up
            host_down = False
        row.sending_since = None
        row.save(update_fields=["email", "sent_at", "error", "sending_since"])
        if host_down:
            # the mail host is down, silent or refuses us: every other message would wait
            # for the same timeout; they stay "not sent yet", for Send again
            break
