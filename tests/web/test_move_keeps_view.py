"""A move made from the grid's "Hosts × days" view leads back to that view (it led back
to the people view before), and only a view the grid knows is carried back."""

from __future__ import annotations

import pytest
from django.test import Client


def test_the_move_form_says_which_view_it_was_sent_from(
    organizer_client: Client, draft_grid: str
) -> None:
    page = organizer_client.get(f"{draft_grid}?by=hosts").content.decode()
    form = page.split('<details class="move">')[1].split("</details>")[0]
    assert '<input type="hidden" name="by" value="hosts">' in form


def test_a_move_from_the_hosts_view_leads_back_to_it(
    organizer_client: Client, draft_grid: str
) -> None:
    client, grid = organizer_client, draft_grid
    moved = client.post(f"{grid}move/", {"key": "r-2", "slot": "2", "table": "3", "by": "hosts"})
    assert (moved.status_code, moved["Location"]) == (302, f"{grid}?by=hosts&moved=r-2")
    page = client.get(moved["Location"]).content.decode()
    assert 'id="by-people"' in page  # the hosts view offers the people view
    assert 'id="moved"' in page


def test_a_refused_move_from_the_hosts_view_links_back_to_it(
    organizer_client: Client, draft_grid: str
) -> None:
    clash = organizer_client.post(
        f"{draft_grid}move/", {"key": "r-2", "slot": "0", "table": "1", "by": "hosts"}
    )
    assert clash.status_code == 409
    assert f'href="{draft_grid}?by=hosts" id="back"' in clash.content.decode()


@pytest.mark.parametrize("by", ["people", "", "//evil.example/", "hosts&next=/x", "HOSTS"])
def test_the_people_view_or_an_unknown_one_leads_to_the_plain_grid(
    by: str, organizer_client: Client, draft_grid: str
) -> None:
    """Whatever else the form sends, the way back is the grid's own address with known
    parameters only: never another site nor an unknown parameter."""
    client, grid = organizer_client, draft_grid
    moved = client.post(f"{grid}move/", {"key": "r-2", "slot": "2", "table": "3", "by": by})
    assert (moved.status_code, moved["Location"]) == (302, f"{grid}?moved=r-2")
    clash = client.post(f"{grid}move/", {"key": "r-1", "slot": "2", "table": "3", "by": by})
    assert clash.status_code == 409
    assert f'href="{grid}" id="back"' in clash.content.decode()
