"""Rows to model records: venues, organizations and people (requests: ``meeting_requests``).

Each function reads every row, reports every problem it finds (several per row if need
be) and returns only the records of rows without problems; the caller refuses to write
anything when the report is not empty, so no row is ever silently dropped.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import PurePath

from liqa.core.missionfile.values import ValueProblem, parse_timezone
from liqa.core.model import Gender, Leg, Organization, OrgKind, Person, Side, Venue
from liqa.core.problems import Message
from liqa.core.spreadsheets import cells, words
from liqa.core.spreadsheets.availability import availability
from liqa.core.spreadsheets.cells import Cell, CellError, text
from liqa.core.spreadsheets.context import Context
from liqa.core.spreadsheets.ids import Directory
from liqa.core.spreadsheets.rows import Report, Row

ORG_NAMES = ("id", "name", "short_name", "name_ar", "name_fr")
"""Cells a reference to an organization may give (see :func:`directory_of`)."""
PERSON_NAMES = ("id", "email", "name", "name_ar")
"""Cells a reference to a person may give (see :func:`directory_of`)."""
VENUE_NAMES = ("id", "name", "name_fr", "name_ar")
"""Cells a reference to a venue may give (see :func:`venue_directory`)."""
EMAIL = re.compile(r"[^@\s,;<>()\[\]\"]+@[^@\s,;<>()\[\]\"]+\.[^@\s,;<>()\[\]\".]+")
"""A plausible e-mail address: one ``@``, a dot in the domain, no spaces, commas,
semicolons, brackets or quotes (``jane@example,org`` and two addresses in one cell are
typing mistakes to report, not addresses to invite)."""


def organizations(rows: list[Row], ctx: Context, default_side: Side | None) -> list[Organization]:
    """Organizations from rows of the organizations table."""
    report, out = ctx.report, []
    org_ids = ctx.ids.assign(rows, "", ("short_name", "name"), "org-", report)
    for row, org_id in zip(rows, org_ids, strict=True):
        before = len(report.problems)
        if not row.has("name") and "name" in row.headers:
            report.add(
                row,
                "name",
                Message("the organization has no name"),
                Message("fill in the name"),
                code="missing_value",
            )
        side = report.cell(row, "side", lambda v: cells.choice(v, words.SIDES, "side"))
        if side is None and not row.has("side"):
            side = default_side
            if side is None:
                report.add(
                    row,
                    "side",
                    Message("no side given"),
                    Message("write delegation, host or both"),
                    code="missing_value",
                )
        kind = report.cell(row, "kind", lambda v: cells.choice(v, words.KINDS, "kind"))
        venue = _venue_of(row, ctx)
        fictional = report.cell(row, "fictional", cells.flag)
        if org_id is None or side is None or len(report.problems) > before:
            ctx.reject(org_id or "", *(text(row.cells.get(k)) for k in ORG_NAMES))
            continue
        out.append(
            Organization(
                id=org_id,
                name=text(row.cells.get("name")),
                side=side,
                kind=kind or OrgKind.COMPANY,
                name_ar=text(row.cells.get("name_ar")),
                name_fr=text(row.cells.get("name_fr")),
                short_name=text(row.cells.get("short_name")),
                sector=text(row.cells.get("sector")),
                country=text(row.cells.get("country")),
                themes=cells.split_list(row.cells.get("themes")),
                offers=row.texts.get("offers", {}),
                seeks=row.texts.get("seeks", {}),
                description=row.texts.get("description", {}),
                venue=venue,
                website=text(row.cells.get("website")),
                fictional=bool(fictional),
            )
        )
    return out


def _venue_of(row: Row, ctx: Context) -> str | None:
    """The id of the venue an organization row names (its id or one of its names), or
    ``None`` when the cell is empty or names no venue (reported)."""
    reference = text(row.cells.get("venue"))
    if not reference:
        return None
    venue_id, candidates = ctx.venues.find(reference)
    if venue_id is not None or ctx.was_rejected(reference):
        return venue_id  # a rejected venue row is reported already
    if candidates:
        ctx.report.add(
            row,
            "venue",
            Message(
                "{org_ref!r} could mean {value}", org_ref=reference, value=", ".join(candidates)
            ),
            Message("write the venue's id"),
            code="ambiguous_reference",
        )
        return None
    ctx.report.add(
        row,
        "venue",
        Message("unknown venue {venue!r}", venue=reference),
        Message(
            "{suggestion}write the id of a venue of the venues table (or of the base "
            "mission), or add the venue there",
            suggestion=ctx.venues.suggest(reference),
        ),
        code="unknown_reference",
    )
    return None


def venues(rows: list[Row], ctx: Context) -> list[Venue]:
    """Venues from rows of the venues table; a venue with no time zone written takes that
    of the event's leg in its city."""
    report, out = ctx.report, list[Venue]()
    venue_ids = ctx.ids.assign(rows, "v-", ("name",), "v-", report)
    for row, venue_id in zip(rows, venue_ids, strict=True):
        before = len(report.problems)
        if not row.has("name") and "name" in row.headers:
            report.add(
                row,
                "name",
                Message("the venue has no name"),
                Message("fill in the name"),
                code="missing_value",
            )
        city = text(row.cells.get("city"))
        if not city and "city" in row.headers:
            report.add(
                row,
                "city",
                Message("the venue has no city"),
                Message("fill in the city"),
                code="missing_value",
            )
        zone = report.cell(row, "timezone", _timezone)
        if zone is None and not row.has("timezone") and city:
            zone = _leg_zone(city, ctx.legs)
            if zone is None:
                report.add(
                    row,
                    "timezone",
                    Message("no time zone given, and no leg of the event is in {city}", city=city),
                    Message("write the IANA time zone, such as Africa/Casablanca"),
                    code="missing_value",
                )
        latitude = report.cell(row, "latitude", lambda v: cells.coordinate(v, 90))
        longitude = report.cell(row, "longitude", lambda v: cells.coordinate(v, 180))
        if row.has("latitude") != row.has("longitude"):
            report.add(
                row,
                "longitude" if row.has("latitude") else "latitude",
                Message("a latitude without a longitude, or a longitude without a latitude"),
                Message(
                    "give both coordinates of the venue (they place it on the map and "
                    "measure travel times), or neither"
                ),
                code="missing_value",
            )
        fictional = report.cell(row, "fictional", cells.flag)
        if venue_id is None or zone is None or len(report.problems) > before:
            ctx.reject(venue_id or "", *(text(row.cells.get(k)) for k in VENUE_NAMES))
            continue
        out.append(
            Venue(
                id=venue_id,
                name=text(row.cells.get("name")),
                city=city,
                timezone=zone,
                address=text(row.cells.get("address")),
                latitude=latitude,
                longitude=longitude,
                name_ar=text(row.cells.get("name_ar")),
                fictional=bool(fictional),
                name_fr=text(row.cells.get("name_fr")),
            )
        )
    return out


def venue_directory(found: Sequence[Venue]) -> Directory:
    """A directory of venues: id, name, French and Arabic names."""
    directory = Directory()
    for venue in found:
        directory.add(venue.id, venue.name, venue.name_fr, venue.name_ar)
    return directory


def _timezone(value: Cell) -> str:
    """An IANA time zone name (``Africa/Casablanca``)."""
    name = text(value)
    try:
        parse_timezone(name)
    except ValueProblem as exc:
        raise CellError(exc.message, exc.hint) from exc
    return name


def _leg_zone(city: str, legs: Sequence[Leg]) -> str | None:
    """The time zone of the event's leg in ``city`` (one zone, else ``None``)."""
    zones = {leg.timezone for leg in legs if cells.fold(leg.city) == cells.fold(city)}
    return zones.pop() if len(zones) == 1 else None


def _full_name(row: Row, keys: frozenset[str]) -> str:
    if "first_name" not in keys:
        return text(row.cells.get("name"))
    last = text(row.cells.get("last_name" if "last_name" in keys else "name"))
    full = " ".join(part for part in (text(row.cells.get("first_name")), last) if part)
    return text(row.cells.get("name")) if "last_name" in keys and row.has("name") else full


def people(
    rows: list[Row],
    keys: frozenset[str],
    ctx: Context,
    orgs: Directory,
    new_org: Side | None,
    kept: Sequence[Person] = (),
) -> tuple[list[Person], list[Organization]]:
    """People from rows of the people table; organizations they name are looked up in
    ``orgs``, or created (on side ``new_org``) when no organizations table exists.
    ``kept``: the event's people the rows do not replace stay (an update): a row of
    another id may not take the address of one of them."""
    report, out, created = ctx.report, list[Person](), list[Organization]()
    names = [_full_name(row, keys) for row in rows]
    for row, name in zip(rows, names, strict=True):
        row.cells["name"] = name
    person_ids = ctx.ids.assign(rows, "p-", ("name",), "p-", report)
    addresses: dict[str, Row] = {}
    staying: dict[str, Person] = {}
    for person in kept:  # the first person of an address (an older event may have two)
        if person.email and person.id not in person_ids:
            staying.setdefault(person.email.strip().lower(), person)
    for row, person_id in zip(rows, person_ids, strict=True):
        before = len(report.problems)
        _check_email(row, report, addresses, staying)
        if not row.has("name") and ("name" in row.headers or "first_name" in row.headers):
            report.add(
                row,
                "name",
                Message("the person has no name"),
                Message("fill in the name"),
                code="missing_value",
            )
        org_id = _organization_of(row, ctx, orgs, new_org, created)
        languages = report.cell(row, "languages", _languages)
        gender = report.cell(row, "gender", _gender)
        table = report.cell(row, "table", lambda v: _table_number(v, ctx.tables))
        windows = availability(row, ctx, ctx.places.meeting(org_id))
        fictional = report.cell(row, "fictional", cells.flag)
        if person_id is None or org_id is None or windows is None or len(report.problems) > before:
            ctx.reject(person_id or "", *(text(row.cells.get(k)) for k in PERSON_NAMES))
            continue
        out.append(
            Person(
                id=person_id,
                name=text(row.cells.get("name")),
                organization=org_id,
                role=text(row.cells.get("role")),
                name_ar=text(row.cells.get("name_ar")),
                gender=gender,
                languages=languages or (),
                email=text(row.cells.get("email")),
                phone=text(row.cells.get("phone")),
                themes=cells.split_list(row.cells.get("themes")),
                availability=windows,
                table=table,
                fictional=bool(fictional),
            )
        )
    return out, created


def _check_email(
    row: Row, report: Report, addresses: dict[str, Row], staying: Mapping[str, Person]
) -> None:
    """Report a person row's e-mail address that is not one, or that an earlier row of the
    people tables already gives (a row typed twice: two people under one address would
    share one account, and removing either would take the other's access along), or that
    a person of the event the rows leave in place has (``staying``, by address in lower
    case: the registration list uploaded again without ids, as an update, would add
    everyone a second time and move each account to the copy, away from its meetings).
    ``addresses``: the rows seen so far by address (lower case), added to."""
    email = text(row.cells.get("email"))
    if not email:
        return
    if not EMAIL.fullmatch(email):
        report.add(
            row,
            "email",
            Message("{email!r} is not an e-mail address", email=email),
            Message("write one address per person, such as name@example.org"),
            code="bad_format",
        )
        return
    owner = staying.get(email.lower())
    if owner is not None:
        report.add(
            row,
            "email",
            Message(
                "e-mail address {email!r} is already {name}'s, a person of the event ({key})",
                email=email,
                name=owner.name,
                key=owner.id,
            ),
            Message(
                "to change that person, write {key} in the id column; else delete the row",
                key=owner.id,
            ),
            code="duplicate_email",
        )
        return
    first = addresses.setdefault(email.lower(), row)
    if first is row:
        return
    where = (
        Message("row {row} of sheet {sheet!r}", row=first.number, sheet=first.sheet)
        if first.sheet
        else Message("row {row}", row=first.number)
    )
    if first.file != row.file:
        where = Message("{where} in {file}", where=where, file=PurePath(first.file).name)
    report.add(
        row,
        "email",
        Message(
            "e-mail address {email!r} is already given to {name} on {where}",
            email=email,
            name=text(first.cells.get("name")),
            where=where,
        ),
        Message("delete the repeated row, or give each person their own address"),
        code="duplicate_email",
    )


def _gender(value: Cell) -> Gender:
    """A person's gender: female or male (F/M, femme/homme, Mme/M., أنثى/ذكر...)."""
    try:
        return cells.choice(value, words.GENDERS, "gender")
    except CellError as exc:
        raise CellError(
            exc.message,
            Message(
                "write female or male (F/M, femme/homme, أنثى/ذكر), or leave it empty;"
                " it makes the person's title agree in French and Arabic"
            ),
        ) from exc


def _organization_of(
    row: Row, ctx: Context, orgs: Directory, new_org: Side | None, created: list[Organization]
) -> str | None:
    """The id of the person's organization, found or (when allowed) created; else None."""
    org_ref, report = text(row.cells.get("organization")), ctx.report
    if not org_ref:
        if "organization" in row.headers:  # else the missing column is reported once
            report.add(
                row,
                "organization",
                Message("no organization given"),
                Message("write the organization's id or name"),
                code="missing_value",
            )
        return None
    org_id, candidates = orgs.find(org_ref)
    if org_id is None and candidates:
        report.add(
            row,
            "organization",
            Message("{org_ref!r} could mean {value}", org_ref=org_ref, value=", ".join(candidates)),
            Message("write the organization's id"),
            code="ambiguous_reference",
        )
    elif org_id is None and new_org is not None:
        org_id = ctx.ids.assign([_name_row(row, org_ref)], "", ("name",), "org-", report)[0]
        if org_id is not None:
            created.append(Organization(id=org_id, name=org_ref, side=new_org))
            orgs.add(org_id, org_ref)
    elif org_id is None and ctx.was_rejected(org_ref):
        report.unchecked.append(row)  # its own row is reported already
    elif org_id is None:
        report.add(
            row,
            "organization",
            Message("unknown organization {org_ref!r}", org_ref=org_ref),
            Message(
                "{suggestion}add it to the organizations table, or fix the spelling",
                suggestion=orgs.suggest(org_ref),
            ),
            code="unknown_reference",
        )
    return org_id


def _name_row(row: Row, name: str) -> Row:
    return Row(row.file, row.sheet, row.number, {"name": name}, {}, row.headers)


def _languages(value: Cell) -> tuple[str, ...]:
    out: list[str] = []
    for item in cells.split_list(value):
        code = words.LANGUAGE_NAMES.get(cells.fold(item))
        if code is None and re.fullmatch(r"[a-z]{2,3}", item.lower()):
            code = item.lower()
        if code is None:
            raise CellError(
                Message("{item!r} is not a language", item=item),
                Message("write ar, fr, en (or Arabic, French)"),
            )
        out.append(code)
    return tuple(out)


def directory_of(orgs: Sequence[Organization], persons: Sequence[Person]) -> Directory:
    """A directory of organizations (id, name, short name, Arabic and French names) and people
    (id, e-mail, name, Arabic name)."""
    found = Directory()
    for org in orgs:
        found.add(org.id, org.name, org.short_name, org.name_ar, org.name_fr)
    for person in persons:
        found.add(person.id, person.email, person.name, person.name_ar)
        found.add_words(person.id, person.name, person.name_ar)
    return found


def _table_number(value: Cell, tables: int | None) -> int:
    number = cells.integer(value)
    if number < 1 or (tables is not None and number > tables):
        raise CellError(
            Message("table {number} does not exist", number=number),
            (
                Message("tables are numbered from 1 to {tables}", tables=tables)
                if tables
                else Message("tables are numbered from 1")
            ),
        )
    return number
