"""Pins, publishing immutable versions, and telling only the people whose agenda changed."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client

from liqa.core import model as core
from liqa.web.events.models import Event
from liqa.web.scheduling import publishing, services
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.web.factories import at, make_core_event, make_schedule


def test_first_publication_tells_everyone_scheduled(draft: ScheduleVersion) -> None:
    affected = publishing.publish(draft)
    assert sorted(affected) == ["p-amina", "p-bruno", "p-chen"]
    assert sorted(m.to[0] for m in mail.outbox) == [
        "amina@example.org",
        "bruno@example.org",
        "chen@example.org",
    ]


def test_second_publication_tells_only_those_whose_agenda_changed(
    event: Event, draft: ScheduleVersion
) -> None:
    publishing.publish(draft)
    mail.outbox.clear()
    moved = store_schedule(event, make_schedule(make_core_event(), r1_start=40))
    affected = publishing.publish(moved)
    assert {person: change.moved for person, change in affected.items()} == {
        "p-amina": ("r-1",),
        "p-bruno": ("r-1",),
    }
    bodies = {m.to[0]: str(m.body) for m in mail.outbox}
    assert "09:40" in bodies["bruno@example.org"]  # the new time, in French, Tunis time
    assert sorted(m.to[0] for m in mail.outbox) == ["amina@example.org", "bruno@example.org"]


def test_published_version_cannot_change(draft: ScheduleVersion) -> None:
    publishing.publish(draft)
    with pytest.raises(services.ImmutableVersion):
        services.set_pinned(draft, "r-1", True)
    with pytest.raises(services.ImmutableVersion):
        publishing.publish(draft)
    assert schedule_record(draft).assignments[0].pinned is False


def test_organizer_pins_in_the_grid(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    response = client.post(f"/organize/{event.slug}/versions/1/pin/", {"key": "r-2", "pinned": "1"})
    assert response.status_code == 302
    assert [a.pinned for a in schedule_record(draft).assignments] == [False, True]
    grid = client.get(f"/organize/{event.slug}/versions/1/").content.decode()
    assert grid.count('class="meeting pinned"') == 2  # r-2 shows for Amina and Chen


def test_publish_page_reports_the_affected(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    response = client.post(f"/organize/{event.slug}/versions/1/publish/", follow=True)
    assert response.redirect_chain == [(f"/organize/{event.slug}/versions/1/published/", 302)]
    page = response.content.decode()
    assert "3 participants" in page
    # people and meetings by name, not by their keys
    assert '<tr data-person="p-chen"><td>Chen Li</td>' in page
    assert (
        '<span class="tag" data-key="r-2">'
        "+ Amina Idrissi – Chen Li, Thu, Mar 14, 9:20\u202fAM</span>" in page
    )
    assert 'id="already-published"' not in page


def test_publishing_redirects_and_reloading_sends_nothing_again(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Post/Redirect/Get: the POST answers a redirect, so a reload is a plain GET."""
    client = client_for(organizer)
    published = f"/organize/{event.slug}/versions/1/published/"
    response = client.post(f"/organize/{event.slug}/versions/1/publish/")
    assert (response.status_code, response["Location"]) == (302, published)
    assert len(mail.outbox) == 3
    reload = client.get(published)
    assert (reload.status_code, len(mail.outbox)) == (200, 3)
    assert (
        '<span class="tag" data-key="r-2">'
        "+ Amina Idrissi – Chen Li, Thu, Mar 14, 9:20\u202fAM</span>" in (reload.content.decode())
    )
    again = client.post(f"/organize/{event.slug}/versions/1/publish/", follow=True)
    assert again.redirect_chain == [(published + "?again=1", 302)]
    page = again.content.decode()
    assert 'id="already-published"' in page
    assert "3 participants" in page
    assert len(mail.outbox) == 3


def test_published_page_compares_with_the_version_published_before(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Each version's page shows what its publication changed, also after later ones."""
    publishing.publish(draft, notify=False)
    moved = store_schedule(event, make_schedule(make_core_event(), version=2, r1_start=40))
    publishing.publish(moved, notify=False)
    store_schedule(event, make_schedule(make_core_event(), version=3, r1_start=20))
    client = client_for(organizer)
    first = client.get(f"/organize/{event.slug}/versions/1/published/").content.decode()
    second = client.get(f"/organize/{event.slug}/versions/2/published/").content.decode()
    assert "3 participants" in first
    assert "2 participants" in second
    assert (
        '<span class="tag" data-key="r-1">'
        "~ Amina Idrissi – Bruno Martin, Thu, Mar 14, 9:40\u202fAM</span>" in second
    )
    assert 'data-person="p-chen"' not in second
    draft_page = client.get(f"/organize/{event.slug}/versions/3/published/")
    assert draft_page["Location"] == f"/organize/{event.slug}/versions/3/"


def test_communique_drafted_by_the_core_then_published(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    assert "Alpha Pay" not in client.get(f"/organize/{event.slug}/communique/").content.decode()
    publishing.publish(draft, notify=False)
    form = client.get(f"/organize/{event.slug}/communique/").content.decode()
    assert "Alpha Pay" in form  # the core's draft names the delegation
    client.post(f"/organize/{event.slug}/communique/", {"en": "Two meetings held.", "fr": ""})
    event.refresh_from_db()
    assert event.communique == {"en": "Two meetings held."}
    assert "Two meetings held." in Client().get(f"/events/{event.slug}/").content.decode()


def test_grid_by_hosts_has_a_row_per_host(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    page = client_for(organizer).get(f"/organize/{event.slug}/versions/1/?by=hosts")
    rows = [part.split("<", 1)[0] for part in page.content.decode().split('<th scope="row">')[1:]]
    assert rows == ["Beta Bank", "Gamma Farms"]


def _with_lunch(version: int) -> core.Schedule:
    """The hand-made schedule plus a lunch break for Amina at 12:30 (planner's key)."""
    base = make_schedule(make_core_event(), version=version)
    lunch = core.Assignment(
        "lunch-2030-03-14-g1",
        at(12, 30),
        at(13, 30),
        "v-hall",
        ("p-amina",),
        format=core.MeetingFormat.PROGRAMME_ITEM,
    )
    return dataclasses.replace(base, assignments=(*base.assignments, lunch))


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "+ Lunch, Thu, Mar 14, 12:30\u202fPM"),
        ("fr", "+ Déjeuner, jeu. 14 mars, 12:30"),
        ("ar", "+ الغداء، الخميس، 14 مارس، 12:30"),
    ],
)
def test_changes_summary_names_a_lunch_in_words(
    lang: str,
    words: str,
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
) -> None:
    """A lunch reads as the agenda names it, with its day and time, not by its key."""
    publishing.publish(draft, notify=False)
    publishing.publish(store_schedule(event, _with_lunch(2)), notify=False)
    url = f"/organize/{event.slug}/versions/2/published/"
    page = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'<span class="tag" data-key="lunch-2030-03-14-g1">{words}</span>' in page
    assert ">+ lunch-" not in page


def test_changes_summary_lists_each_persons_changes_in_time_order(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """Amina's lunch (12:30) comes after her 09:00 and 09:20 meetings, though its key sorts
    first."""
    publishing.publish(store_schedule(event, _with_lunch(1)), notify=False)
    url = f"/organize/{event.slug}/versions/1/published/"
    page = client_for(organizer).get(url).content.decode()
    row = page.split('<tr data-person="p-amina">', 1)[1].split("</tr>", 1)[0]
    assert re.findall(r'data-key="([^"]+)"', row) == ["r-1", "r-2", "lunch-2030-03-14-g1"]


def test_published_grid_links_to_its_changes_and_isolates_the_zip_in_arabic(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """In Arabic "(.zip)" ran with the sentence and read "(zip.)"; it is isolated now. A
    published version's grid links to what publishing it changed."""
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/"
    assert 'id="changes"' not in client.get(url).content.decode()  # a draft: nothing yet
    publishing.publish(draft, notify=False)
    page = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    outputs = page.split('id="outputs">', 1)[1].split("</a>", 1)[0]
    assert outputs.endswith(" \u2066(.zip)\u2069")
    assert f'href="/organize/{event.slug}/versions/1/published/" id="changes"' in page
