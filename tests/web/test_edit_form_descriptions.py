"""Each field of the event's edit forms is described by its own help and error texts.

Django 6 gives a field with help text or errors ``aria-describedby="<id>_helptext
<id>_error"`` (and ``aria-invalid``); the edit form printed them without those ids, so a
screen reader read a field's name and not what was wrong with it (WCAG 1.3.1, 3.3.1).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events import editing
from liqa.web.events.models import Event

pytestmark = pytest.mark.django_db

PATHS = {"availability": "p-amina/", "profiles": "o-alpha/", "brokerage": ""}
"""Forms that edit what a record has (not added on their own), by the record's key."""
DESCRIBED = re.compile(r'<(?:input|select|textarea)\b[^>]*\baria-describedby="([^"]*)"')


def _missing(page: str) -> list[str]:
    """The ids that some field's aria-describedby names and no element of ``page`` has."""
    ids = set(re.findall(r'\bid="([^"]*)"', page))
    named = [i for found in DESCRIBED.findall(page) for i in found.split()]
    return sorted({i for i in named if i not in ids})


@pytest.mark.parametrize("kind", sorted(editing.KINDS))
def test_every_description_a_form_names_is_on_its_page(
    kind: str, event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    page = client_for(organizer).get(f"/events/{event.slug}/edit/{kind}/{PATHS.get(kind, '_add/')}")
    assert page.status_code == 200, (kind, page.status_code)
    assert _missing(page.content.decode()) == []


def test_a_refused_fields_error_is_its_description(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """A person without a name: the name field is invalid and described by its error."""
    data = {"key": "p-dina", "name": "", "organization": "o-gamma"}
    response = client_for(organizer).post(f"/events/{event.slug}/edit/people/_add/", data)
    page = response.content.decode()
    field = re.search(r'<input\b[^>]*\bname="name"[^>]*>', page)
    assert response.status_code == 400
    assert field is not None
    assert 'aria-invalid="true"' in field.group(0)
    described = re.search(r'aria-describedby="([^"]*)"', field.group(0))
    assert described is not None
    error = described.group(1).split()[-1]
    block = re.search(rf'<div id="{error}">(.*?)</div>', page, re.S)
    assert block is not None, f"no element {error}"
    assert 'id="error-name"' in block.group(1)
    assert "<li>" in block.group(1)
    assert _missing(page) == []
