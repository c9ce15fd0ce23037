"""Manual moves in the grid, checked at once by the core's checker."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling import moves
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import at


def test_move_to_a_free_slot_and_table(draft: ScheduleVersion) -> None:
    assert moves.move(draft, "r-2", 2, 3) == []
    moved = draft.assignments.get(key="r-2")
    assert (moved.start, moved.end, moved.table) == (at(9, 40), at(10), 3)


def test_move_into_a_clash_is_refused_with_the_rule(draft: ScheduleVersion) -> None:
    conflicts = moves.move(draft, "r-2", 0, 1)
    assert sorted({c.label for c in conflicts}) == ["overlap", "tables"]
    unchanged = draft.assignments.get(key="r-2")
    assert (unchanged.start, unchanged.table) == (at(9, 20), 2)


def test_move_page_reports_conflicts_and_refuses_published(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/move/"
    clash = client.post(url, {"key": "r-2", "slot": "0", "table": "1"})
    assert (clash.status_code, 'id="conflicts"' in clash.content.decode()) == (409, True)
    assert client.post(url, {"key": "r-2", "slot": "2", "table": "3"}).status_code == 302
    publish(draft, notify=False)
    assert client.post(url, {"key": "r-2", "slot": "1", "table": "2"}).status_code == 409


def test_conflicts_are_explained_in_the_organizers_language(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/move/"
    clash = client.post(url, {"key": "r-2", "slot": "0", "table": "1"}, HTTP_ACCEPT_LANGUAGE="fr")
    page = clash.content.decode()
    assert clash.status_code == 409
    # people by name and slots by start time, not by their keys and numbers
    assert "créneau 09:00 : la table 1 est occupée par 2 rendez-vous" in page
    assert (
        '<li data-rule="overlap">Amina Idrissi a 2 rendez-vous au créneau 09:00 (peut en suivre 1)'
        in page
    )
    assert "used by" not in page


def test_pin_or_move_on_a_version_published_meanwhile_answers_a_page_with_a_way_back(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Was a bare English text ("published versions cannot change"); now the app's page in
    the reader's language (still 409), saying why, with a link back to the version."""
    client = client_for(organizer)
    publish(draft, notify=False)
    base = f"/organize/{event.slug}/versions/1"
    answers = [
        client.post(f"{base}/pin/", {"key": "r-2", "pinned": "1"}, HTTP_ACCEPT_LANGUAGE="ar"),
        client.post(f"{base}/move/", {"key": "r-2", "slot": "2", "table": "3"}),
        client.post(f"{base}/pin/", {"key": "r-9", "pinned": "1"}),
    ]
    pages = [a.content.decode() for a in answers]
    assert [a.status_code for a in answers] == [409, 409, 409]
    assert ['<html lang="ar" dir="rtl">' in p for p in pages] == [True, False, False]
    assert all(f'<a href="{base}/" id="back">' in p for p in pages)
    assert "Version 1 was published in the meantime" in pages[1]


def test_a_move_or_pin_of_no_meeting_says_so_on_a_page(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    base = f"/organize/{event.slug}/versions/1"
    pin = client.post(f"{base}/pin/", {"key": "r-9", "pinned": "1"})
    move = client.post(f"{base}/move/", {"key": "r-2", "slot": "two"})
    assert (pin.status_code, move.status_code) == (404, 400)
    assert "Version 1 has no such meeting." in pin.content.decode()
    assert "Choose a meeting of this version, a slot and a table." in move.content.decode()


def test_the_grid_says_where_a_moved_meeting_went(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A move used to lead back to the grid without a word: now the grid says which
    meeting went where (its parties, local times and table)."""
    client = client_for(organizer)
    moved = client.post(
        f"/organize/{event.slug}/versions/1/move/", {"key": "r-2", "slot": "2", "table": "3"}
    )
    assert moved.status_code == 302
    assert moved["Location"] == f"/organize/{event.slug}/versions/1/?moved=r-2"
    page = client.get(moved["Location"], HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert '<p class="notice" id="moved" role="status">' in page
    assert "Amina Idrissi – Chen Li, 09:40–10:00" in page
    plain = client.get(f"/organize/{event.slug}/versions/1/").content.decode()
    unknown = client.get(f"/organize/{event.slug}/versions/1/?moved=r-9").content.decode()
    assert 'id="moved"' not in plain + unknown


def test_the_move_forms_fields_have_visible_labels(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The slot and table were named by aria-label only, nothing on screen said which: the
    grid's one Move form (filled by js/grid.js) and a meeting's Move page without script."""
    client = client_for(organizer)
    page = client.get(f"/organize/{event.slug}/versions/1/").content.decode()
    shared = page.split('<template id="move-form">')[1].split("</template>")[0]
    alone = client.get(f"/organize/{event.slug}/versions/1/move/?key=r-2").content.decode()
    for form in (shared, alone.split('<div class="move" id="move">')[1].split("</form>")[0]):
        assert "<label>Slot" in form
        assert "<label>Table" in form
        assert "aria-label" not in form
