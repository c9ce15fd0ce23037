"""Organizers record or correct outcomes on the follow-ups page, one form a meeting row:
the participant's form and service, for the event's organizers only, back to the row saying
it was saved; refused input says why, keeps what was typed and changes nothing stored."""

from __future__ import annotations

import html
import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event, Outcome
from liqa.web.events.records import store_event
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import api_client_for, make_core_event, person_user

pytestmark = pytest.mark.usefixtures("after_the_day")  # the meetings have taken place

URL = "/organize/tunis-b2b-2030/follow-ups/"
FORM = {"assignment": "r-2", "kind": "held", "follow_up": "mou", "notes": "Draft MoU"}


def _row(page: str, key: str) -> str:
    """The table row of meeting ``key`` on the follow-ups page."""
    found = re.search(rf'<tr data-id="{key}" id="outcome-{key}">(.*?)</tr>', page, re.S)
    assert found is not None, page
    return found.group(1)


def _stored(event: Event) -> list[tuple[str, str, str, str, str]]:
    return [
        (o.assignment, o.kind, o.follow_up, o.owner, o.notes)
        for o in Outcome.objects.filter(event=event).order_by("assignment")
    ]


def test_each_row_has_the_participants_form_posting_to_the_follow_ups_page(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    Outcome.objects.create(
        event=event, assignment="r-1", kind="no_show", follow_up="call", notes="Call back"
    )
    page = client_for(organizer).get(URL).content.decode()
    recorded, empty = _row(page, "r-1"), _row(page, "r-2")
    assert f'<form method="post" action="{URL}">' in recorded
    assert '<input type="hidden" name="assignment" value="r-1">' in recorded
    assert '<option value="no_show" selected>No-show</option>' in recorded
    assert '<option value="call" selected>Call</option>' in recorded
    assert '<textarea name="notes" rows="2" aria-label="Notes">Call back</textarea>' in recorded
    assert "<summary>Outcome: no-show · call</summary>" in recorded
    assert "<summary>Record what came of it</summary>" in empty
    assert " selected" not in empty
    assert '<link rel="stylesheet" href="/static/css/followups.css">' in page.split("</head>")[0]


def test_an_organizer_records_an_outcome_and_comes_back_to_its_row(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    boss = client_for(organizer)
    response = boss.post(URL, FORM)
    assert (response.status_code, response["Location"]) == (302, f"{URL}?saved=r-2#outcome-r-2")
    assert _stored(event) == [("r-2", "held", "mou", "", "Draft MoU")]
    page = boss.get(response["Location"]).content.decode()
    row = _row(page, "r-2")
    assert '<p class="notice" role="status" id="outcome-saved">Outcome saved.</p>' in row
    assert '<td data-kind="held">held</td>' in row
    assert '<td data-follow-up="mou">memorandum of understanding</td>' in row
    assert page.count('id="outcome-saved"') == 1
    assert 'id="outcome-saved"' not in boss.get(URL).content.decode()


def test_an_organizers_correction_keeps_the_participant_as_owner(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    """Correcting Chen's outcome on the follow-ups page (or through the API) keeps Chen
    the follow-up's owner: the organizer is no participant."""
    publish(draft, notify=False)
    chen = client_for(person_user("chen@example.org"))
    assert chen.post("/me/tunis-b2b-2030/outcome/", FORM).status_code == 302
    boss = client_for(organizer)
    assert boss.post(URL, {**FORM, "follow_up": "partnership"}).status_code == 302
    assert _stored(event) == [("r-2", "held", "partnership", "p-chen", "Draft MoU")]
    api = api_client_for(organizer).post(
        "/api/events/tunis-b2b-2030/outcomes/", {**FORM, "kind": "no_show"}, format="json"
    )
    assert (api.status_code, api.json()["owner"]) == (201, "p-chen")
    assert _stored(event) == [("r-2", "no_show", "mou", "p-chen", "Draft MoU")]
    assert '<td data-owner="p-chen">Chen Li</td>' in _row(boss.get(URL).content.decode(), "r-2")


def _other_organizer() -> User:
    other = store_event(make_core_event("other-b2b-2030"))
    user = accounts.user_for_email("other.organizer@example.org")
    accounts.grant(user, other, Role.ORGANIZER)
    return user


@pytest.mark.parametrize("who", ["amina", "chen", "host_admin", "other_organizer", "anonymous"])
def test_only_the_events_organizers_record_there(
    event: Event,
    draft: ScheduleVersion,
    host_admin: User,
    client_for: Callable[..., Client],
    who: str,
) -> None:
    """Chen attends r-2 yet records it on their agenda, not here; Beta Bank's administrator
    hosts r-1; the organizer of another event organizes nothing here."""
    publish(draft, notify=False)
    users: dict[str, Callable[[], User | None]] = {
        "amina": lambda: person_user("amina@example.org"),
        "chen": lambda: person_user("chen@example.org"),
        "host_admin": lambda: host_admin,
        "other_organizer": _other_organizer,
        "anonymous": lambda: None,
    }
    client = client_for(users[who]())
    response = client.post(URL, FORM)
    if who == "anonymous":
        assert response["Location"] == f"/accounts/signin/?next={URL}"
    else:
        assert response.status_code == 403
    assert client.get(URL).status_code == (302 if who == "anonymous" else 403)
    assert _stored(event) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            {"kind": "great"},
            "Choose what happened and the follow-up from the lists: nothing was saved.",
        ),
        (
            {"follow_up": "lunch"},
            "Choose what happened and the follow-up from the lists: nothing was saved.",
        ),
        (
            {"assignment": "r-3"},
            "This meeting is not in the published schedule: nothing was saved.",
        ),
    ],
)
def test_refused_input_says_why_keeps_what_was_typed_and_changes_nothing(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[..., Client],
    change: dict[str, str],
    message: str,
) -> None:
    publish(draft, notify=False)
    boss = client_for(organizer)
    assert boss.post(URL, {**FORM, "notes": "First"}).status_code == 302
    sent = {**FORM, "notes": "Typed again, not lost", **change}
    response = boss.post(URL, sent)
    page = response.content.decode()
    assert response.status_code == 400
    error = re.search(r'<p class="error" role="alert" id="outcome-error">(.*?)</p>', page, re.S)
    assert error is not None
    assert html.unescape(re.sub(r"<[^>]+>", "", error.group(1))).startswith(message)
    assert _stored(event) == [("r-2", "held", "mou", "", "First")]  # as it was
    if sent["assignment"] == "r-2":  # its row's form open again, as it was sent
        row = _row(page, "r-2")
        assert '<details class="outcome" open>' in row
        assert ">Typed again, not lost</textarea>" in row
        assert "<summary>Outcome: held · memorandum of understanding</summary>" in row
        assert 'href="#outcome-r-2"' in error.group(1)
    else:  # a request never placed: no row to go back to
        assert 'href="#' not in error.group(1)
        assert page.count('<details class="outcome" open>') == 0


def test_the_page_reads_in_french_with_the_form_in_french(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    boss = client_for(organizer)
    boss.post(URL, FORM)
    page = boss.get(URL, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    row = _row(page, "r-2")
    assert """<td data-follow-up="mou">protocole d'accord</td>""" in row
    assert "<summary>Résultat : tenu · protocole d'accord</summary>" in row
    assert '<option value="partnership">Partenariat</option>' in row
    assert '<td class="followups-when"><span class="time">' in row


def test_a_cancelled_meeting_stays_cancelled_when_its_follow_up_is_changed(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    """The form offers held or no-show; an outcome recorded as cancelled elsewhere (the API,
    a mission file) is offered as it is, not shown as "held" and changed on saving."""
    publish(draft, notify=False)
    Outcome.objects.create(event=event, assignment="r-2", kind="cancelled", owner="p-chen")
    boss = client_for(organizer)
    row = _row(boss.get(URL).content.decode(), "r-2")
    assert '<option value="cancelled" selected>Cancelled</option>' in row
    assert '<option value="cancelled"' not in _row(boss.get(URL).content.decode(), "r-1")
    assert boss.post(URL, {**FORM, "kind": "cancelled", "follow_up": "call"}).status_code == 302
    assert _stored(event) == [("r-2", "cancelled", "call", "p-chen", "Draft MoU")]
