"""A refused request on the requests page names the people and organizations by their
names in the reader's language, a Latin name isolated (U+2066…U+2069) in Arabic, and never
a request's id or a person's key (the old page said "request r-02 is already accepted" and
"p-dgssi-head and DGSSI are of one organization").

In the demo mission the Houston cyber office (``h-tx-cyber``, contact ``c-tx-cyber``, no
Arabic name) already accepted DGSSI's request ``r-02``.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import pytest
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.events.models import Event, Person

DGSSI = "General Directorate for Information Systems Security"
DGSSI_AR = "المديرية العامة لأمن نظم المعلومات"
CYBER = "Texas Statewide Cyber Resilience Office"
KEYS = ("r-02", "h-tx-cyber", "c-tx-cyber", "p-dgssi-head")


def _error(
    mission: Event, client_for: Callable[..., Client], person: str, lang: str, data: dict[str, str]
) -> str:
    member = accounts.enrol_participant(mission, Person.objects.get(event=mission, key=person))
    client = client_for(member.user)
    client.cookies["django_language"] = lang
    response = client.post(f"/me/{mission.slug}/requests/", data)
    assert response.status_code == 400
    page = response.content.decode()
    said = page.split('class="error" role="alert">', 1)[1].split("</p>", 1)[0]
    error = html.unescape(said)
    for key in KEYS:
        assert key not in error, error
    return error


def test_an_answer_again_names_both_organizations(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    error = _error(mission, client_for, "c-tx-cyber", "en", {"action": "accept", "key": "r-02"})
    assert error == (
        f"This request cannot be accepted: the request of {DGSSI} to meet {CYBER} is "
        "already accepted"
    )


def test_a_decline_of_an_accepted_request_names_both_organizations(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    error = _error(mission, client_for, "c-tx-cyber", "en", {"action": "decline", "key": "r-02"})
    assert error == (
        f"This request cannot be declined: the request of {DGSSI} to meet {CYBER} is "
        "accepted: it can only become cancelled, not declined"
    )


def test_in_arabic_the_names_are_in_arabic_or_isolated(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    error = _error(mission, client_for, "c-tx-cyber", "ar", {"action": "accept", "key": "r-02"})
    assert f"\u2066{CYBER}\u2069" in error
    assert DGSSI_AR in error
    assert f"\u2066{DGSSI_AR}" not in error  # an Arabic name needs no isolate in Arabic
    assert DGSSI not in error


@pytest.mark.parametrize(
    ("lang", "person", "organization"),
    [
        ("en", "Mohammed Ouazzani", DGSSI),
        ("ar", "محمد الوزاني", DGSSI_AR),
    ],
)
def test_a_proposal_to_ones_own_organization_names_the_person(
    mission: Event, client_for: Callable[..., Client], lang: str, person: str, organization: str
) -> None:
    error = _error(
        mission, client_for, "p-dgssi-head", lang, {"action": "propose", "target": "DGSSI"}
    )
    assert person in error
    assert organization in error
    if lang == "en":
        assert error == (
            f"This request cannot be sent: {person} and {organization} are of one organization"
        )
