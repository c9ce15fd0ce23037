"""The set-up the tests of the staleness notice share (a published schedule that no longer
fits the event, told on the overview and on the version's page): the organizer reading
English, both pages read, and the notice's section."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event


def organizer_reading_english(event: Event, client_for: Callable[[User | None], Client]) -> Client:
    """A client signed in as an organizer of ``event``, reading English."""
    user = User.objects.create_user("org", "org@example.org", "organizer-pass-1")
    accounts.grant(user, event, Role.ORGANIZER)
    signed_in = client_for(user)
    signed_in.cookies["django_language"] = "en"
    return signed_in


def pages(client: Client, event: Event) -> tuple[str, str]:
    """The overview and version 1's page."""
    overview = client.get(f"/organize/{event.slug}/")
    grid = client.get(f"/organize/{event.slug}/versions/1/")
    assert overview.status_code == grid.status_code == 200
    return overview.content.decode(), grid.content.decode()


def stale_section(html: str) -> str:
    """The page's staleness notice (there must be one)."""
    assert 'id="stale"' in html
    return html.split('<section class="card" id="stale"', 1)[1].split("</section>", 1)[0]
