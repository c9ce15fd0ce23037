"""Signal receivers that record every change to the audited models, whoever makes it.

Connected to the models rather than called by services, so a new write path cannot forget
them: ``pre_save`` reads the stored row, ``post_save`` records the fields that changed as
``[old, new]`` (or every field set, for a new row), ``post_delete`` records what was lost.
Writes that bypass signals are recorded as one entry per operation: organizations, people
and requests stored in bulk (mission or spreadsheet import) through ``parties_stored``,
and a new schedule version, when its transaction commits, with the assignments it holds.
Outcomes a mission import writes in bulk (``outcomes_stored``) are recorded one entry per
meeting whose outcome it adds, changes or drops, as a single change is.
Deleting an event records one entry with what it held, not one per row.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from functools import cache, partial
from typing import Any

from django.contrib.auth.models import User
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.utils import timezone

from liqa.core.outputs.timeline import is_meeting
from liqa.web.accounts.signals import host_role_changed
from liqa.web.audit.actor import current
from liqa.web.audit.models import Action, AuditEntry, AuditSubject
from liqa.web.delivery import Tally, e_mailed
from liqa.web.events.models import Booking, Event, MeetingRequest, Organization, Outcome, Person
from liqa.web.events.records import outcomes_stored, parties_stored
from liqa.web.scheduling.models import AssignmentRow, Run, ScheduleVersion
from liqa.web.scheduling.signals import invitations_sent

NOT_RECORDED = frozenset(
    {
        "id",
        "event",
        "position",
        "version",
        "request",
        "booked_by",
        "created_at",
        "recorded_at",
        "affected",
        "hand_moves",
        "missing_required",
    }
)
"""Fields never recorded: identity, parents (named by the entry's key), timestamps (an
outcome's ``recorded_at``: the entry's own time says when), and a version's ``affected``
(whose agenda its publication changed: derived from the two versions, and shown on its
published page; the trail records the publication itself) and its ``hand_moves`` (a count
of the moves the trail records one by one, as the assignments' changes), and its
``missing_required`` (derived at publication from the version and the event's visits)."""
SECRET = ("password", "secret", "digest", "token")
"""A field whose name contains one of these is never recorded."""


@dataclass(frozen=True)
class Spec:
    """How an audited model appears in the trail."""

    name: str
    key: Callable[[Any], str]
    event_id: Callable[[Any], int]
    subjects: Callable[[Any], Iterable[str]]
    """The people and organizations the row concerns (for the filter by person)."""


def _outcome_subjects(row: Outcome) -> tuple[str, ...]:
    """Whom an outcome concerns: its owner, and its meeting's parties and attendees as the
    latest published version places them (one query)."""
    placed = (
        AssignmentRow.objects.filter(
            version__event_id=row.event_id, version__published_at__isnull=False, key=row.assignment
        )
        .order_by("-version__number")
        .values_list("parties", "attendees")
        .first()
    )
    parties, attendees = placed if placed is not None else ([], [])
    return (row.owner, *parties, *attendees)


SPECS: dict[type[models.Model], Spec] = {
    Person: Spec(
        "person", lambda r: r.key, lambda r: r.event_id, lambda r: (r.key, r.organization)
    ),
    Organization: Spec("organization", lambda r: r.key, lambda r: r.event_id, lambda r: (r.key,)),
    MeetingRequest: Spec(
        "request",
        lambda r: r.key,
        lambda r: r.event_id,
        lambda r: (r.requester, r.target, *r.attendees),
    ),
    Booking: Spec(
        "booking",
        lambda r: r.request.key,
        lambda r: r.event_id,
        lambda r: (r.request.requester, r.request.target),
    ),
    ScheduleVersion: Spec("schedule", lambda r: f"v{r.number}", lambda r: r.event_id, lambda r: ()),
    AssignmentRow: Spec(
        "assignment",
        lambda r: f"v{r.version.number}/{r.key}",
        lambda r: r.version.event_id,
        lambda r: (*r.parties, *r.attendees),
    ),
    Outcome: Spec("outcome", lambda r: r.assignment, lambda r: r.event_id, _outcome_subjects),
}


def recorded_fields(model: type[models.Model]) -> list[str]:
    """The fields of ``model`` the trail records."""
    return [
        f.name
        for f in model._meta.concrete_fields
        if f.name not in NOT_RECORDED and not any(s in f.name for s in SECRET)
    ]


def plain(value: object) -> object:
    """A value as JSON: instants in UTC ISO 8601, dates ISO, tuples as lists."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _empty(value: object) -> bool:
    return value is None or value is False or value == "" or value == [] or value == {}


def _names(model: type[models.Model], update_fields: Iterable[str] | None) -> list[str]:
    names = recorded_fields(model)
    return names if update_fields is None else [n for n in names if n in set(update_fields)]


def _slug(event_id: int) -> str:
    return Event.objects.filter(pk=event_id).values_list("slug", flat=True).first() or ""


def record(
    slug: str,
    model: str,
    key: str,
    action: str,
    changes: dict[str, list[object]],
    subjects: Iterable[str] = (),
    actor: tuple[User | None, str] | None = None,
) -> None:
    """Write one entry with its subjects (by the current actor unless ``actor`` is given):
    one statement on PostgreSQL (a booking or a cancel writes one), two elsewhere."""
    user, name = actor if actor is not None else current()
    keys = list(dict.fromkeys(s for s in subjects if s))
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                _record_sql(),
                [
                    *(timezone.now(), slug, user.pk if user else None, name, model, key),
                    *(action, json.dumps(changes), keys),
                ],
            )
        return
    entry = AuditEntry.objects.create(
        event=slug, user=user, actor=name, model=model, key=key, action=action, changes=changes
    )
    AuditSubject.objects.bulk_create(AuditSubject(entry=entry, key=k) for k in keys)


@cache
def _record_sql() -> str:
    """PostgreSQL: insert an entry and its subjects (parameters: the entry's columns but
    ``id``, in :func:`record`'s order, then the subjects' keys as an array)."""
    quote = connection.ops.quote_name
    entries, subjects = AuditEntry._meta.db_table, AuditSubject._meta.db_table
    columns = ("at", "event", "user_id", "actor", "model", "key", "action", "changes")
    return (
        f"WITH entry AS (INSERT INTO {quote(entries)} ({', '.join(quote(c) for c in columns)})"
        f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s::jsonb) RETURNING id)"
        f" INSERT INTO {quote(subjects)} (entry_id, {quote('key')})"
        f" SELECT entry.id, k FROM entry, unnest(%s::text[]) AS k"
    )


def _row_slug(spec: Spec, row: models.Model) -> str:
    """The slug of the row's event: from the event the row already holds (a booking made or
    cancelled in a request holds the request's event), else read (one query)."""
    event_id = spec.event_id(row)
    field = next((f for f in row._meta.concrete_fields if f.name == "event"), None)
    if isinstance(field, models.ForeignKey) and field.is_cached(row):
        held = getattr(row, "event", None)
        if isinstance(held, Event) and held.pk == event_id and held.slug:
            return held.slug
    return _slug(event_id)


def _record_row(
    spec: Spec, row: models.Model, action: str, changes: dict[str, list[object]]
) -> None:
    slug = _row_slug(spec, row)
    record(slug, spec.name, spec.key(row), action, changes, spec.subjects(row))


def _before(
    sender: type[models.Model],
    instance: models.Model,
    raw: bool = False,
    using: str = "default",
    update_fields: Iterable[str] | None = None,
    **kwargs: object,
) -> None:
    """Keep the stored values of the fields about to be saved."""
    before = None
    if not raw and instance.pk is not None and not instance._state.adding:
        names = _names(sender, update_fields)
        row = sender._default_manager.using(using).filter(pk=instance.pk).values(*names).first()
        before = None if row is None else {n: plain(v) for n, v in row.items()}
    instance._audit_before = before  # type: ignore[attr-defined]


def _after(
    sender: type[models.Model],
    instance: models.Model,
    created: bool,
    raw: bool = False,
    update_fields: Iterable[str] | None = None,
    **kwargs: object,
) -> None:
    """Record a new row's fields, or the fields that changed."""
    if raw:
        return
    spec = SPECS[sender]
    now = {n: plain(getattr(instance, n)) for n in _names(sender, update_fields)}
    if created and sender is ScheduleVersion:
        transaction.on_commit(partial(_version_created, instance.pk, current()))
        return
    if created:
        _record_row(
            spec, instance, Action.CREATED, {n: [None, v] for n, v in now.items() if not _empty(v)}
        )
        return
    before: dict[str, object] = getattr(instance, "_audit_before", None) or {}
    changes = {n: [before[n], v] for n, v in now.items() if n in before and before[n] != v}
    if not changes:
        return
    published = sender is ScheduleVersion and changes.get("published_at", ["?"])[0] is None
    _record_row(spec, instance, Action.PUBLISHED if published else Action.CHANGED, changes)


def _version_created(pk: int, actor: tuple[User | None, str]) -> None:
    """One entry for a new version: how many meetings and visits it places, as the report
    counts them scheduled (:func:`liqa.core.outputs.timeline.is_meeting`: programme items
    and lunch breaks left out), how many of those are pinned, and its method. Entries
    recorded before counted every assignment, under ``assignments`` and ``pinned``."""
    version = ScheduleVersion.objects.filter(pk=pk).first()
    if version is None:
        return
    actor = _run_starter(pk) or actor
    rows = AssignmentRow.objects.filter(version=version).values_list("format", "pinned")
    meetings = [pinned for format, pinned in rows if is_meeting(format)]
    changes: dict[str, list[object]] = {
        "meetings": [None, len(meetings)],
        "pinned_meetings": [None, sum(meetings)],
        "method": [None, version.provenance.get("method", "")],
    }
    record(
        _slug(version.event_id),
        "schedule",
        f"v{version.number}",
        Action.CREATED,
        changes,
        actor=actor,
    )


def _run_starter(pk: int) -> tuple[User | None, str] | None:
    """Who started the run that made version ``pk``, as its entry names them: a worker
    stores a run's version with no one acting (``system``), for the organizer who asked.
    ``None`` for a version no signed-in user's run made."""
    run = Run.objects.filter(result_id=pk).select_related("created_by").first()
    user = run.created_by if run is not None else None
    return None if user is None else (user, user.get_username())


def _host_role_changed(
    sender: object, event: Event, organization: str, before: str, after: str, **_: object
) -> None:
    """A host administrator's role granted or withdrawn, on the organization."""
    changes: dict[str, list[object]] = {"host_administrator": [before, after]}
    record(event.slug, "organization", organization, "changed", changes, [organization])


def _e_mailed(
    sender: object,
    version: ScheduleVersion,
    before: Tally | None,
    after: Tally,
    **kwargs: object,
) -> None:
    """What the e-mails about a published version came to (``after``, a
    :class:`liqa.web.delivery.Tally`), in the history: the publication's own entry, recorded
    in the save that publishes, before any message went, says how many were delivered
    instead of only that they were to be sent; *Send again* (``before``: the tally it
    started from) records a change of the version, from that tally to the new one."""
    counts = after.as_json()
    slug = _slug(version.event_id)
    key = f"v{version.number}"
    if before is None:
        entry = (
            AuditEntry.objects.filter(
                event=slug, model="schedule", key=key, action=Action.PUBLISHED
            )
            .order_by("-at", "-id")
            .first()
        )
        if entry is not None and entry.changes.get("notified") == [None, True]:
            entry.changes["notified"] = [None, counts]
            entry.save(update_fields=["changes"])
            return
    old = before.as_json() if before is not None else None
    record(slug, "schedule", key, Action.CHANGED, {"notified": [old, counts]})


SENT = "sent"
"""The action of an entry for e-mails sent at the organizer's request (the invitations)."""


def _communique_before(
    sender: type[Event],
    instance: Event,
    raw: bool = False,
    using: str = "default",
    update_fields: Iterable[str] | None = None,
    **kwargs: object,
) -> None:
    """Keep the communiqué stored before a save that may change it."""
    before = None
    saved = update_fields is None or "communique" in set(update_fields)
    if not raw and saved and instance.pk is not None and not instance._state.adding:
        rows = Event.objects.using(using).filter(pk=instance.pk).values_list("communique")
        found = rows.first()
        stored = (found[0] or {}) if found is not None else None
        before = None if stored is None else {str(k): str(v) for k, v in stored.items() if v}
    instance._audit_communique = before  # type: ignore[attr-defined]


def _communique_after(
    sender: type[Event], instance: Event, created: bool, raw: bool = False, **kwargs: object
) -> None:
    """One entry when the public communiqué changes: ``published`` with its texts (each
    language's old and new), ``changed`` when every text is emptied (withdrawn)."""
    before = getattr(instance, "_audit_communique", None)
    if raw or created or before is None:
        return
    now = {str(lang): str(text) for lang, text in (instance.communique or {}).items() if text}
    if now == before:
        return
    action = Action.PUBLISHED if now else Action.CHANGED
    changes: dict[str, list[object]] = {"communique": [before or None, now or None]}
    record(instance.slug, "event", instance.slug, action, changes)


def _invited(sender: object, event: Event, invited: Tally, **kwargs: object) -> None:
    """One entry when the organizer e-mails every participant a sign-in link: what the
    invitations came to (``invited``, a :class:`liqa.web.delivery.Tally`: how many were
    delivered, of how many, and why the others were not)."""
    record(event.slug, "invitations", event.slug, SENT, {"sent": [None, invited.as_json()]})


def _inside(origin: object, model: type[models.Model]) -> bool:
    """True when a deletion started from a ``model`` row or query (a cascade from it)."""
    return isinstance(origin, model) or (
        isinstance(origin, models.QuerySet) and origin.model is model
    )


def _deleted(
    sender: type[models.Model], instance: models.Model, origin: object = None, **kwargs: object
) -> None:
    """Record what a deleted row held (not when its whole event or version is deleted)."""
    if _inside(origin, Event) or (sender is AssignmentRow and _inside(origin, ScheduleVersion)):
        return
    values = {n: plain(getattr(instance, n)) for n in recorded_fields(sender)}
    _record_row(
        SPECS[sender],
        instance,
        Action.DELETED,
        {n: [v, None] for n, v in values.items() if not _empty(v)},
    )


def _event_deleting(sender: type[Event], instance: Event, **kwargs: object) -> None:
    """Count what the event holds before the cascade deletes it."""
    instance._audit_counts = _counts(instance)  # type: ignore[attr-defined]


def _event_deleted(sender: type[Event], instance: Event, **kwargs: object) -> None:
    counts: dict[str, int] = getattr(instance, "_audit_counts", {})
    record(
        instance.slug,
        "event",
        instance.slug,
        Action.DELETED,
        {k: [n, None] for k, n in counts.items()},
    )


def _counts(event: Event) -> dict[str, int]:
    return {
        "organizations": Organization.objects.filter(event=event).count(),
        "people": Person.objects.filter(event=event).count(),
        "requests": MeetingRequest.objects.filter(event=event).count(),
        "bookings": Booking.objects.filter(event=event).count(),
        "versions": ScheduleVersion.objects.filter(event=event).count(),
    }


def _imported(
    sender: object,
    event: Event,
    before: dict[str, int] | None = None,
    changed: Iterable[str] = (),
    records: dict[str, dict[str, int]] | None = None,
    **kwargs: object,
) -> None:
    """One entry for organizations, people and requests stored in bulk: a new event's
    counts (from nothing); over an event's own records (``before``: their counts then;
    ``records``: per table, how many were added, removed and changed; ``changed``: tables
    touched otherwise), the count of each table that changed, from then to now, with
    ``records`` as ``records: [None, {table: {added, removed, changed}}]``, and no entry
    when nothing did."""
    counts = _counts(event)
    tables = ("organizations", "people", "requests")
    if before is None:
        changes: dict[str, list[object]] = {k: [None, counts[k]] for k in tables}
    else:
        tally = {k: n for k, n in (records or {}).items() if k in tables and any(n.values())}
        touched = set(changed) | set(tally)
        changes = {
            k: [before[k], counts[k]] for k in tables if k in touched or before[k] != counts[k]
        }
        if not changes:
            return
        if tally:
            changes["records"] = [None, tally]
    record(event.slug, "event", event.slug, Action.IMPORTED, changes)


def _outcomes_stored(
    sender: object, event: Event, before: Iterable[Outcome] = (), **kwargs: object
) -> None:
    """One entry per outcome an import added, changed or dropped (by its meeting), as a
    single save or delete records it; none for an outcome stored as it was. An import
    replaces the event's schedule versions, so the entry concerns the meeting's parties
    as its request names them, besides whom a published version places there."""
    names = recorded_fields(Outcome)
    parties = {
        key: (requester, target)
        for key, requester, target in MeetingRequest.objects.filter(event=event).values_list(
            "key", "requester", "target"
        )
    }

    def entry(row: Outcome, action: str, changes: dict[str, list[object]]) -> None:
        row.event_id = event.pk  # a dropped row's own event was deleted by the import
        subjects = (*_outcome_subjects(row), *parties.get(row.assignment, ()))
        record(event.slug, "outcome", row.assignment, action, changes, subjects)

    was = {row.assignment: row for row in before}
    for row in Outcome.objects.filter(event=event).order_by("position"):
        now = {n: plain(getattr(row, n)) for n in names}
        old = was.pop(row.assignment, None)
        if old is None:
            entry(row, Action.CREATED, {n: [None, v] for n, v in now.items() if not _empty(v)})
            continue
        then = {n: plain(getattr(old, n)) for n in names}
        changed = {n: [then[n], v] for n, v in now.items() if then[n] != v}
        if changed:
            entry(row, Action.CHANGED, changed)
    for old in was.values():
        values = {n: plain(getattr(old, n)) for n in names}
        entry(old, Action.DELETED, {n: [v, None] for n, v in values.items() if not _empty(v)})


for _model in SPECS:
    uid = f"audit-{_model._meta.label_lower}"
    pre_save.connect(_before, sender=_model, dispatch_uid=uid)
    post_save.connect(_after, sender=_model, dispatch_uid=uid)
    post_delete.connect(_deleted, sender=_model, dispatch_uid=uid)
pre_delete.connect(_event_deleting, sender=Event, dispatch_uid="audit-event")
pre_save.connect(_communique_before, sender=Event, dispatch_uid="audit-communique")
post_save.connect(_communique_after, sender=Event, dispatch_uid="audit-communique")
invitations_sent.connect(_invited, dispatch_uid="audit-invitations")
post_delete.connect(_event_deleted, sender=Event, dispatch_uid="audit-event")
parties_stored.connect(_imported, dispatch_uid="audit-parties")
outcomes_stored.connect(_outcomes_stored, dispatch_uid="audit-outcomes")
e_mailed.connect(_e_mailed, dispatch_uid="audit-e-mailed")
host_role_changed.connect(_host_role_changed, dispatch_uid="audit-host-role")
