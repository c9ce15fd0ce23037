"""A participant's own profile: languages, interests and the days they are available."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.missionfile.values import places_of_event
from liqa.core.outputs.labels import city_label, comma, theme_label
from liqa.web.events.editing import kinds
from liqa.web.events.forms import city_zone_name
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record, windows_to_json


class ProfileError(ValueError):
    """A value the profile form cannot take (the message says which and why)."""


@dataclass(frozen=True)
class Profile:
    """What the profile page shows."""

    person: core.Person
    days: list[tuple[date, str]]
    """Every day of the event with its city."""
    available: set[date]
    themes: list[str]
    theme_labels: dict[str, str]
    """Each theme in the reader's language (the key when no label is known)."""
    clock: str = ""
    """The clock the days are on, named by its city (``San Francisco time (PDT)``); ``""``
    when the event is in one zone."""


def day_window(leg: core.Leg, day: date, zone: str | None = None) -> core.TimeWindow:
    """The leg's working hours on ``day`` (``day_start``-``day_end``) on the clock of
    ``zone``, the person's place (``None``: the leg's)."""
    start, end = (leg.local_datetime(day, hhmm) for hhmm in (leg.day_start, leg.day_end))
    if zone is None:
        return core.TimeWindow(start, end)
    place = ZoneInfo(zone)
    return core.TimeWindow(start.replace(tzinfo=place), end.replace(tzinfo=place))


def on_legs_clock(
    window: core.TimeWindow, leg_day: core.TimeWindow, place_day: core.TimeWindow
) -> bool:
    """Whether ``window`` was written on the clock of the leg (``leg_day``, its working
    hours) where the place's (``place_day``) differs: the pages stored a day so before they
    read the place's clock, and such rows read as they did. A window written on the
    place's clock is read on it only: a San Francisco host available 06:30-16:00 there
    (the leg's hours in Houston) is not available for the day's hours on their clock."""
    offset = leg_day.start.utcoffset()
    return offset != place_day.start.utcoffset() and window.start.utcoffset() == offset


def days_clock(
    event: core.Event, places: Iterable[tuple[str | None, core.Venue | None]], lang: str
) -> str:
    """The clocks the event's days are on for each place (its zone, ``None`` for the leg's
    that day, and the venue whose clock it is), each named by its city in ``lang`` as the
    edit forms name theirs; ``""`` when the event is in one zone."""
    if not event.spans_zones:
        return ""
    names: dict[str, None] = {}
    for zone, venue in places:
        for leg in event.legs:
            for day in leg.days():
                local = day_window(leg, day, zone).start
                here = str(local.tzinfo)
                if venue is not None and venue.city and venue.timezone == here:
                    city = venue.city
                else:  # the leg's clock that day, as the edit forms say it
                    city = leg.city if leg.timezone == here else ""
                names[city_zone_name(city, local, lang)] = None
    return comma(lang).join(names)


def place_zone(event: core.Event, key: str) -> str | None:
    """The zone the person's own times are on, by the rule of the mission file and the
    organizer's availability form (``values.places_of``: at a brokerage event its venue,
    else a host's staff at their organization's venue); ``None``: the leg's that day."""
    return places_of_event(event).meeting(key)


def _available(person: core.Person, leg: core.Leg, day: date, zone: str | None) -> bool:
    """Whether ``person`` is available for the leg's working hours on ``day`` on the clock
    of ``zone`` (their place), or by a window this page wrote on the leg's clock before it
    read the place's (:func:`on_legs_clock`)."""
    here, before = day_window(leg, day, zone), day_window(leg, day)
    return person.is_available(here) or any(
        slot.contains(before) and on_legs_clock(slot, before, here) for slot in person.availability
    )


def profile(row: Event, key: str, lang: str = "en") -> Profile:
    """The participant's profile and the choices the form offers (cities and themes in
    ``lang``): a day is ticked when the person is available for its working hours on the
    clock of their place (:func:`_available`), and the clock is named when the event
    spans zones."""
    event = event_record(row)
    person = event.person(key)
    zone = place_zone(event, key)
    days = [(day, city_label(leg.city, lang)) for leg in event.legs for day in leg.days()]
    available = {
        day
        for day, _city in days
        if (leg := event.leg_on(day)) is not None and _available(person, leg, day, zone)
    }
    labels = {theme: theme_label(theme, lang) for theme in event.themes}
    venue = kinds.place_venue(event, kinds.AVAILABILITY, "availability", {}, key)
    clock = days_clock(event, [(zone, venue)], lang)
    return Profile(person, days, available, list(event.themes), labels, clock)


PHONE_SIGNS = frozenset(" +-()./\u00a0")
"""What a phone number holds besides its digits (any script's: ٠٦١٢ too)."""


def is_phone(text: str) -> bool:
    """Whether ``text`` is empty or reads as a phone number: digits and a few signs (the
    host's page offers it as a number to call)."""
    value = text.strip()
    if not value:
        return True
    has_digit = any(char.isdecimal() for char in value)
    return has_digit and all(char.isdecimal() or char in PHONE_SIGNS for char in value)


def update_profile(
    row: Event, key: str, *, languages: list[str], themes: list[str], days: list[str], phone: str
) -> core.Person:
    """Save languages, interests, phone and available days (all days = no restriction)."""
    event = event_record(row)
    unknown = sorted(set(languages) - set(core.LANGUAGES))
    if unknown:
        raise ProfileError(f"unknown language(s): {', '.join(unknown)}; use ar, fr or en")
    if not set(themes) <= set(event.themes):
        raise ProfileError(
            f"unknown theme(s): {', '.join(sorted(set(themes) - set(event.themes)))}"
        )
    all_days = [d for leg in event.legs for d in leg.days()]
    try:
        chosen = sorted({date.fromisoformat(d) for d in days})
    except ValueError as error:
        raise ProfileError(f"a day is not a date: {error}") from None
    if not set(chosen) <= set(all_days):
        raise ProfileError("a chosen day is outside the event")
    if not chosen:  # no window at all would mean "available every day"
        raise ProfileError(_("Days I am available: choose at least one day."))
    if not is_phone(phone):
        raise ProfileError(
            _("Phone: use digits, spaces and + - ( ) . / only, e.g. +212 6 12 34 56 78.")
        )
    windows: tuple[core.TimeWindow, ...] = ()
    if set(chosen) != set(all_days):
        zone = place_zone(event, key)
        windows = tuple(
            day_window(leg, day, zone) for day in chosen if (leg := event.leg_on(day)) is not None
        )
    stored = Person.objects.get(event=row, key=key)
    stored.languages = [lang for lang in core.LANGUAGES if lang in languages]
    stored.themes = [theme for theme in event.themes if theme in themes]
    stored.availability = windows_to_json(windows)
    stored.phone = phone.strip()[:100]
    stored.save(update_fields=["languages", "themes", "availability", "phone"])  # audited
    return event_record(row).person(key)


def as_typed(
    shown: Profile, languages: list[str], themes: list[str], days: list[str], phone: str
) -> Profile:
    """``shown`` with the values of a refused form, so that nothing typed or ticked is lost
    (values the form never offers are left out)."""
    offered = {day.isoformat(): day for day, _city in shown.days}
    person = replace(
        shown.person,
        languages=tuple(lang for lang in core.LANGUAGES if lang in languages),
        themes=tuple(theme for theme in shown.themes if theme in themes),
        phone=phone,
    )
    return replace(shown, person=person, available={offered[d] for d in days if d in offered})
