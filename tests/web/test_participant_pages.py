"""Participant pages show only the participant's own, published data."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client

from liqa.web.events.models import Event, MeetingRequest
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


@pytest.fixture
def amina(event: Event, client_for: Callable[..., Client]) -> Client:
    return client_for(person_user("amina@example.org"))


@pytest.fixture
def chen(event: Event, client_for: Callable[..., Client]) -> Client:
    return client_for(person_user("chen@example.org"))


def test_agenda_hidden_until_published(amina: Client, event: Event, draft: ScheduleVersion) -> None:
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert ('id="no-agenda"' in page, 'data-id="r-1"' in page) == (True, False)
    assert amina.get(f"/me/{event.slug}/agenda.ics").status_code == 404


def test_agenda_lists_own_meetings_in_local_time(
    amina: Client, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft)
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert (page.count('data-id="r-1"'), page.count('data-id="r-2"')) == (1, 1)
    assert "9:00" in page  # 09:00 Tunis time, not 08:00 UTC
    assert 'id="next-meeting"' in page
    assert "https://www.openstreetmap.org/?mlat=36.806500" in page


def test_agenda_never_shows_other_peoples_meetings(
    chen: Client, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft)
    page = chen.get(f"/me/{event.slug}/").content.decode()
    assert ('data-id="r-2"' in page, 'data-id="r-1"' in page, "Bruno Martin" in page) == (
        True,
        False,
        False,
    )


def test_ics_download_holds_own_meetings_only(
    chen: Client, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft)
    response = chen.get(f"/me/{event.slug}/agenda.ics")
    body = response.content.decode()
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert (body.count("BEGIN:VEVENT"), "r-1" in body) == (1, False)


def test_arabic_page_is_rtl(amina: Client, event: Event) -> None:
    amina.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert ("liqa-rtl.css" in page, "تسجيل الخروج" in page, "Sign out" in page) == (
        True,
        True,
        False,
    )


def test_calendar_feed_follows_then_stops_when_revoked(
    amina: Client, event: Event, draft: ScheduleVersion
) -> None:
    publish(draft)
    amina.post(f"/me/{event.slug}/feed/", {"action": "create"})
    page = amina.get(f"/me/{event.slug}/").content.decode()
    url = page.split('id="feed-url">', 1)[1].split("<", 1)[0].replace("&amp;", "&")
    path = url.removeprefix("http://testserver")
    anonymous = Client()
    assert anonymous.get(path).content.decode().count("BEGIN:VEVENT") == 2
    amina.post(f"/me/{event.slug}/feed/", {"action": "revoke"})
    assert anonymous.get(path).status_code == 404


def test_requests_page_shows_only_requests_involving_me(chen: Client, event: Event) -> None:
    page = chen.get(f"/me/{event.slug}/requests/").content.decode()
    assert ('data-id="r-2"' in page, 'data-id="r-3"' in page, 'data-id="r-1"' in page) == (
        True,
        True,
        False,
    )


def test_accepting_a_request_goes_through_the_workflow(chen: Client, event: Event) -> None:
    response = chen.post(f"/me/{event.slug}/requests/", {"key": "r-3", "action": "accept"})
    assert response.status_code == 302
    assert MeetingRequest.objects.get(event=event, key="r-3").status == "accepted"


def test_answering_someone_elses_request_is_refused(amina: Client, event: Event) -> None:
    response = amina.post(f"/me/{event.slug}/requests/", {"key": "r-3", "action": "accept"})
    assert response.status_code == 403
    assert MeetingRequest.objects.get(event=event, key="r-3").status == "proposed"


def test_accepting_twice_reports_the_core_error(chen: Client, event: Event) -> None:
    chen.post(f"/me/{event.slug}/requests/", {"key": "r-3", "action": "accept"})
    response = chen.post(f"/me/{event.slug}/requests/", {"key": "r-3", "action": "decline"})
    assert response.status_code == 400
    assert MeetingRequest.objects.get(event=event, key="r-3").status == "accepted"


def test_sending_a_request_stores_it_proposed(chen: Client, event: Event) -> None:
    # Chen's accepted meeting with Alpha Pay's Amina (r-2) would make this one a duplicate
    MeetingRequest.objects.filter(event=event, key="r-2").update(status="cancelled")
    response = chen.post(
        f"/me/{event.slug}/requests/",
        {"action": "propose", "target": "o-alpha", "message": "Agritech payments?"},
    )
    assert response.status_code == 302
    created = MeetingRequest.objects.get(event=event, key="r-web-4")
    assert (created.requester, created.target, created.status, created.message) == (
        "p-chen",
        "o-alpha",
        "proposed",
        "Agritech payments?",
    )


def test_public_page_shows_no_private_data(event: Event) -> None:
    page = Client().get(f"/events/{event.slug}/").content.decode()
    assert ("Alpha Pay" in page, "amina@example.org" in page, "+212" in page) == (
        True,
        False,
        False,
    )


def test_profile_update_reaches_the_core_record(amina: Client, event: Event) -> None:
    response = amina.post(
        f"/me/{event.slug}/profile/",
        {"languages": ["fr", "en"], "themes": ["fintech"], "days": ["2030-03-14"], "phone": "+1"},
    )
    assert response.status_code == 302
    person = event_record(event).person("p-amina")
    assert (person.languages, person.themes, person.phone) == (("fr", "en"), ("fintech",), "+1")
    assert person.availability == ()  # every day of the event: no restriction


def test_profile_refuses_unknown_values(amina: Client, event: Event) -> None:
    bad = amina.post(f"/me/{event.slug}/profile/", {"languages": ["de"], "days": []})
    assert (bad.status_code, "unknown language(s): de" in bad.content.decode()) == (400, True)
    assert event_record(event).person("p-amina").languages == ("ar", "fr")


def test_arabic_subtitle_isolates_each_part_in_its_own_direction(
    amina: Client, event: Event, draft: ScheduleVersion
) -> None:
    """The role reads in Arabic and the Latin organization name sits in its own isolate
    (it was printed inside one run with the Arabic role, so its words could change sides)."""
    publish(draft)
    amina.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    page = amina.get(f"/me/{event.slug}/").content.decode()
    subtitle = page.split('<p class="subtitle">', 1)[1].split("</p>", 1)[0]
    assert subtitle.endswith('الرئيس التنفيذي، <bdi class="ltr">Alpha Pay</bdi>')
