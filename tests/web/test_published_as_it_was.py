"""The published page describes the publication as it was: the people it recorded as told
(its notification records), not whoever the event's people now make of the two stored
versions. A host's staff member added after publishing appeared on it among those whose
agenda changed, although nobody had told them anything."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event, Person
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import houston, organizer_of


def _visit(event: Event) -> core.Schedule:
    """The delegation (Amina, Omar) visits the Port Authority (Hank's) on 11 March."""
    visit = core.Assignment(
        "vis-port",
        houston(11, 10),
        houston(11, 11),
        "v-port",
        ("p-amina", "p-omar"),
        core.MeetingFormat.SITE_VISIT,
        parties=("o-port",),
    )
    return core.Schedule(
        event.slug, 0, (visit,), core.Provenance("test", datetime(2030, 1, 1, tzinfo=UTC))
    )


def _page(client: Client, event: Event) -> tuple[str, list[str]]:
    """The published page's count line and the people its table lists."""
    html = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    count = re.search(r'<p id="affected-count">(.*?)</p>', html)
    assert count is not None
    return count.group(1), re.findall(r'<tr data-person="([^"]+)">', html)


def test_a_host_staff_member_added_after_publishing_is_not_listed(
    houston_mission: Event,
) -> None:
    event = houston_mission
    publish(store_schedule(event, _visit(event)))
    client = organizer_of(event)
    before = _page(client, event)
    Person.objects.create(
        event=event,
        key="p-nadia",
        name="Nadia Brooks",
        organization="o-port",
        email="nadia@example.org",
        position=99,
    )
    assert before == ("3 participants' agendas changed.", ["p-amina", "p-hank", "p-omar"])
    assert _page(client, event) == before
