"""The published page describes the publication as it was: the people it recorded as told
(its notification records), not whoever the event's people now make of the two stored
versions. A host's staff member added after publishing appeared on it among those whose
agenda changed, although nobody had told them anything."""

from __future__ import annotations

from liqa.web.events.models import Event
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import nadia_joins, organizer_of, port_visit, published_page


def test_a_host_staff_member_added_after_publishing_is_not_listed(
    houston_mission: Event,
) -> None:
    event = houston_mission
    publish(store_schedule(event, port_visit(event)))
    client = organizer_of(event)
    before = published_page(client, event)
    nadia_joins(event)
    assert before == ("3 participants' agendas changed.", ["p-amina", "p-hank", "p-omar"], "")
    assert published_page(client, event) == before
