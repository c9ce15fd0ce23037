"""A version published without e-mails describes the publication as it was: whose agenda
changed then, stored with it (``ScheduleVersion.affected``), not whoever the event's people
now make of the two stored versions. A host's staff member added after publishing showed
up among those whose agenda changed, since such a publication recorded no one."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime

from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event, Person
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.editing_factories import houston, organizer_of

VISIT = {"added": ["vis-port"], "moved": [], "removed": []}
"""What publishing the visit changed for each of its three people."""


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


def _page(client: Client, event: Event) -> tuple[str, list[str], str]:
    """The published page's count line, the people its table lists and its note on how the
    list was made ("" when it has none)."""
    page = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    count = re.search(r'<p id="affected-count">(.*?)</p>', page)
    note = re.search(r'<p class="notice" id="affected-estimated">(.*?)</p>', page)
    assert count is not None
    people = re.findall(r'<tr data-person="([^"]+)">', page)
    return count.group(1), people, html.unescape(note.group(1)) if note else ""


def _nadia_joins(event: Event) -> None:
    """A staff member of the host visited, added after publishing."""
    Person.objects.create(
        event=event,
        key="p-nadia",
        name="Nadia Brooks",
        organization="o-port",
        email="nadia@example.org",
        position=99,
    )


def test_publishing_without_e_mails_stores_whose_agenda_changed(houston_mission: Event) -> None:
    event = houston_mission
    version = store_schedule(event, _visit(event))
    assert version.affected is None  # a draft
    publish(version, notify=False)
    version.refresh_from_db()
    assert version.affected == {"p-amina": VISIT, "p-hank": VISIT, "p-omar": VISIT}
    assert not version.notifications.exists()


def test_a_staff_member_added_after_a_silent_publication_is_not_listed(
    houston_mission: Event,
) -> None:
    event = houston_mission
    publish(store_schedule(event, _visit(event)), notify=False)
    client = organizer_of(event)
    before = _page(client, event)
    _nadia_joins(event)
    assert before == (
        "3 participants' agendas changed and were not notified (published without e-mails).",
        ["p-amina", "p-hank", "p-omar"],
        "",
    )
    assert _page(client, event) == before


def test_a_version_published_before_it_was_recorded_says_how_its_list_is_made(
    houston_mission: Event,
) -> None:
    """No record (a version published before the migration, or restored from an older
    backup): the two versions compared with today's people, and the page says so."""
    event = houston_mission
    publish(store_schedule(event, _visit(event)), notify=False)
    # as the migration leaves it (QuerySet.update: the immutability guard is a save signal)
    ScheduleVersion.objects.filter(event=event, number=1).update(affected=None)
    _nadia_joins(event)
    _count, people, note = _page(organizer_of(event), event)
    assert people == ["p-amina", "p-hank", "p-nadia", "p-omar"]
    assert note == (
        "Whose agenda changed was not recorded when this version was published: this list"
        " compares it with the version before, for the event's people as they are now."
    )
