"""A version published without e-mails describes the publication as it was: whose agenda
changed then, stored with it (``ScheduleVersion.affected``), not whoever the event's people
now make of the two stored versions. A host's staff member added after publishing showed
up among those whose agenda changed, since such a publication recorded no one."""

from __future__ import annotations

from liqa.web.events.models import Event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import nadia_joins, organizer_of, port_visit, published_page

VISIT = {"added": ["vis-port"], "moved": [], "removed": []}
"""What publishing the visit changed for each of its three people."""


def test_publishing_without_e_mails_stores_whose_agenda_changed(houston_mission: Event) -> None:
    event = houston_mission
    version = store_schedule(event, port_visit(event))
    assert version.affected is None  # a draft
    publish(version, notify=False)
    version.refresh_from_db()
    assert version.affected == {
        "p-amina": VISIT | {"organization": "o-atlas"},
        "p-hank": VISIT | {"organization": "o-port"},
        "p-omar": VISIT | {"organization": "o-atlas"},
    }
    assert not version.notifications.exists()


def test_a_staff_member_added_after_a_silent_publication_is_not_listed(
    houston_mission: Event,
) -> None:
    event = houston_mission
    publish(store_schedule(event, port_visit(event)), notify=False)
    client = organizer_of(event)
    before = published_page(client, event)
    nadia_joins(event)
    assert before == (
        "3 participants' agendas changed and were not notified (published without e-mails).",
        ["p-amina", "p-hank", "p-omar"],
        "",
    )
    assert published_page(client, event) == before


def test_a_version_published_before_it_was_recorded_says_how_its_list_is_made(
    houston_mission: Event,
) -> None:
    """No record (a version published before the migration, or restored from an older
    backup): the two versions compared with today's people, and the page says so."""
    event = houston_mission
    publish(store_schedule(event, port_visit(event)), notify=False)
    # as the migration leaves it (QuerySet.update: the immutability guard is a save signal)
    ScheduleVersion.objects.filter(event=event, number=1).update(affected=None)
    nadia_joins(event)
    _count, people, note = published_page(organizer_of(event), event)
    assert people == ["p-amina", "p-hank", "p-nadia", "p-omar"]
    assert note == (
        "Whose agenda changed was not recorded when this version was published: this list"
        " compares it with the version before, for the event's people as they are now."
    )
