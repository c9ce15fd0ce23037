"""Lists to pick from in the editing forms, as an Arabic reader sees them.

Found on a phone in Arabic: a list of Latin names (organizations, venues) took the page's
right-to-left direction and, when a name was longer than the field, showed its end and cut
its start ("…mation Systems Security (DGSSI)"); the organization's kind read in English
("government") in every language.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event, Organization

PICK_LISTS = [
    ("people/p-chen/", "organization"),
    ("people/_add/", "organization"),
    ("organizations/o-beta/", "venue"),
    ("venues/_add/", None),
    ("legs/_add/", "hotel"),
    ("legs/_add/", "lunch_venue"),
    ("visits/_add/", "host"),
    ("visits/_add/", "venue"),
    ("programme/_add/", "venue"),
    ("programme/_add/", "end_venue"),
]


def _select(page: str, name: str) -> str:
    """The opening tag of the ``<select>`` named ``name``."""
    tags: list[str] = re.findall(rf'<select[^>]*\bname="{name}"[^>]*>', page)
    assert len(tags) == 1, f"one <select name={name!r}> expected, found {tags}"
    return tags[0]


@pytest.mark.parametrize(("path", "name"), PICK_LISTS)
def test_lists_of_names_take_the_direction_of_their_text(
    path: str, name: str | None, organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    url = f"/events/{event.slug}/edit/{path}"
    page = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert 'dir="rtl"' in page
    if name is None:  # a form without such a list renders none
        assert "<select" not in page
        return
    assert 'dir="auto"' in _select(page, name)


@pytest.mark.parametrize(
    ("lang", "government"), [("ar", "جهة حكومية"), ("fr", "administration"), ("en", "government")]
)
def test_organization_kinds_read_in_the_readers_language(
    lang: str,
    government: str,
    organizer: User,
    event: Event,
    client_for: Callable[..., Client],
) -> None:
    client = client_for(organizer)
    url = f"/events/{event.slug}/edit/organizations/o-beta/"
    page = client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    kinds = page.split('name="kind"', 1)[1].split("</select>", 1)[0]
    assert f'<option value="government">{government}</option>' in kinds
    data = {"name": "Beta Bank", "side": "host", "kind": "government"}
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 302
    assert Organization.objects.get(event=event, key="o-beta").kind == "government"
