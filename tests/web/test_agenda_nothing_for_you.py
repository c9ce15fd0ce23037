"""A participant whom the published programme gives nothing (no request accepted in time,
or added since) reads so on their agenda, not a page with only its buttons and the
calendar feed (found walking the web app on a phone in French)."""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from liqa.web.events.models import Event, Person
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


def test_a_published_agenda_with_nothing_says_so(
    event: Event, draft: ScheduleVersion, dina: Person, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    dinas = client_for(person_user("dina@example.org")).get(f"/me/{event.slug}/").content.decode()
    aminas = client_for(person_user("amina@example.org")).get(f"/me/{event.slug}/")
    assert ('id="no-meetings"' in dinas, 'id="no-agenda"' in dinas) == (True, False)
    assert f'href="/me/{event.slug}/requests/"' in dinas
    assert 'id="no-meetings"' not in aminas.content.decode()
