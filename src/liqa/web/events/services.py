"""Write operations on events: import a mission file, all or nothing."""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from django.conf import settings
from django.db import transaction
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core import spreadsheets
from liqa.core.missionfile.loading import parse_event
from liqa.core.problems import InputError, Message, Name, Names, Problem
from liqa.core.spreadsheets import Imported, Missing
from liqa.core.spreadsheets.merging import table_word
from liqa.web.events import forgotten_keys, replacing, signals, snapshots, text_limits
from liqa.web.events import models as rows
from liqa.web.events.editing.rows import organization_fields, person_fields, venue_fields
from liqa.web.events.locking import lock_event
from liqa.web.events.previews import HOST_SIDES, AccessLost, AccountChanges, HostWithdrawn
from liqa.web.events.records import (
    outcomes_stored,
    parties_stored,
    request_fields,
    store_event,
    stored_event,
)


def decode_upload(raw: bytes, filename: str) -> str:
    """An uploaded mission file's text; :class:`InputError` when it is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            [
                Problem(
                    filename,
                    _("the file is not UTF-8 text (byte 0x%(byte)02x at offset %(offset)d)")
                    % {"byte": raw[exc.start], "offset": exc.start},
                    hint=_("save the file as UTF-8, or upload the .yaml / .json mission file"),
                    line=raw[: exc.start].count(b"\n") + 1,
                    code="not_utf8",
                )
            ]
        ) from None


def check_upload_sizes(files: list[tuple[str, int]]) -> None:
    """:class:`InputError` naming every uploaded file above ``LIQA_MAX_UPLOAD_MB``."""
    limit = settings.LIQA_MAX_UPLOAD_BYTES
    megabytes = float(settings.LIQA_MAX_UPLOAD_MB)
    shown = number_format(megabytes, 0 if megabytes.is_integer() else 1)
    problems = [
        Problem(
            name,
            _("the file is %(size)s MB; at most %(limit)s MB is accepted")
            % {
                "size": number_format(size / 1024 / 1024, 1),
                "limit": shown,
            },
            hint=_("split it into smaller files, or remove unused sheets and pictures"),
            code="too_large",
        )
        for name, size in files
        if size > limit
    ]
    if problems:
        raise InputError(problems)


def _not_yours(filename: str, event_id: str) -> InputError:
    message = _("an event with id '%(id)s' already exists; only its organizers may replace it")
    return InputError(
        [
            Problem(
                filename,
                message % {"id": event_id},
                hint=_("change event.id in the file"),
                path="event.id",
                code="not_organizer",
            )
        ]
    )


def import_event(
    event: core.Event,
    *,
    filename: str,
    replace: bool = False,
    may_replace: Callable[[rows.Event], bool] | None = None,
    expected: dict[str, Any] | None = None,
    importer: int | None = None,
) -> rows.Event:
    """Store a core event; with ``replace``, an existing event of that id is replaced.

    ``may_replace`` says whether the importing user may replace that event (its
    organizers only, on the web). Runs in one transaction: every row is written, or none.
    A replacement keeps the roles the mission file does not manage (every organizer's, and
    each host administrator's whose host the file still has: :func:`mission_preview`'s
    rule); the others are withdrawn, a host administrator's in the history. The calendar
    feeds of the people the file still has are kept (``accounts.services.carry_feeds``), and
    so are the row's fields the file does not hold (:data:`EVENT_SETTINGS`: private stays
    private). The work done on the web is carried over to the new row wherever what it
    refers to is still in the file, and the rest dropped (:mod:`.replacing`: the apps
    holding it answer :data:`~liqa.web.events.signals.replacing` before the row is deleted,
    and write what they keep under the new row after it is stored). With
    ``expected`` (what a preview by ``importer`` showed: :meth:`MissionPreview.expected`),
    nothing is stored when the replacement would no longer do that (other accounts, host
    roles or counts of work), checked under the event's lock, in the same transaction.
    """
    before: list[rows.Outcome] = []
    outcomes = replacing.Outcomes()
    carried: list[replacing.Carried] = []
    with transaction.atomic():
        existing = rows.Event.objects.filter(slug=event.id).first()
        if existing is not None and may_replace is not None and not may_replace(existing):
            raise _not_yours(filename, event.id)
        if existing is not None:
            if not replace:
                raise InputError(
                    [
                        Problem(
                            filename,
                            _("an event with id '%(id)s' already exists") % {"id": event.id},
                            hint=_(
                                "change event.id in the file, or tick 'replace the existing event'"
                            ),
                            path="event.id",
                            code="duplicate_event",
                        )
                    ]
                )
            lock_event(existing)
            if expected is not None:
                check_mission_preview(existing, event, importer, expected, filename)
            before = list(existing.outcomes.all())  # the history says what each became
            held = parties_held(existing)
            stored = stored_event(existing)
            outcomes = replacing.outcomes(stored, event)  # the outcomes recorded on the web
            # deleted with the event: roles, calendar feeds and the work done on the web,
            # read by the apps holding them, which write back what they keep
            carried = replacing.carried(existing, event, importer, _party_names(stored))
            existing.delete()
        row = store_event(replacing.with_outcomes(event, outcomes), raw=existing is not None)
        if existing is not None:  # the history says what was there before, and what changed
            _carry_settings(existing, row)
            for answer in carried:
                answer.restore(row)
            parties_stored.send(
                sender=rows.Event,
                event=row,
                before={table: len(keyed) for table, keyed in held.items()},
                records=parties_changed(held, parties_held(row)),
            )
        outcomes_stored.send(sender=rows.Event, event=row, before=before)
        return row


EVENT_SETTINGS = ("public", "communique", "created_at")
"""The Event row's fields a mission file does not hold (as a backup's ``event.json``)."""


def _carry_settings(old: rows.Event, new: rows.Event) -> None:
    """Give the event stored again the settings of the row it replaces: a private event
    stays private, its published communiqué and its creation instant are kept."""
    values = {name: getattr(old, name) for name in EVENT_SETTINGS}
    rows.Event.objects.filter(pk=new.pk).update(**values)
    for name, value in values.items():
        setattr(new, name, value)


PARTIES = ("organizations", "people", "requests")
"""The tables whose records the history's import entry counts."""

Held = dict[str, dict[str, dict[str, Any]]]
"""Per table of :data:`PARTIES`, each stored record's values by key."""


def parties_held(row: rows.Event) -> Held:
    """The event's organizations, people and requests as stored: each record's values (its
    row's, but the row's own id, event and position) by key, to compare with later."""
    held: Held = {}
    for table in PARTIES:
        model = _MODELS[table][0]
        names = [
            f.attname
            for f in model._meta.concrete_fields
            if f.name not in ("id", "event", "position")
        ]
        found = model.objects.filter(event=row).values(*names)
        held[table] = {str(values["key"]): values for values in found}
    return held


def parties_changed(before: Held, after: Held) -> dict[str, dict[str, int]]:
    """Per table, how many records were added, removed and changed (a key in both with
    another value); a count of none is left out, and so is a table where nothing changed."""
    tally: dict[str, dict[str, int]] = {}
    for table in PARTIES:
        old, new = before.get(table, {}), after.get(table, {})
        counts = {
            "added": sum(1 for key in new if key not in old),
            "removed": sum(1 for key in old if key not in new),
            "changed": sum(1 for key, values in new.items() if key in old and old[key] != values),
        }
        counts = {name: count for name, count in counts.items() if count}
        if counts:
            tally[table] = counts
    return tally


def import_mission_file(
    raw: bytes,
    filename: str,
    *,
    replace: bool = False,
    may_replace: Callable[[rows.Event], bool] | None = None,
) -> rows.Event:
    """Validate a mission file with the core and store it; :class:`InputError` otherwise.

    Nothing is written when the file has any problem (see :func:`import_event`).
    """
    event = read_mission_file(raw, filename)
    return import_event(event, filename=filename, replace=replace, may_replace=may_replace)


def read_mission_file(raw: bytes, filename: str) -> core.Event:
    """A mission file read and checked by the core, storing nothing; :class:`InputError`
    with every problem otherwise."""
    text = decode_upload(raw, filename)
    event = parse_event(text, filename)
    too_long = text_limits.mission_problems(event, text, filename)
    if too_long:  # the database would refuse it (PostgreSQL) or keep it whole (SQLite)
        raise InputError(too_long)
    return event


@dataclass(frozen=True)
class Uploaded:
    """What an upload of spreadsheets stored, and what became of the records it left out."""

    imported: Imported
    removed: dict[str, tuple[Message, ...]]
    """Per table (organizations, people, requests), the records removed, by name and key."""
    kept: dict[str, int]
    """Per table, how many records the tables left out and the event keeps."""
    bookings_removed: tuple[Message, ...]
    """The booked meetings removed with their booking (key, who meets whom)."""
    totals: dict[str, int]
    """Per table, how many records the event had before."""
    hosts: tuple[HostWithdrawn, ...] = ()
    """The host administrator roles withdrawn with it (:func:`hosts_withdrawn`)."""

    def removed_notes(self) -> list[Message]:
        """What the upload removed, table by table, naming each record, then the bookings
        that went with their meetings."""
        notes = [
            Message(
                "the {table} table leaves out {count} of the event's {total} {table}: they are "
                "removed: {names}",
                table=table_word(table),
                count=len(names),
                total=self.totals[table],
                names=Names(names),
            )
            for table, names in self.removed.items()
        ]
        if self.bookings_removed:
            notes.append(
                Message(
                    "removed with their meeting, the bookings of {meetings}",
                    meetings=Names(self.bookings_removed),
                )
            )
        return notes

    def kept_notes(self) -> list[Message]:
        """How many records the tables left out and the event keeps, table by table."""
        return [
            Message(
                "the {table} table leaves out {count} of the event's {total} {table}: they are "
                "kept",
                table=table_word(table),
                count=count,
                total=self.totals[table],
            )
            for table, count in self.kept.items()
        ]


TABLES = ("organizations", "people", "requests", "venues")
NOT_TAKEN = {
    "outcomes": Message(
        "take this sheet or file out and upload again: outcomes are recorded on the "
        "event's follow-ups page, one meeting at a time, or with the whole mission file"
    )
}
"""The tables of a workbook the upload refuses, with where they are recorded instead (the
upload stores organizations, people, requests and venues only: an outcomes sheet, as
``liqa export`` writes it, was read and dropped)."""


@dataclass(frozen=True)
class Reading:
    """Spreadsheets read onto an event and checked, not stored yet."""

    row: rows.Event
    files: list[tuple[str, bytes]]
    missing: Missing
    stamp: snapshots.Stamp | None
    """The event's data stamp when it was read: storing refuses if it changed since."""
    base: core.Event
    imported: Imported
    tables: list[str]
    """The tables the upload writes, in order."""


def read_spreadsheets(
    row: rows.Event, files: list[tuple[str, bytes]], missing: Missing = Missing.REFUSE
) -> Reading:
    """Read organizers' spreadsheets onto the stored event, storing nothing.

    The core reports every wrong row (:class:`InputError`, file names as uploaded), the
    records the tables leave out as the organizer's ``missing`` choice says (refused by
    default), and the event's recorded outcomes keep the people and meetings they name.
    """
    stamp = snapshots.data_stamp(row)
    base = stored_event(row, stamp)  # the requests' own fixed starts, not their bookings
    with tempfile.TemporaryDirectory(prefix="liqa-upload-") as tmp:
        paths = []
        for name, data in files:
            path = Path(tmp) / Path(name).name
            path.write_bytes(data)
            paths.append(path)
        try:
            imported = spreadsheets.import_event(
                paths,
                dataclasses.replace(base, outcomes=()),  # judged below, in the event's words
                spreadsheets.ImportSettings(missing=missing, not_taken=NOT_TAKEN),
            )
        except InputError as error:
            # the files as uploaded: a problem of a table read from several files names
            # each of them ("people-1.csv, people-2.csv"), not the last path's name
            folder = f"{Path(tmp)}{os.sep}"
            raise InputError(
                [
                    _in_web_words(dataclasses.replace(p, file=p.file.replace(folder, "")))
                    for p in error.problems
                ]
            ) from None
    too_long = text_limits.sheet_problems(imported)
    if too_long:
        raise InputError(too_long)
    outcome_problems = _outcomes_kept(base, imported.event)
    if outcome_problems:
        raise InputError(outcome_problems)
    tables = [t for t in TABLES if t in imported.rows]
    if imported.created_organizations and "organizations" not in tables:
        tables.insert(0, "organizations")  # made from names in the people table
    return Reading(row, files, missing, stamp, base, imported, tables)


@dataclass(frozen=True)
class Preview:
    """What storing a reading would do, shown before anything is removed."""

    removed: dict[str, tuple[Message, ...]]
    """Per table with removals, the records removed, by name and key."""
    removed_keys: dict[str, list[str]]
    bookings: tuple[Message, ...]
    """The booked meetings removed with their booking."""
    booked_keys: list[str]
    accounts: AccountChanges
    """The sign-in accounts storing the files makes, gives access, keeps and withdraws."""
    hosts: tuple[HostWithdrawn, ...]
    """The host administrator roles withdrawn: their host removed or now on the delegation's
    side, or the person they were granted from removed, moved to another organization or
    given another address."""
    confirmations: int
    """Hosts' attendance confirmations changed or deleted (naming what is removed)."""
    added: dict[str, int]
    """Per table written, the rows adding a record."""
    updated: dict[str, int]
    """Per table written, the rows changing a record of the same id."""
    stamp: list[Any] | None

    @property
    def count(self) -> int:
        """How many organizations, people and requests would be removed."""
        return sum(len(keys) for keys in self.removed_keys.values())

    @property
    def held(self) -> bool:
        """Whether storing waits for the organizer to confirm: it removes records, or
        withdraws a host administrator role or any account's access to the event. An upload
        that only adds, changes and gives access is stored at once."""
        return bool(self.count or self.hosts or self.accounts.withdrawn)

    def expected(self) -> dict[str, Any]:
        """What confirming must find unchanged (kept with the staged files)."""
        return {
            "stamp": self.stamp,
            "removed": self.removed_keys,
            "booked": self.booked_keys,
            "hosts": _host_keys(self.hosts),
            "withdrawn": _lost_keys(self.accounts.lost),
        }


def _lost_keys(lost: tuple[AccessLost, ...]) -> list[int]:
    """The accounts losing access as a JSON value (staged with the files)."""
    return sorted(account.user for account in lost)


def _host_keys(hosts: tuple[HostWithdrawn, ...]) -> list[list[Any]]:
    """The roles as a JSON value (staged with the files), to compare with a later one."""
    return sorted([h.organization, h.user] for h in hosts)


def hosts_withdrawn(reading: Reading) -> tuple[HostWithdrawn, ...]:
    """The host administrator roles that storing ``reading`` takes away, as
    ``withdraw_host`` and ``withdraw_stale_hosts`` would after it
    (``accounts.services.host_role_lapses``): every administrator of a host organization
    the tables remove or put on the delegation's side, and each role granted from a person
    whom the tables remove, move to another organization or give another e-mail address."""
    return _accounts_after(reading)[1]


def _accounts_after(reading: Reading) -> tuple[AccountChanges, tuple[HostWithdrawn, ...]]:
    """What storing ``reading`` does to the accounts with access, as the app holding them
    answers :data:`~liqa.web.events.signals.accounts_previewed` (nothing without one)."""
    hosts, people = _parties_after(reading)
    answers = signals.accounts_previewed.send(
        sender=rows.Event,
        row=reading.row,
        hosts=hosts,
        people=people,
        names=_party_names(reading.base),
    )
    found = [answer for _receiver, answer in answers if answer is not None]
    none: tuple[AccountChanges, tuple[HostWithdrawn, ...]] = (AccountChanges(0, 0, 0, 0), ())
    return cast(tuple[AccountChanges, tuple[HostWithdrawn, ...]], found[0]) if found else none


def _parties_after(reading: Reading) -> tuple[set[str], dict[str, tuple[str, str]]]:
    """After storing ``reading``: the keys of the event's host organizations
    (:data:`~liqa.web.events.previews.HOST_SIDES`), and each person's organization and
    e-mail address (as written) by key; from the tables read, else as stored."""
    row, event = reading.row, reading.imported.event
    sides = HOST_SIDES
    if "organizations" in reading.tables:
        hosts = {o.id for o in event.organizations if o.side.value in sides}
    else:
        receiving = rows.Organization.objects.filter(event=row, side__in=sides)
        hosts = set(receiving.values_list("key", flat=True))
    if "people" in reading.tables:
        people = {p.id: (p.organization, p.email) for p in event.people}
    else:
        stored = rows.Person.objects.filter(event=row).values_list("key", "organization", "email")
        people = {key: (org, email) for key, org, email in stored}
    return hosts, people


def account_changes(reading: Reading) -> AccountChanges:
    """The sign-in accounts that storing ``reading`` and enrolling the event's people make,
    give access, keep and withdraw, by the rules that do it: a participant role lapses as
    ``enrol_everyone`` withdraws it (``participant_lapses``), a host administrator role as
    ``withdraw_stale_hosts`` does (``host_role_lapses``), an organizer's stays; each person
    with an address is then enrolled with the account of that address (the oldest, case
    aside, as ``user_for_email`` finds it), one made when none has it."""
    return _accounts_after(reading)[0]


@dataclass(frozen=True)
class MissionPreview:
    """What replacing a stored event by a mission file does to the accounts with access,
    and the work done on the web it deletes."""

    accounts: AccountChanges
    """The sign-in accounts it makes, gives access, keeps and withdraws."""
    hosts: tuple[HostWithdrawn, ...]
    """The host administrator roles it withdraws: of a host the file no longer has (or has
    on the delegation's side), or granted from a person it removes, moves or readdresses."""
    stamp: list[Any] | None
    """The stored event's data stamp (as JSON)."""
    work: replacing.Work = dataclasses.field(default_factory=replacing.Work)
    """The work done on the web the replacement drops: what refers to records the file no
    longer has (:mod:`.replacing`)."""
    kept: replacing.Work = dataclasses.field(default_factory=replacing.Work)
    """The work done on the web it carries over to the event stored again."""

    @property
    def held(self) -> bool:
        """Whether replacing waits for the organizer to confirm: it withdraws a host
        administrator role or any account's access to the event, or drops work done on
        the web (:attr:`work`); work carried over whole is no reason to wait."""
        return bool(self.hosts or self.accounts.withdrawn or self.work)

    def expected(self) -> dict[str, Any]:
        """What confirming must find unchanged (kept with the staged file)."""
        return {
            "kind": "mission",
            "stamp": self.stamp,
            "hosts": _host_keys(self.hosts),
            "withdrawn": _lost_keys(self.accounts.lost),
            "work": self.work.expected(),
        }


def mission_preview(row: rows.Event, event: core.Event, importer: int | None) -> MissionPreview:
    """What replacing the stored event ``row`` by the mission file's ``event`` does to the
    accounts, by the rule :func:`import_event` keeps roles with
    (``accounts.services.replacement_keeps``): organizer roles stay, a host administrator's
    stays while the file still has its host (and the person it was granted from, unmoved,
    at the same address), participant roles follow the file's people; the importing user
    (``importer``) organizes the new event and each of its people with an address is
    enrolled (``setup_imported_event``). And the work done on the web it keeps and drops:
    the outcomes (:func:`.replacing.outcomes`) and what the apps holding the rest answer
    (:data:`~liqa.web.events.signals.replacing`)."""
    stored = stored_event(row)
    carried = replacing.carried(row, event, importer, _party_names(stored))
    found = [answer.accounts for answer in carried if answer.accounts is not None]
    accounts, withdrawn = found[0] if found else (AccountChanges(0, 0, 0, 0), ())
    stamp = _stamp_json(snapshots.data_stamp(row))
    outcomes = replacing.outcomes(stored, event)
    dropped, kept = outcomes.dropped, outcomes.kept
    for answer in carried:
        dropped, kept = dropped + answer.dropped, kept + answer.kept
    return MissionPreview(accounts, withdrawn, stamp, dropped, kept)


def check_mission_preview(
    row: rows.Event, event: core.Event, importer: int | None, expected: dict[str, Any], name: str
) -> None:
    """:class:`InputError` (nothing stored) when replacing ``row`` by ``event`` would no
    longer do what the preview showed: the event was written since, or other accounts or
    host administrator roles would be withdrawn, or other work done on the web dropped (a
    preview staged before it counted that work showed none). :func:`import_event` calls it
    under the event's lock."""
    now = mission_preview(row, event, importer).expected()
    if "hosts" not in expected:  # staged before the preview named host roles
        now.pop("hosts")
    # staged before the preview counted that work (or a kind of it): it showed none
    expected = {**expected, "work": {**replacing.Work().expected(), **expected.get("work", {})}}
    if now != expected:
        raise _changed_since_preview([(name, b"")])


def preview_spreadsheets(reading: Reading) -> Preview:
    """What :func:`store_spreadsheets` would add, change and remove, reading the database
    only: the records the tables leave out, the bookings and accounts that go with them.
    :class:`InputError` when the event was written since it was read (the difference would
    name what was written meanwhile as removed)."""
    row = reading.row
    if reading.stamp is not None and snapshots.data_stamp(row) != reading.stamp:
        raise _changed_meanwhile(reading.files)
    removed, added, updated = {}, {}, {}
    for table in reading.tables:
        model, _fields = _MODELS[table]
        existing = list(model.objects.filter(event=row).values_list("key", flat=True))
        keys = [record.id for record in _records(reading.imported.event, table)]
        removed[table] = [key for key in existing if key not in set(keys)]
        added[table] = len(set(keys) - set(existing))
        updated[table] = len(keys) - added[table]
    removed = {table: keys for table, keys in removed.items() if keys}
    booked = list(
        rows.Booking.objects.filter(
            event=row, request__key__in=removed.get("requests", [])
        ).values_list("request__key", flat=True)
    )
    booked = [key for key in removed.get("requests", []) if key in booked]
    return Preview(
        {table: _named(reading.base, table, keys) for table, keys in removed.items()},
        removed,
        _named(reading.base, "requests", booked),
        booked,
        *_accounts_after(reading),
        forgotten_keys.confirmations_touched(
            row, removed.get("people", []), removed.get("organizations", [])
        ),
        added,
        updated,
        _stamp_json(reading.stamp),
    )


def _stamp_json(stamp: snapshots.Stamp | None) -> list[Any] | None:
    """The stamp as a JSON value (staged with the files), to compare with a later one."""
    return None if stamp is None else json.loads(json.dumps(list(stamp)))


def store_spreadsheets(reading: Reading, expected: dict[str, Any] | None = None) -> Uploaded:
    """Store a reading in one transaction, unless the event changed since it was read.

    With ``expected`` (what a preview showed: :meth:`Preview.expected`), nothing is stored
    either when the event changed since that preview or the removals would differ from it.
    Rows are changed in place, never deleted and made again, so a record that stays keeps
    its booking; what named a removed person or organization by key forgets it. The host
    administrator roles that lapse (:func:`hosts_withdrawn`) are withdrawn in the same
    transaction, each kept in the event's history as the hosts page's revocation is.
    """
    row, base, stamp = reading.row, reading.base, reading.stamp
    if expected is not None and expected.get("stamp") != _stamp_json(stamp):
        raise _changed_since_preview(reading.files)
    with transaction.atomic():
        lock_event(row)
        if stamp is not None and snapshots.data_stamp(row) != stamp:
            raise _changed_meanwhile(reading.files)
        if expected is None:
            hosts = hosts_withdrawn(reading)
        else:
            now = preview_spreadsheets(reading)
            hosts = now.hosts
            if (now.removed_keys, now.booked_keys, _host_keys(hosts)) != (
                expected["removed"],
                expected["booked"],
                expected.get("hosts", []),
            ):
                raise _changed_since_preview(reading.files)
            withdrawn = expected.get("withdrawn")  # absent from a preview staged before
            if withdrawn is not None and _lost_keys(now.accounts.lost) != withdrawn:
                raise _changed_since_preview(reading.files)
        booked = set(rows.Booking.objects.filter(event=row).values_list("request__key", flat=True))
        held = parties_held(row)
        removed = _store_tables(row, reading.imported.event, reading.tables)
        for table, keys in removed.items():
            forgotten_keys.forget(row, table, keys)
        if hosts:  # in the history, by the organizer confirming
            signals.host_roles_lapsed.send(sender=rows.Event, event=row, hosts=hosts)
        # the history says what changed: each table's count before and after, how many
        # records were added, removed and changed, and no entry when the upload changed
        # nothing (a workbook imported again as it was)
        parties_stored.send(
            sender=rows.Event,
            event=row,
            before={table: len(keyed) for table, keyed in held.items()},
            records=parties_changed(held, parties_held(row)),
        )
    if removed.get("people") or removed.get("organizations"):
        signals.parties_removed.send(sender=rows.Event, event=row, removed=removed)
    left_out = reading.imported.left_out
    return Uploaded(
        reading.imported,
        {table: _named(base, table, keys) for table, keys in removed.items() if keys},
        {t: len(keys) for t, keys in left_out.items()} if reading.missing is Missing.KEEP else {},
        _named(base, "requests", [key for key in removed.get("requests", ()) if key in booked]),
        {table: len(_records(base, table)) for table in TABLES},
        hosts,
    )


def import_spreadsheets(
    row: rows.Event, files: list[tuple[str, bytes]], missing: Missing = Missing.REFUSE
) -> Uploaded:
    """Change an event's organizations, people and requests from organizers' spreadsheets
    at once: :func:`read_spreadsheets`, then :func:`store_spreadsheets` (all or nothing).

    What becomes of the event's records a table leaves out is the organizer's ``missing``
    choice: refused (the default: one problem per table, nothing stored), kept, or removed
    (the web previews a removal first: :func:`preview_spreadsheets`).
    """
    return store_spreadsheets(read_spreadsheets(row, files, missing))


def _changed_since_preview(files: list[tuple[str, bytes]]) -> InputError:
    """The event was written (or a meeting booked) between the preview and its
    confirmation: what was previewed is no longer what storing would do."""
    return InputError(
        [
            Problem(
                ", ".join(Path(name).name for name, _data in files),
                _(
                    "the event changed since the preview (someone edited it or booked a "
                    "meeting meanwhile): nothing was stored"
                ),
                hint=_("upload the files again to preview what they change on the event as it is"),
                code="changed_since_preview",
            )
        ]
    )


def _changed_meanwhile(files: list[tuple[str, bytes]]) -> InputError:
    """The event was written while the files were read: storing them now could undo that
    change (or remove a record added meanwhile), so nothing is stored."""
    return InputError(
        [
            Problem(
                ", ".join(Path(name).name for name, _data in files),
                _("the event changed while the files were read (someone edited it meanwhile)"),
                hint=_("upload the files again: they will be read onto the event as it is now"),
                code="changed_meanwhile",
            )
        ]
    )


def _records(event: core.Event, table: str) -> tuple[Any, ...]:
    found: tuple[Any, ...] = getattr(event, table)
    return found


def _store_tables(row: rows.Event, event: core.Event, tables: list[str]) -> dict[str, list[str]]:
    """Write the records of ``tables`` in place: a row of the same key is changed (its
    booking, a foreign key to it, stays), a new key is added, a key no longer there is
    deleted (with what the database deletes with it). The keys deleted, per table (what
    changed is counted by :func:`parties_changed` for the history)."""
    removed: dict[str, list[str]] = {}
    for table in tables:
        model, fields_of = _MODELS[table]
        existing = {r.key: r for r in model.objects.filter(event=row)}
        records = _records(event, table)
        keys = {record.id for record in records}
        removed[table] = [key for key in existing if key not in keys]
        if removed[table]:
            for gone in model.objects.filter(event=row, key__in=removed[table]):
                gone.delete()  # one by one: the audit log records each
        changed, new, names = [], [], set[str]()
        for position, record in enumerate(records):
            fields = {k: v for k, v in fields_of(record).items() if k != "key"}
            names.update(fields)
            current = existing.get(record.id)
            if current is None:
                new.append(model(event=row, key=record.id, position=position, **fields))
                continue
            for name, value in fields.items():
                setattr(current, name, value)
            current.position = position
            changed.append(current)
        if changed:
            model.objects.bulk_update(changed, [*sorted(names), "position"], batch_size=500)
        model.objects.bulk_create(new, batch_size=500)
    return removed


_MODELS: dict[str, tuple[Any, Callable[[Any], dict[str, Any]]]] = {
    "organizations": (rows.Organization, organization_fields),
    "people": (rows.Person, person_fields),
    "requests": (rows.MeetingRequest, request_fields),
    "venues": (rows.Venue, venue_fields),
}


def _party_names(event: core.Event) -> dict[str, Name]:
    names = {o.id: Name(o.name, ar=o.name_ar, fr=o.name_fr) for o in event.organizations}
    names.update((p.id, Name(p.name, ar=p.name_ar)) for p in event.people)
    names.update((v.id, Name(v.name, ar=v.name_ar, fr=v.name_fr)) for v in event.venues)
    return names


def _named(event: core.Event, table: str, keys: list[str]) -> tuple[Message, ...]:
    """Each record as the organizer knows it: its name and key, a request by who meets whom."""
    names = _party_names(event)
    if table == "requests":
        by_key = {r.id: r for r in event.requests}
        return tuple(
            Message(
                "{key} ({requester} – {target})",
                key=key,
                requester=names.get(by_key[key].requester, by_key[key].requester),
                target=names.get(by_key[key].target, by_key[key].target),
            )
            for key in keys
            if key in by_key
        )
    return tuple(Message("{name} ({key})", name=names.get(key, key), key=key) for key in keys)


_KEEP_THEM = Message("Keep the records the tables leave out (update)")
"""The form's choice (the same msgid as its label), named in hints."""


def _in_web_words(problem: Problem) -> Problem:
    """A table leaving out the event's records, or removing records the event's other
    records name, said with the upload form's choice and the event (the core says it with
    ``liqa import``'s option and the base mission file)."""
    if not isinstance(problem.message, Message):
        return problem
    if problem.code == "unknown_reference" and problem.file == "the base mission":
        return _references_kept(problem, problem.message.params)
    if problem.code not in ("rows_left_out", "empty_table"):
        return problem
    params = problem.message.params
    if problem.code == "empty_table":
        return dataclasses.replace(
            problem,
            message=Message(
                "the table has no rows; leave it out to keep the event's {count} {table}",
                count=params["count"],
                table=params["table"],
            ),
            hint=Message("to remove them all, choose “Remove them (replace)” below"),
        )
    return dataclasses.replace(
        problem,
        message=Message(
            "the table leaves out {count} of the event's {total} {table}: {ids}",
            count=params["count"],
            total=params["total"],
            table=params["table"],
            ids=params["ids"],
        ),
        hint=Message(
            "choose “Keep the records the tables leave out (update)” below to keep them (the "
            "rows given then change the records of the same id or add new ones), or “Remove "
            "them (replace)” to remove them"
        ),
    )


def _references_kept(problem: Problem, params: dict[str, Any]) -> Problem:
    """Records the tables would remove while the event's other records (requests, visits,
    programme, subgroups) still name them."""
    section = str(params.get("section") or str(params.get("where", "")).split("[")[0])
    if "where" in params:
        message = Message(
            "{where} names {ref!r}, which the tables would remove",
            where=params["where"],
            ref=params["ref"],
        )
    else:
        message = Message(
            "{count} references of the event's {section} to what the tables would remove "
            "({examples})",
            count=params["count"],
            section=section,
            examples=params["examples"],
        )
    hint = (
        Message(
            "give the requests table too, without them; or keep what they name (leave it in "
            "the tables, or choose “{keep}”)",
            keep=_KEEP_THEM,
        )
        if section == "requests"
        else Message(
            "keep what they name (leave it in the tables, or choose “{keep}”), or change "
            "{section} on the event's pages first",
            keep=_KEEP_THEM,
            section=section,
        )
    )
    return dataclasses.replace(problem, file=_("the event"), message=message, hint=hint)


def _outcomes_kept(base: core.Event, event: core.Event) -> list[Problem]:
    """A recorded outcome keeps the meeting it is about and the person following it up:
    the outcome history is never lost to an upload. A problem for each one that the
    tables would take away."""
    people = {p.id for p in event.people}
    meetings = {r.id for r in event.requests} | {v.id for v in event.visits}
    meetings |= {item.id for item in event.programme}
    names = _party_names(base)
    where = _("recorded outcomes")
    problems = []
    for outcome in base.outcomes:
        meeting = (_named(base, "requests", [outcome.assignment]) or (outcome.assignment,))[0]
        if outcome.assignment not in meetings:
            problems.append(
                Problem(
                    where,
                    Message(
                        "{meeting} has a recorded outcome, which is kept: the meeting cannot "
                        "be removed",
                        meeting=meeting,
                    ),
                    Message(
                        "give its row in the requests table, or choose “Keep the records "
                        "the tables leave out (update)”"
                    ),
                    code="outcome_kept",
                )
            )
        if outcome.owner and outcome.owner not in people:
            problems.append(
                Problem(
                    where,
                    Message(
                        "{person} follows up the recorded outcome of {meeting}, which is kept: "
                        "they cannot be removed",
                        person=Message(
                            "{name} ({key})",
                            name=names.get(outcome.owner, outcome.owner),
                            key=outcome.owner,
                        ),
                        meeting=meeting,
                    ),
                    Message(
                        "give their row in the people table, or choose “Keep the records "
                        "the tables leave out (update)”"
                    ),
                    code="outcome_kept",
                )
            )
    return problems
