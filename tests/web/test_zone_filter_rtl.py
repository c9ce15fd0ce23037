"""The web pages' ``|zone("short")`` isolates a Latin zone abbreviation in right-to-left
text (U+2066…U+2069), as ``labels.zone_short`` does for the printed outputs: "CST" printed
bare inside Arabic reordered with the digits and punctuation around it."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.test import Client
from django.utils import translation

from liqa.web.events.models import Event
from tests.web.editing_factories import organizer_of

NINE_CENTRAL = datetime(2024, 2, 12, 9, tzinfo=ZoneInfo("America/Chicago"))
NINE_CASABLANCA = datetime(2024, 2, 12, 9, tzinfo=ZoneInfo("Africa/Casablanca"))


def _render(source: str, active: str, **context: object) -> str:
    """``source`` rendered by the pages' Jinja2 environment with ``active`` the language."""
    with translation.override(active):
        return str(engines["jinja2"].from_string(source).render(context))


@pytest.mark.parametrize(
    ("lang", "moment", "short"),
    [
        ("ar", NINE_CENTRAL, "\u2066CST\u2069"),
        ("en", NINE_CENTRAL, "CST"),
        ("fr", NINE_CENTRAL, "CST"),
        ("ar", NINE_CASABLANCA, "الدار البيضاء"),
        ("en", NINE_CASABLANCA, "Casablanca"),
    ],
)
def test_short_zone_is_isolated_where_it_runs_against_the_language(
    lang: str, moment: datetime, short: str
) -> None:
    assert _render('{{ t|zone("short") }}', lang, t=moment) == short


def test_a_template_language_variable_decides_as_for_the_other_filters() -> None:
    assert _render('{{ t|zone("short") }}', "en", t=NINE_CENTRAL, lang="ar") == "\u2066CST\u2069"


def test_the_long_name_is_unchanged() -> None:
    assert _render("{{ t|zone }}", "en", t=NINE_CENTRAL) == "Central Standard Time"
    assert _render('{{ t|zone("long") }}', "ar", t=NINE_CASABLANCA) == (
        "توقيت الدار البيضاء، \u2066UTC+1\u2069"
    )


def test_the_arabic_editor_isolates_every_latin_zone_beside_a_time(mission: Event) -> None:
    client: Client = organizer_of(mission)
    page = client.get(f"/events/{mission.slug}/edit/", HTTP_ACCEPT_LANGUAGE="ar").text
    zones = re.findall(r'<small class="zone">([^<]*)</small>', page)
    assert {"\u2066CST\u2069", "\u2066PST\u2069"} <= set(zones)
    assert not [z for z in zones if re.fullmatch(r"[A-Z]{3,4}", z)]
