"""A participant's own profile: languages, interests and the days they are available."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from django.utils.translation import gettext as _

from liqa.core import model as core
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


def _day_window(leg: core.Leg, day: date) -> core.TimeWindow:
    return core.TimeWindow(
        leg.local_datetime(day, leg.day_start), leg.local_datetime(day, leg.day_end)
    )


def profile(row: Event, key: str, lang: str = "en") -> Profile:
    """The participant's profile and the choices the form offers (cities and themes in
    ``lang``)."""
    event = event_record(row)
    person = event.person(key)
    days = [(day, city_label(leg.city, lang)) for leg in event.legs for day in leg.days()]
    available = {
        day
        for day, _city in days
        if (leg := event.leg_on(day)) is not None and person.is_available(_day_window(leg, day))
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
        windows = tuple(
            _day_window(leg, day) for day in chosen if (leg := event.leg_on(day)) is not None
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
