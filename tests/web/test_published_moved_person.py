"""The published page shows each person as publishing told them: with the organization
they belonged to then, and where they are now when that changed.

A host's staff member is told when a visit to their organization moves; one who moved to
another organization after the publication was listed with nothing to say why they had
been told (the page named no organization, and the one the event now gives them is not
the one the visit concerned). Publishing records each affected person's organization with
their changes (``ScheduleVersion.affected``); the page reads it.
"""

from __future__ import annotations

import html
import re

from django.test import Client

from liqa.web.events.models import Event, Person
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import organizer_of, port_visit


def rows(
    client: Client, event: Event, number: int = 1, lang: str = "en"
) -> dict[str, tuple[str, str, str]]:
    """The published page's table in ``lang``: per person, their name, organization cell
    (tags removed) and changes."""
    url = f"/organize/{event.slug}/versions/{number}/published/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    found = re.findall(
        r'<tr data-person="([^"]+)"><td>(.*?)</td><td class="organization">(.*?)</td>'
        r"<td>(.*?)</td></tr>",
        page,
    )

    def text(cell: str) -> str:
        return html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()

    return {person: (text(name), text(org), text(changes)) for person, name, org, changes in found}


def hank_moves_to_atlas(event: Event) -> None:
    """Hank Miller, the Port Authority's staff member, joins Atlas Logistics."""
    Person.objects.filter(event=event, key="p-hank").update(organization="o-atlas")


def test_publishing_records_each_persons_organization(houston_mission: Event) -> None:
    event = houston_mission
    version = store_schedule(event, port_visit(event))
    publish(version)
    version.refresh_from_db()
    assert isinstance(version.affected, dict)
    assert {p: c["organization"] for p, c in version.affected.items()} == {
        "p-amina": "o-atlas",
        "p-hank": "o-port",
        "p-omar": "o-atlas",
    }


def test_a_person_who_moved_since_is_shown_as_told_and_where_they_are_now(
    houston_mission: Event,
) -> None:
    event = houston_mission
    publish(store_schedule(event, port_visit(event, 10)))
    publish(store_schedule(event, port_visit(event, 14)))  # the visit moves: Hank is told
    client = organizer_of(event)
    before = rows(client, event, 2)
    assert before["p-hank"][:2] == ("Hank Miller", "Port Authority")
    assert before["p-amina"][:2] == ("Amina Idrissi", "Atlas Logistics")
    hank_moves_to_atlas(event)
    after = rows(client, event, 2)
    assert after["p-hank"] == (
        "Hank Miller",
        "Port Authority (now with Atlas Logistics)",
        before["p-hank"][2],  # what he was told: the Port Authority's visit, moved
    )
    assert before["p-hank"][2].startswith("~ Site visit, Mon, Mar 11")
    assert {p: r for p, r in after.items() if p != "p-hank"} == {
        p: r for p, r in before.items() if p != "p-hank"
    }


def test_a_silent_publication_shows_them_the_same_way(houston_mission: Event) -> None:
    event = houston_mission
    publish(store_schedule(event, port_visit(event)), notify=False)
    hank_moves_to_atlas(event)
    found = rows(organizer_of(event), event)
    assert found["p-hank"][1] == "Port Authority (now with Atlas Logistics)"
    assert found["p-omar"][1] == "Atlas Logistics"


def test_a_person_no_longer_in_the_event_is_said_to_be(houston_mission: Event) -> None:
    event = houston_mission
    publish(store_schedule(event, port_visit(event)))
    Person.objects.filter(event=event, key="p-omar").delete()
    found = rows(organizer_of(event), event)
    assert found["p-omar"][1] == "Atlas Logistics (no longer among the event's people)"
    assert found["p-amina"][1] == "Atlas Logistics"


def test_a_version_published_before_organizations_were_recorded_shows_todays(
    houston_mission: Event,
) -> None:
    """Nothing to compare with: the organization each has now, with no note."""
    event = houston_mission
    publish(store_schedule(event, port_visit(event)))
    version = ScheduleVersion.objects.get(event=event, number=1)
    assert isinstance(version.affected, dict)
    for change in version.affected.values():
        del change["organization"]
    ScheduleVersion.objects.filter(pk=version.pk).update(affected=version.affected)
    hank_moves_to_atlas(event)
    found = rows(organizer_of(event), event)
    assert {p: r[1] for p, r in found.items()} == {
        "p-amina": "Atlas Logistics",
        "p-hank": "Atlas Logistics",
        "p-omar": "Atlas Logistics",
    }


def test_in_arabic_latin_organization_names_keep_their_place(houston_mission: Event) -> None:
    """The names run left to right inside the right-to-left words around them (isolated),
    whatever the words of the note read like in the catalog."""
    event = houston_mission
    publish(store_schedule(event, port_visit(event)))
    hank_moves_to_atlas(event)
    cell = rows(organizer_of(event), event, lang="ar")["p-hank"][1]
    assert cell.startswith("\u2066Port Authority\u2069 (")
    assert "\u2066Atlas Logistics\u2069" in cell
