"""The organization form's Country is a list of countries named in the reader's language
(Babel's territory names), sorted by those names, stored as ISO 3166-1 alpha-2 codes as
before; a record's current value stays a choice even when it is no such code, and any other
value posted is refused under the field, in words."""

from __future__ import annotations

import html
import re

import pytest
from babel import Locale
from django.test import Client

from liqa.web.events.models import Event, Organization
from tests.web.editing_factories import post, refused

GAMMA = {"key": "o-gamma", "name": "Gamma Farms", "side": "host", "kind": "other"}
REFUSED = (
    "'{}' is not a country: choose one from the list (stored as its ISO 3166 code, such as "
    "MA or FR), or leave it empty (—)."
)


def _options(
    client: Client, event: Event, lang: str, key: str = "o-gamma"
) -> list[tuple[str, str, bool]]:
    """The Country list of an organization's form: (code, name, selected) in page order."""
    page = client.get(f"/events/{event.slug}/edit/organizations/{key}/", HTTP_ACCEPT_LANGUAGE=lang)
    assert page.status_code == 200
    select = page.content.decode().split('name="country"', 1)[1].split("</select>", 1)[0]
    found = re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    return [(code, html.unescape(name), bool(chosen)) for code, chosen, name in found]


@pytest.mark.parametrize(
    ("lang", "tunisia", "in_order"),
    [
        ("en", "Tunisia", ["Egypt", "El Salvador", "Equatorial Guinea", "Eritrea", "Estonia"]),
        ("fr", "Tunisie", ["Égypte", "Émirats arabes unis", "Équateur", "Érythrée", "Espagne"]),
        ("ar", "تونس", ["إثيوبيا", "أذربيجان", "أرمينيا", "الأرجنتين", "المغرب"]),
    ],
)
def test_the_country_is_chosen_by_its_name_in_the_readers_language(
    organizer_client: Client, event: Event, lang: str, tunisia: str, in_order: list[str]
) -> None:
    options = _options(organizer_client, event, lang)
    assert options[0] == ("", "—", False)
    assert [o for o in options if o[2]] == [("TN", tunisia, True)]
    codes = [code for code, _name, _chosen in options[1:]]
    assert (len(codes), len(set(codes))) == (249, 249)
    assert all(re.fullmatch("[A-Z]{2}", code) for code in codes)
    assert not {"EU", "UN", "EZ", "QO", "XA", "XB", "XK", "ZZ", "AC", "IC"} & set(codes)
    assert {"MA", "US", "FR", "TN", "SA", "AE", "PS", "TW", "VA", "AQ"} <= set(codes)
    babel = Locale.parse(lang).territories
    assert all(babel[code] == name for code, name, _chosen in options[1:])
    names = [name for _code, name, _chosen in options[1:]]
    assert [names.index(n) for n in in_order] == sorted(names.index(n) for n in in_order)


def test_a_country_is_stored_as_its_code(organizer_client: Client, event: Event) -> None:
    answer = post(organizer_client, event, "organizations/o-gamma/", GAMMA | {"country": " ma "})
    assert answer.status_code == 302  # a code typed in lower case is read in upper case
    answer = post(organizer_client, event, "organizations/o-alpha/", GAMMA | {"key": "o-alpha"})
    assert answer.status_code == 302  # no country: empty
    stored = dict(Organization.objects.filter(event=event).values_list("key", "country"))
    assert stored == {"o-alpha": "", "o-beta": "TN", "o-gamma": "MA"}


@pytest.mark.parametrize("value", ["XX", "Morocco", "ZZ", "EU", "MAR", "<b>"])
def test_a_value_that_is_no_country_is_refused_under_the_field(
    organizer_client: Client, event: Event, value: str
) -> None:
    messages = refused(
        organizer_client, event, "organizations/o-gamma/", GAMMA | {"country": value}, "country"
    )
    assert messages == [REFUSED.format(value)]


def test_an_unusual_current_value_is_kept_and_no_other_one_is_taken(
    organizer_client: Client, event: Event
) -> None:
    Organization.objects.filter(event=event, key="o-gamma").update(country="Tunisia")
    options = _options(organizer_client, event, "en")
    assert options[:3] == [
        ("", "—", False),
        ("Tunisia", "Tunisia", True),
        ("AF", "Afghanistan", False),
    ]
    change = GAMMA | {"country": "Tunisia", "name": "Gamma Farms SA"}
    assert post(organizer_client, event, "organizations/o-gamma/", change).status_code == 302
    gamma = Organization.objects.get(event=event, key="o-gamma")
    assert (gamma.name, gamma.country) == ("Gamma Farms SA", "Tunisia")
    messages = refused(
        organizer_client,
        event,
        "organizations/o-beta/",
        GAMMA | {"key": "o-beta", "name": "Beta Bank", "country": "Tunisia"},
        "country",
    )
    assert messages == [REFUSED.format("Tunisia")]
