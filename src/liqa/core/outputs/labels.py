"""Names and labels shown in outputs, in the reader's language.

Organizer-entered names have an optional Arabic form (``name_ar``; organizations and venues
also an official French one, ``name_fr``); fixed vocabularies (organization kinds, programme
kinds, follow-ups, well-known themes) go through gettext.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Literal

from liqa.core.i18n import pgettext_noop, translator
from liqa.core.matching.thesaurus import default_thesaurus
from liqa.core.model import (
    Event,
    FollowUp,
    MeetingFormat,
    Organization,
    OrgKind,
    OutcomeKind,
    Person,
    ProgrammeKind,
    Venue,
)
from liqa.core.problems import Message, translated
from liqa.core.templating import ISOLATES, text_direction

THEMES: dict[str, str] = {
    "e-government": pgettext_noop("theme", "e-government"),
    "artificial-intelligence": pgettext_noop("theme", "artificial intelligence"),
    "cybersecurity": pgettext_noop("theme", "cybersecurity"),
    "cloud": pgettext_noop("theme", "cloud computing"),
    "digital-skills": pgettext_noop("theme", "digital skills"),
    "startups": pgettext_noop("theme", "start-ups"),
    "innovation": pgettext_noop("theme", "innovation"),
    "investment": pgettext_noop("theme", "investment"),
    "data-centers": pgettext_noop("theme", "data centres"),
    "telecom": pgettext_noop("theme", "telecommunications"),
    "offshoring": pgettext_noop("theme", "offshoring"),
    "space": pgettext_noop("theme", "space technology"),
    "energy": pgettext_noop("theme", "energy"),
    "health": pgettext_noop("theme", "digital health"),
    "fintech": pgettext_noop("theme", "fintech"),
    "smart-cities": pgettext_noop("theme", "smart cities"),
    "semiconductors": pgettext_noop("theme", "semiconductors"),
    "digital-infrastructure": pgettext_noop("theme", "digital infrastructure"),
}
"""Known theme ids and their English labels (translated with context ``theme``)."""

CITIES: dict[str, str] = {
    "Houston": pgettext_noop("city", "Houston"),
    "Silicon Valley": pgettext_noop("city", "Silicon Valley"),
    "San Francisco": pgettext_noop("city", "San Francisco"),
    "Washington": pgettext_noop("city", "Washington"),
    "New York": pgettext_noop("city", "New York"),
    "Casablanca": pgettext_noop("city", "Casablanca"),
    "Rabat": pgettext_noop("city", "Rabat"),
}
"""Cities often visited, translated with context ``city``; others are shown as entered."""

CITY_PHRASES: dict[str, tuple[str, str]] = {
    "Houston": (pgettext_noop("in city", "in Houston"), pgettext_noop("to city", "to Houston")),
    "Silicon Valley": (
        pgettext_noop("in city", "in Silicon Valley"),
        pgettext_noop("to city", "to Silicon Valley"),
    ),
    "San Francisco": (
        pgettext_noop("in city", "in San Francisco"),
        pgettext_noop("to city", "to San Francisco"),
    ),
    "Washington": (
        pgettext_noop("in city", "in Washington"),
        pgettext_noop("to city", "to Washington"),
    ),
    "New York": (pgettext_noop("in city", "in New York"), pgettext_noop("to city", "to New York")),
    "Casablanca": (
        pgettext_noop("in city", "in Casablanca"),
        pgettext_noop("to city", "to Casablanca"),
    ),
    "Rabat": (pgettext_noop("in city", "in Rabat"), pgettext_noop("to city", "to Rabat")),
}
""""In" and "to" each of :data:`CITIES`, whole: the preposition depends on the place in
French ("à Houston", "dans la Silicon Valley"); other cities take the general form."""

ORG_KINDS: dict[OrgKind, str] = {
    OrgKind.COMPANY: pgettext_noop("organization kind", "company"),
    OrgKind.GOVERNMENT: pgettext_noop("organization kind", "government"),
    OrgKind.AGENCY: pgettext_noop("organization kind", "agency"),
    OrgKind.ASSOCIATION: pgettext_noop("organization kind", "association"),
    OrgKind.ACADEMIC: pgettext_noop("organization kind", "academic"),
    OrgKind.OTHER: pgettext_noop("organization kind", "other"),
}

PROGRAMME_KINDS: dict[ProgrammeKind, str] = {
    ProgrammeKind.BRIEFING: pgettext_noop("programme", "Briefing"),
    ProgrammeKind.FLIGHT: pgettext_noop("programme", "Flight"),
    ProgrammeKind.TRANSFER: pgettext_noop("programme", "Transfer"),
    ProgrammeKind.RECEPTION: pgettext_noop("programme", "Reception"),
    ProgrammeKind.MEAL: pgettext_noop("programme", "Meal"),
    ProgrammeKind.OTHER: pgettext_noop("programme", "Programme"),
}

FORMATS: dict[MeetingFormat, str] = {
    MeetingFormat.ONE_TO_ONE: pgettext_noop("format", "Meeting"),
    MeetingFormat.SITE_VISIT: pgettext_noop("format", "Site visit"),
    MeetingFormat.PROGRAMME_ITEM: pgettext_noop("format", "Programme"),
    MeetingFormat.ONLINE: pgettext_noop("format", "Online meeting"),
}

FOLLOW_UPS: dict[FollowUp, str] = {
    FollowUp.NONE: pgettext_noop("follow-up", "none"),
    FollowUp.CALL: pgettext_noop("follow-up", "call"),
    FollowUp.VISIT: pgettext_noop("follow-up", "visit"),
    FollowUp.PROPOSAL: pgettext_noop("follow-up", "proposal"),
    FollowUp.MOU: pgettext_noop("follow-up", "memorandum of understanding"),
    FollowUp.PARTNERSHIP: pgettext_noop("follow-up", "partnership"),
    FollowUp.INVESTMENT_LEAD: pgettext_noop("follow-up", "investment lead"),
}

OUTCOMES: dict[OutcomeKind, str] = {
    OutcomeKind.HELD: pgettext_noop("outcome", "held"),
    OutcomeKind.NO_SHOW: pgettext_noop("outcome", "no-show"),
    OutcomeKind.CANCELLED: pgettext_noop("outcome", "cancelled"),
}


def theme_label(theme: str, lang: str) -> str:
    """A theme id in words: from the themes thesaurus (ar/fr/en labels), else from the
    catalog, else the id with spaces."""
    thesaurus = default_thesaurus()
    if theme in thesaurus:
        return thesaurus.label(theme, lang)
    if theme in THEMES:
        return translator(lang).pgettext("theme", THEMES[theme])
    return theme.replace("-", " ").replace("_", " ")


def city_label(city: str, lang: str) -> str:
    """A city name in the reader's language when known."""
    if city in CITIES:
        return translator(lang).pgettext("city", CITIES[city])
    return city


def in_city(city: str, lang: str) -> str:
    """ "In ``city``" in the reader's language, with the preposition that city takes."""
    t = translator(lang)
    if city in CITY_PHRASES:
        return t.pgettext("in city", CITY_PHRASES[city][0])
    return t.pgettext("in city", "in %(city)s") % {"city": city}


def to_city(city: str, lang: str) -> str:
    """ "To ``city``" (going there) in the reader's language, with its preposition."""
    t = translator(lang)
    if city in CITY_PHRASES:
        return t.pgettext("to city", CITY_PHRASES[city][1])
    return t.pgettext("to city", "to %(city)s") % {"city": city}


def org_kind_label(kind: OrgKind, lang: str) -> str:
    """An organization kind in words."""
    return translator(lang).pgettext("organization kind", ORG_KINDS[kind])


def programme_label(kind: ProgrammeKind, lang: str) -> str:
    """A programme item kind in words."""
    return translator(lang).pgettext("programme", PROGRAMME_KINDS[kind])


def format_label(fmt: MeetingFormat, lang: str) -> str:
    """A meeting format in words."""
    return translator(lang).pgettext("format", FORMATS[fmt])


def follow_up_label(follow_up: FollowUp, lang: str) -> str:
    """A follow-up in words."""
    return translator(lang).pgettext("follow-up", FOLLOW_UPS[follow_up])


def outcome_label(kind: OutcomeKind, lang: str) -> str:
    """A meeting outcome in words."""
    return translator(lang).pgettext("outcome", OUTCOMES[kind])


def org_name(org: Organization, lang: str) -> str:
    """The organization's name, in Arabic or French when reading that language and one is
    given."""
    if lang == "ar" and org.name_ar:
        return org.name_ar
    if lang == "fr" and org.name_fr:
        return org.name_fr
    return org.name


def org_label(org: Organization, lang: str) -> str:
    """The short name when given (acronyms read the same in every language), else the name."""
    return org.short_name or org_name(org, lang)


def person_name(person: Person, lang: str) -> str:
    """The person's name, in Arabic script when reading Arabic and one is given."""
    if lang == "ar" and person.name_ar:
        return person.name_ar
    return person.name


def venue_name(venue: Venue, lang: str) -> str:
    """The venue's name, in Arabic or French when reading that language and one is given."""
    if lang == "ar" and venue.name_ar:
        return venue.name_ar
    if lang == "fr" and venue.name_fr:
        return venue.name_fr
    return venue.name


def subgroup_words(group_id: str) -> str:
    """A subgroup of the delegation as people call it, translated when read (a
    :class:`~liqa.core.problems.Message`): ``group-b`` as "subgroup B" (the letter the
    same in every language, as the agendas of one delegation share it), ``all`` as "the
    whole delegation"; ``group-a-group-b-others`` (the members a day left free, as earlier
    re-plans named them) as "the other members"; an id of another form (one a caller
    chose) as it is."""
    # imported here: the itinerary's package prints with these labels
    from liqa.core.scheduling.itinerary.groups import EVERYONE, subgroup_letters

    if group_id == EVERYONE:
        return Message("the whole delegation")
    letters = subgroup_letters(group_id)
    if letters is None:
        return Message("the other members") if group_id.endswith("-others") else group_id
    return Message("subgroup {letters}", letters=letters.upper())


def subgroup_label(group_id: str, lang: str) -> str:
    """:func:`subgroup_words` in ``lang``: "subgroup B", "sous-groupe B"."""
    return str(translated(subgroup_words(group_id), translator(lang).gettext, lang))


def display_names(event: Event, lang: str) -> dict[str, str]:
    """Every person's and organization's name by id, as read in ``lang``."""
    orgs = {o.id: org_name(o, lang) for o in event.organizations}
    return orgs | {p.id: person_name(p, lang) for p in event.people}


def item_titles(event: Event, keys: Iterable[str], lang: str | None = None) -> dict[str, str]:
    """What each scheduled or unplaced item is, by the names people know: a meeting request
    by its two parties ("A – B"), a visit by its host; the key itself when it is neither.
    Names as read in ``lang`` (e.g. Arabic script), or the records' names without one."""
    if lang is None:
        names = {o.id: o.name for o in event.organizations} | {p.id: p.name for p in event.people}
    else:
        names = display_names(event, lang)
    requests = {r.id: r for r in event.requests}
    visits = {v.id: v for v in event.visits}
    out = {}
    for key in keys:
        if key in requests:
            r = requests[key]
            out[key] = " – ".join(names.get(k, k) for k in (r.requester, r.target))
        elif key in visits:
            out[key] = names.get(visits[key].host, key)
        else:
            out[key] = key
    return out


def isolate(text: str, lang: str) -> str:
    """``text`` between Unicode isolate characters when it runs against the direction of
    ``lang`` (a Latin name in Arabic), so that its punctuation stays with it in plain text
    (calendars) and print alike."""
    direction = text_direction(text)
    if direction == translator(lang).direction:
        return text
    return f"{ISOLATES[direction]}{text}\u2069"


def zone_short(moment: datetime, lang: str) -> str:
    """The zone's short name beside a time (:func:`zone_name`, ``short``): ``CST``, or the
    city where the time-zone database names the zone by its offset only (``Casablanca``,
    ``الدار البيضاء``), isolated where it runs against ``lang`` (``CST`` in Arabic)."""
    return isolate(zone_name(moment, lang, "short"), lang)


ARROWS = {"ltr": "→", "rtl": "←"}
"""From the start to the end, in a run read left to right or right to left."""


def zone_span(start: datetime, end: datetime, lang: str) -> str:
    """The zones of an item beside its times: :func:`zone_short` at ``start``, or
    ``CST → PST`` for one that ends in another zone (a flight), one run where both names
    read the same way: left to right in Arabic too, isolated whole, where isolating each
    name would turn the pair around it (``PST → CST`` to the eye)."""
    first, last = zone_name(start, lang, "short"), zone_name(end, lang, "short")
    if first == last:
        return isolate(first, lang)
    direction = text_direction(first)
    if direction == text_direction(last):  # the arrow points the way the run reads
        return isolate(f"{first} {ARROWS[direction]} {last}", lang)
    arrow = ARROWS[translator(lang).direction]
    return f"{isolate(first, lang)} {arrow} {isolate(last, lang)}"


def at_zone(times: str, moment: datetime, lang: str) -> str:
    """``times`` (a time, or a span ``10:00–10:20``) then the zone's short name at
    ``moment``, for plain text: ``10:00–10:20 Casablanca``, ``9:00 AM CST``. In Arabic the
    times read left to right, isolated, and the zone in its own direction:
    the times then ``الدار البيضاء``, or ``10:00–10:20 CST`` isolated whole where the zone
    is Latin."""
    zone = zone_name(moment, lang, "short")
    whole = f"{times} {zone}"
    if text_direction(whole) == text_direction(times):
        return isolate(whole, lang)
    return f"{isolate(times, lang)} {zone}"


def zone_name(moment: datetime, lang: str, width: Literal["long", "short"] = "long") -> str:
    """The zone's name in ``lang``, the one way liqa names a zone to a reader (the grids,
    agendas, table plans, forms and history alike): ``long``, ``Central Standard Time``;
    ``short``, ``CST`` beside a time. A zone the time-zone database names by its offset
    only (Casablanca's ``+01``) is named by its city in ``lang`` (``Casablanca``;
    ``Casablanca Time, UTC+1`` long), never ``+01`` (:meth:`Translator.format_zone`)."""
    return translator(lang).format_zone(moment, width)


def colon(lang: str) -> str:
    """The colon after a label in ``lang``: French puts a space before it ("Hôtes :"), as
    the catalog's own labels do ("Sujet :")."""
    return " :" if lang == "fr" else ":"


def comma(lang: str) -> str:
    """The separator of a list of names in ``lang``: the Arabic comma in Arabic."""
    return "\u060c " if lang == "ar" else ", "


def semicolon(lang: str) -> str:
    """The separator of clauses in ``lang``: the Arabic semicolon in Arabic, and in French a
    narrow no-break space before it ("(prouvé) ; puis …"), as before a colon."""
    return {"ar": "\u061b ", "fr": "\u202f; "}.get(lang, "; ")


def _interval_parts(start: date, end: date, lang: str) -> tuple[str, str]:
    """CLDR's two patterns for the dates ``start`` and ``end`` (months in full)."""
    greatest = "y" if start.year != end.year else "M" if start.month != end.month else "d"
    first, last = translator(lang).locale.interval_formats["yMMMd"][greatest]
    return _MONTH.sub("MMMM", first), _MONTH.sub("MMMM", last)


_MONTH = re.compile(r"(?<!M)MMM(?!M)")


def date_range(start: date, end: date, lang: str) -> str:
    """The dates from ``start`` to ``end`` as a reader writes them: ``11–21 février 2024``,
    ``February 11 – 21, 2024``; one date when they are the same day (not ``16 octobre
    2025 – 16 octobre 2025``)."""
    t = translator(lang)
    if start == end:
        return t.format_date(start, "long")
    first, last = _interval_parts(start, end, lang)
    return t.format_date(start, first) + t.format_date(end, last)


def range_start(start: date, end: date, lang: str) -> str:
    """``start`` without what ``end`` repeats, for "from %(start)s to %(end)s" with ``end``
    in full: ``du 11 au 21 février 2024``, ``from February 11 to February 21, 2024``."""
    if start == end:
        return translator(lang).format_date(start, "long")
    first, _ = _interval_parts(start, end, lang)
    return translator(lang).format_date(start, first.rstrip(" \u2009\u2013-,"))
