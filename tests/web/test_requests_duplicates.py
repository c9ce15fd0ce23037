"""A delegate asks a host their organization already asked (or meets): one meeting per pair.

The demo mission's DGSSI asked the Houston cyber office (``r-02``, accepted): the requests
page recommended it with "Ask for a meeting", whose tap stored a second request.
"""

from __future__ import annotations

from collections.abc import Callable

from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, MeetingRequest, Person

HOST = "h-tx-cyber"


def _delegate_client(mission: Event, client_for: Callable[..., Client]) -> Client:
    member = accounts.enrol_participant(
        mission, Person.objects.get(event=mission, key="p-dgssi-head")
    )
    return client_for(member.user)


def _card(page: str, organization: str) -> str:
    return page.split(f'data-org="{organization}"', 1)[1].split("</li>\n", 1)[0]


def test_a_host_the_organization_meets_is_recommended_as_accepted_without_ask(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    page = _delegate_client(mission, client_for).get(f"/me/{mission.slug}/requests/")
    card = _card(page.content.decode(), HOST)
    assert "Meeting accepted" in card
    assert "Ask for a meeting" not in card


def test_asking_a_host_the_organization_meets_is_refused_in_words(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    client = _delegate_client(mission, client_for)
    client.cookies["django_language"] = "en"
    before = MeetingRequest.objects.filter(event=mission).count()
    response = client.post(
        f"/me/{mission.slug}/requests/", {"action": "propose", "target": HOST, "message": ""}
    )
    assert response.status_code == 400
    assert MeetingRequest.objects.filter(event=mission).count() == before
    page = response.content.decode()
    error = page.split('class="error" role="alert">', 1)[1].split("</p>", 1)[0]
    assert error.startswith("Your organization already has a meeting with")
    assert "r-02" not in error
    assert HOST not in error


def test_asking_a_host_the_organization_asked_is_refused_in_words(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    client = _delegate_client(mission, client_for)
    client.cookies["django_language"] = "en"
    page = client.get(f"/me/{mission.slug}/requests/").content.decode()
    if 'data-org="h-zerogate"' in page:  # r-24, DGSSI's proposal, waiting for an answer
        assert "Already asked" in _card(page, "h-zerogate")
    response = client.post(
        f"/me/{mission.slug}/requests/", {"action": "propose", "target": "h-zerogate"}
    )
    assert response.status_code == 400
    assert "Your organization already asked to meet" in response.content.decode()
    assert not MeetingRequest.objects.filter(
        event=mission, requester="p-dgssi-head", target="h-zerogate"
    ).exists()


def test_an_unknown_target_is_refused_with_a_word(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    response = _delegate_client(mission, client_for).post(
        f"/me/{mission.slug}/requests/", {"action": "propose", "target": "nobody"}
    )
    assert response.status_code == 400
    assert "Choose whom to meet from the list." in response.content.decode()
    assert not MeetingRequest.objects.filter(event=mission, target="nobody").exists()
