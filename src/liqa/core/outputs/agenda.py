"""Personal and organization agendas: what each participant holds, day by day, per leg."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from liqa.core.i18n import translator
from liqa.core.model import Event, EventKind, MeetingFormat, Person, Schedule, Side, pick
from liqa.core.outputs import labels
from liqa.core.outputs.qr import qr_data_uri
from liqa.core.outputs.roles import person_role
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.timeline import Item, Subject, subject, timeline


@dataclass(frozen=True)
class Attendee:
    """A person at a meeting, as printed: name, role and organization."""

    name: str
    role: str
    organization: str


@dataclass(frozen=True)
class SideView:
    """One side of a meeting: the organization(s) and the people who attend."""

    label: str
    organizations: tuple[str, ...]
    people: tuple[Attendee, ...]
    compact: bool = False
    """Names only, on one line (our own delegation needs no introduction)."""


@dataclass(frozen=True)
class Entry:
    """One agenda line: when, what, where, with whom, and how one gets there."""

    id: str
    kind: str
    """``meeting``, ``visit``, ``online`` or ``programme`` (a CSS class)."""
    title: str
    start: datetime
    end: datetime
    zone: str
    """The zone's short name at the place (``CST``; the city, ``Casablanca``, where the
    zone has no letters), shown next to every time (:func:`labels.zone_short`)."""
    place: str
    address: str
    table: int | None
    map_url: str
    sides: tuple[SideView, ...]
    topic: str
    themes: tuple[str, ...]
    travel_minutes: int
    travel_from: str
    end_zone: str = ""
    """The zone at the end, when it differs (a flight lands in another zone)."""
    zones: str = ""
    """The zone, or both for an item that ends in another zone (``CST → PST``), as one
    run in the reader's direction (:func:`labels.zone_span`): what the agendas print."""
    print_title: str = ""
    """The title with its names isolated (Unicode isolates) where they run against the
    language's direction, for the printed agenda and the calendar; empty when the same."""


@dataclass(frozen=True)
class Day:
    """One day of an agenda, under the city (leg) it happens in."""

    day: date
    city: str
    """The leg's city; on a travel day both, as an itinerary writes them ("Houston →
    Silicon Valley"), in the reader's direction."""
    zone_name: str
    """The day's zone, named in full ("Pacific Standard Time"); on a day whose entries start
    in one zone and end in another, both short names ("CST → PST", :func:`labels.zone_span`)."""
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class Agenda:
    """A whole agenda, ready for a template."""

    event_title: str
    subject_id: str
    name: str
    subtitle: str
    """The person's role and organization (an organization's name as entered), one line."""
    lang: str
    days: tuple[Day, ...]
    live_url: str
    qr_image: str
    version: int
    subtitle_parts: tuple[str, ...] = ()
    """The subtitle's parts (role, organization), each printed in its own direction."""

    @property
    def meeting_count(self) -> int:
        """Entries that are meetings or visits (not programme items)."""
        return sum(1 for d in self.days for e in d.entries if e.kind != "programme")


def _side_of(event: Event, org_id: str) -> Side:
    try:
        return event.organization(org_id).side
    except KeyError:
        return Side.DELEGATION


def _org_of(event: Event, party: str) -> str:
    orgs = {o.id for o in event.organizations}
    if party in orgs:
        return party
    try:
        return event.person(party).organization
    except KeyError:
        return party


def _sides(event: Event, item: Item, lang: str) -> tuple[SideView, ...]:
    """Who attends: the delegation as a compact list of names, hosts with role and org."""
    t = translator(lang)
    if item.format is MeetingFormat.PROGRAMME_ITEM:
        return ()
    people = {p.id: p for p in event.people}
    org_ids = {o.id for o in event.organizations}
    everyone = {p.id for p in event.delegates()}
    party_orgs = [o for o in (_org_of(event, p) for p in item.parties) if o in org_ids]
    attendee_orgs = [people[a].organization for a in item.attendees if a in people]
    host_orgs: list[str] = []
    delegation_orgs: list[str] = []
    for org_id in dict.fromkeys(attendee_orgs + party_orgs):
        if org_id in org_ids:
            target = host_orgs if _side_of(event, org_id) is Side.HOST else delegation_orgs
            target.append(org_id)
    present = [people[a] for a in item.attendees if a in people]
    views: list[SideView] = []
    delegates = [p for p in present if p.organization in delegation_orgs]
    # a brokerage event has participants at tables, not a travelling delegation: whoever
    # one meets there is introduced as a host is, with their organization and role
    brokerage = event.brokerage is not None or event.kind is EventKind.BROKERAGE
    if delegates and brokerage:
        views.append(_full_side(event, t.gettext("Participants"), delegation_orgs, delegates, lang))
    elif delegates:
        if len(delegates) > 1 and {p.id for p in delegates} == everyone:
            names: tuple[str, ...] = (t.gettext("the whole delegation"),)
        else:
            names = tuple(labels.person_name(p, lang) for p in delegates)
        attendees = tuple(Attendee(n, "", "") for n in names)
        views.append(SideView(t.gettext("Delegation"), (), attendees, True))
    if host_orgs:
        hosts = [p for p in present if p.organization in host_orgs]
        if not hosts:
            hosts = [p for o in host_orgs for p in event.members(o)]
        views.append(_full_side(event, t.gettext("Hosts"), host_orgs, hosts, lang))
    return tuple(views)


def _full_side(
    event: Event, label: str, org_ids: list[str], people: list[Person], lang: str
) -> SideView:
    """A side with its organizations, and each person with their role and organization."""
    return SideView(
        label=label,
        organizations=tuple(labels.org_name(event.organization(o), lang) for o in org_ids),
        people=tuple(
            Attendee(
                labels.person_name(p, lang),
                person_role(p, lang),
                labels.org_label(event.organization(p.organization), lang),
            )
            for p in people
        ),
        compact=False,
    )


def _end_zone(item: Item, lang: str) -> str:
    end = labels.zone_short(item.end, lang)
    return end if end != labels.zone_short(item.start, lang) else ""


def entry_title(
    event: Event, item: Item, who: Subject, lang: str, isolated: bool = False
) -> tuple[str, str]:
    """The kind (``programme``, ``visit``, ``online`` or ``meeting``) and the title of
    ``item`` as it reads on ``who``'s agenda in ``lang``: :class:`Entry`'s ``kind`` and
    ``title`` ("Meeting with CyberCorp", "Receiving the delegation"). With ``isolated``,
    each organization's name is isolated for bidirectional text, as ``print_title`` is."""
    t = translator(lang)
    if item.programme is not None:
        title = pick(item.programme.title, lang) or labels.programme_label(
            item.programme.kind, lang
        )
        return "programme", title
    if item.is_lunch:
        return "programme", t.gettext("Lunch")
    if item.format is MeetingFormat.PROGRAMME_ITEM:
        return "programme", labels.format_label(item.format, lang)
    others = [
        p
        for p in item.parties
        if p not in who.parties and p not in who.attends and _org_of(event, p) != who.organization
    ]
    if item.format is MeetingFormat.SITE_VISIT and not others:
        # the host's own agenda: the visit is theirs to receive ("Visit: <their own name>")
        return "visit", t.gettext("Receiving the delegation")
    names = []
    for party in others or list(item.parties):
        org_id = _org_of(event, party)
        try:
            names.append(labels.org_name(event.organization(org_id), lang))
        except KeyError:
            names.append(party)
    if isolated:
        # a Latin name in an Arabic title is isolated: "لقاء مع Duero GovTech S.L." printed
        # its final full stop on the left, at the start of the Arabic sentence
        names = [labels.isolate(name, lang) for name in names]
    who_text = t.format_list(dict.fromkeys(names)) if names else ""
    if item.format is MeetingFormat.SITE_VISIT:
        return "visit", t.gettext("Visit: %(host)s") % {"host": who_text}
    if item.format is MeetingFormat.ONLINE:
        return "online", t.gettext("Online meeting with %(who)s") % {"who": who_text}
    return "meeting", t.gettext("Meeting with %(who)s") % {"who": who_text}


def _topic_and_themes(event: Event, item: Item, lang: str) -> tuple[str, tuple[str, ...]]:
    if item.visit is not None:
        themes = item.visit.themes
        topic = pick(item.visit.topic, lang)
    else:
        topic = item.request.message if item.request is not None else ""
        orgs = [_org_of(event, p) for p in item.parties]
        sets = []
        for org_id in orgs:
            try:
                sets.append(set(event.organization(org_id).themes))
            except KeyError:
                continue
        common = set.intersection(*sets) if len(sets) > 1 else set()
        themes = tuple(t for t in event.themes if t in common) + tuple(
            sorted(common - set(event.themes))
        )
    return topic, tuple(labels.theme_label(t, lang) for t in themes)


def _place(item: Item, lang: str) -> str:
    if item.venue is None:
        return ""
    name = labels.venue_name(item.venue, lang)
    if item.is_lunch:
        # the venue's name isolated where it runs against the language (a Latin name in
        # an Arabic "near …"), as the other places of the agenda are
        return translator(lang).gettext("near %(place)s") % {"place": labels.isolate(name, lang)}
    return name


def _day(event: Event, day: date, entries: list[Entry], lang: str) -> Day:
    """A day under its city and zone; a day whose entries start in one zone and end in
    another (the flight between legs) is headed by both: "Houston → Silicon Valley
    (CST → PST)", each entry still naming its own zone."""
    leg = event.leg_on(day)
    city = labels.city_label(leg.city, lang) if leg else (entries[0].place or "")
    first, last = entries[0].start, max(e.end for e in entries)
    if labels.zone_name(first, lang, "short") == labels.zone_name(last, lang, "short"):
        noon = leg.local_datetime(day, "12:00") if leg else first
        return Day(day, city, labels.zone_name(noon, lang), tuple(entries))
    before = next(
        (
            other
            for other in event.legs
            if other is not leg and other.start <= day - timedelta(days=1) <= other.end
        ),
        None,
    )
    if before is not None and leg is not None and before.city != leg.city:
        arrow = labels.ARROWS[translator(lang).direction]
        city = f"{labels.city_label(before.city, lang)} {arrow} {city}"
    return Day(day, city, labels.zone_span(first, last, lang), tuple(entries))


def build_agenda(
    event: Event, schedule: Schedule, subject_id: str, lang: str, settings: OutputSettings
) -> Agenda:
    """The agenda of a person or an organization (``subject_id``) in ``lang``."""
    who = subject(event, subject_id)
    items = [i for i in timeline(event, schedule) if who.involved_in(i)]
    days: dict[date, list[Entry]] = {}
    previous: Item | None = None
    # a host's staff receive visitors at their own venue: the way there is the delegation's
    receives = _side_of(event, who.organization) is Side.HOST
    for item in items:
        kind, title = entry_title(event, item, who, lang)
        _, print_title = entry_title(event, item, who, lang, isolated=True)
        topic, themes = _topic_and_themes(event, item, lang)
        venue = item.venue
        travel_from = ""
        travel = 0 if receives else item.travel_minutes_before
        if travel and previous is not None and previous.day == item.day:
            last = previous.end_venue or previous.venue
            travel_from = labels.venue_name(last, lang) if last else ""
        elif travel:
            leg = event.leg_on(item.day)
            if leg is not None and leg.hotel is not None:
                travel_from = labels.venue_name(event.venue(leg.hotel), lang)
        entry = Entry(
            id=item.id,
            kind=kind,
            title=title,
            start=item.start,
            end=item.end,
            zone=labels.zone_short(item.start, lang),
            place=_place(item, lang),
            address=venue.address if venue else "",
            table=item.table,
            map_url=venue.map_url if venue else "",
            sides=_sides(event, item, lang),
            topic=topic,
            themes=themes,
            travel_minutes=travel,
            travel_from=travel_from,
            end_zone=_end_zone(item, lang),
            zones=labels.zone_span(item.start, item.end, lang),
            print_title=print_title if print_title != title else "",
        )
        days.setdefault(item.day, []).append(entry)
        previous = item
    day_views = [_day(event, day, entries, lang) for day, entries in days.items()]
    if who.is_organization:
        org = event.organization(subject_id)
        name = labels.org_name(org, lang)
        parts: tuple[str, ...] = (org.name,) if lang == "ar" and org.name_ar else ()
    else:
        person = event.person(subject_id)
        org_label = labels.org_name(event.organization(person.organization), lang)
        name = labels.person_name(person, lang)
        parts = tuple(part for part in (person_role(person, lang), org_label) if part)
    url = settings.live_url(event.id, subject_id, lang)
    return Agenda(
        event_title=pick(event.title, lang),
        subject_id=subject_id,
        name=name,
        subtitle=labels.comma(lang).join(parts),
        lang=lang,
        days=tuple(day_views),
        live_url=url,
        qr_image=qr_data_uri(url) if url else "",
        version=schedule.version,
        subtitle_parts=parts,
    )
