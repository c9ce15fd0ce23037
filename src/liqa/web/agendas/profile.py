"""A participant's own profile: languages, interests and the days they are available."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from zoneinfo import ZoneInfo

from django.utils.translation import gettext as _

from liqa.core import model as core
from liqa.core.missionfile.values import places_of_event
from liqa.core.outputs.labels import city_label, theme_label
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


def day_window(leg: core.Leg, day: date, zone: str | None = None) -> core.TimeWindow:
    """The leg's working hours on ``day`` (``day_start``-``day_end``) on the clock of
    ``zone``, the person's place (``None``: the leg's)."""
    start, end = (leg.local_datetime(day, hhmm) for hhmm in (leg.day_start, leg.day_end))
    if zone is None:
        return core.TimeWindow(start, end)
    place = ZoneInfo(zone)
    return core.TimeWindow(start.replace(tzinfo=place), end.replace(tzinfo=place))


def place_zone(event: core.Event, key: str) -> str | None:
    """The zone the person's own times are on, by the rule of the mission file and the
    organizer's availability form (``values.places_of``: at a brokerage event its venue,
    else a host's staff at their organization's venue); ``None``: the leg's that day."""
    return places_of_event(event).meeting(key)


def profile(row: Event, key: str, lang: str = "en") -> Profile:
    """The participant's profile and the choices the form offers (cities and themes in
    ``lang``). A day is ticked when the person is available for its working hours on the
    clock of their place, or on the leg's (as this page stored it before it read the
    place's clock), so that rows stored earlier read as they did."""
    event = event_record(row)
    person = event.person(key)
    zone = place_zone(event, key)
    days = [(day, city_label(leg.city, lang)) for leg in event.legs for day in leg.days()]
    available = {
        day
        for day, _city in days
        if (leg := event.leg_on(day)) is not None
        and (
            person.is_available(day_window(leg, day, zone))
            or person.is_available(day_window(leg, day))
        )
    }
    labels = {theme: theme_label(theme, lang) for theme in event.themes}
    return Profile(person, days, available, list(event.themes), labels)


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
