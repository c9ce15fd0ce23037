"""A refused answer on the requests page names the answer: "cannot be accepted" or
"cannot be declined", not "cannot be sent" (which only a refused proposal reads).

In the demo mission the Houston cyber office (``h-tx-cyber``, contact ``c-tx-cyber``)
already accepted DGSSI's request ``r-02``: answering it again is refused by the workflow.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, MeetingRequest, Person

PARTIES = (
    "General Directorate for Information Systems Security to meet "
    "Texas Statewide Cyber Resilience Office"
)  # r-02's, by their names (test_request_refusal_names.py)


def _client(mission: Event, person: str, client_for: Callable[..., Client]) -> Client:
    member = accounts.enrol_participant(mission, Person.objects.get(event=mission, key=person))
    client = client_for(member.user)
    client.cookies["django_language"] = "en"
    return client


def _error(page: str) -> str:
    return page.split('class="error" role="alert">', 1)[1].split("</p>", 1)[0]


@pytest.mark.parametrize(
    ("action", "words"),
    [
        (
            "accept",
            f"This request cannot be accepted: the request of {PARTIES} is already accepted",
        ),
        ("decline", f"This request cannot be declined: the request of {PARTIES} is accepted"),
    ],
)
def test_a_refused_answer_says_which_answer(
    mission: Event, client_for: Callable[..., Client], action: str, words: str
) -> None:
    client = _client(mission, "c-tx-cyber", client_for)
    response = client.post(f"/me/{mission.slug}/requests/", {"action": action, "key": "r-02"})
    assert response.status_code == 400
    error = _error(response.content.decode())
    assert error.startswith(words), error
    assert "sent" not in error
    assert MeetingRequest.objects.get(event=mission, key="r-02").status == "accepted"


def test_a_refused_proposal_still_cannot_be_sent(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    client = _client(mission, "p-dgssi-head", client_for)
    response = client.post(
        f"/me/{mission.slug}/requests/", {"action": "propose", "target": "DGSSI"}
    )
    assert response.status_code == 400
    error = _error(response.content.decode())
    assert error.startswith("This request cannot be sent: "), error
    assert "are of one organization" in error
