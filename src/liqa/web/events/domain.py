"""Read-side views of an event for its pages, built from the core's record."""

from __future__ import annotations

from typing import Any

from babel import Locale

from liqa.core import model as core
from liqa.core.outputs import labels
from liqa.web.events.models import Event
from liqa.web.events.records import event_record


def public_view(row: Event, lang: str = "en") -> dict[str, Any]:
    """What anyone may see: title, dates, cities, organizers, themes, organizations.

    ``organizers`` are named for a reader of ``lang``; ``organizers_localized`` gives every
    name each organizer has (``{language: name}``)."""
    event = event_record(row)
    return {
        "title": dict(event.title),
        "description": dict(event.description),
        "goals": dict(event.goals),
        "start": event.start,
        "end": event.end,
        "cities": [leg.city for leg in event.legs],
        "city_labels": [labels.city_label(leg.city, lang) for leg in event.legs],
        "country_names": country_names({o.country for o in event.organizations}, lang),
        "organizers": [core.organizer_name(names, lang) for names in event.organizers],
        "organizers_localized": [dict(names) for names in event.organizers],
        "themes": list(event.themes),
        "theme_labels": [labels.theme_label(theme, lang) for theme in event.themes],
        "delegation": [
            o for o in event.organizations if o.side in (core.Side.DELEGATION, core.Side.BOTH)
        ],
        "hosts": [o for o in event.organizations if o.side in (core.Side.HOST, core.Side.BOTH)],
        "communique": dict(row.communique),
    }


def country_names(codes: set[str], lang: str) -> dict[str, str]:
    """Each ISO country code's name in ``lang`` ("MA": "المغرب", "Maroc", "Morocco"); an
    unknown code stays as given."""
    territories = Locale.parse(lang).territories
    return {code: territories.get(code.upper(), code) for code in codes if code}
