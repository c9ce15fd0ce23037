"""A pin set from the grid's "Hosts × days" view leads back to that view (it led back to
the people view before), and so does every refused change's way back (pin or move);
only a view the grid knows is carried back."""

from __future__ import annotations

import pytest
from django.test import Client

from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish


def test_the_pin_form_says_which_view_it_was_sent_from(
    organizer_client: Client, draft_grid: str
) -> None:
    page = organizer_client.get(f"{draft_grid}?by=hosts").content.decode()
    form = page.split(f'action="{draft_grid}pin/"')[1].split("</form>")[0]
    assert '<input type="hidden" name="by" value="hosts">' in form


def test_a_pin_from_the_hosts_view_leads_back_to_it(
    organizer_client: Client, draft_grid: str
) -> None:
    client, grid = organizer_client, draft_grid
    pinned = client.post(f"{grid}pin/", {"key": "r-2", "pinned": "1", "by": "hosts"})
    assert (pinned.status_code, pinned["Location"]) == (302, f"{grid}?by=hosts")
    page = client.get(pinned["Location"]).content.decode()
    assert 'id="by-people"' in page  # the hosts view offers the people view
    assert 'class="meeting pinned"' in page


def test_a_refused_pin_or_move_from_the_hosts_view_links_back_to_it(
    organizer_client: Client, draft: ScheduleVersion, draft_grid: str
) -> None:
    """No such meeting (404), a bad slot (400), a version published meanwhile (409)."""
    client, grid = organizer_client, draft_grid
    no_meeting = client.post(f"{grid}pin/", {"key": "r-9", "pinned": "1", "by": "hosts"})
    bad_slot = client.post(f"{grid}move/", {"key": "r-2", "slot": "two", "by": "hosts"})
    publish(draft, notify=False)
    published = client.post(f"{grid}pin/", {"key": "r-2", "pinned": "1", "by": "hosts"})
    answers = [no_meeting, bad_slot, published]
    assert [a.status_code for a in answers] == [404, 400, 409]
    for answer in answers:
        assert f'<a href="{grid}?by=hosts" id="back">' in answer.content.decode()


@pytest.mark.parametrize("by", ["people", "", "//evil.example/", "hosts&next=/x", "HOSTS"])
def test_a_pin_from_the_people_view_or_an_unknown_one_leads_to_the_plain_grid(
    by: str, organizer_client: Client, draft_grid: str
) -> None:
    """Whatever else the form sends, the way back is the grid's own address: never another
    site nor an unknown parameter."""
    client, grid = organizer_client, draft_grid
    pinned = client.post(f"{grid}pin/", {"key": "r-2", "pinned": "1", "by": by})
    assert (pinned.status_code, pinned["Location"]) == (302, grid)
    refused = client.post(f"{grid}pin/", {"key": "r-9", "pinned": "1", "by": by})
    assert refused.status_code == 404
    assert f'<a href="{grid}" id="back">' in refused.content.decode()
