"""Defects found by walking the demo on a phone in ar, fr and en as a delegate and an
organizer (the pages as their users read them).

Each test fails on the pages as they were: the Arabic calendar button read "(ics.)", a
refused meeting request showed the core's English sentence with people's keys and emptied
the form, the request form offered the organizations' English names on the Arabic page, and
publishing a version that changed nobody's agenda said "0 participants' agendas changed
and were notified".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.test import Client, RequestFactory

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas import domain, fragments
from liqa.web.audit.actor import acting
from liqa.web.events.models import Event, MeetingRequest, Outcome, Person
from liqa.web.events.records import event_record
from liqa.web.scheduling import publishing
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion
from liqa.web.scheduling.records import schedule_record, store_schedule
from liqa.web.scheduling.services import start_run
from tests.web.factories import person_user

ISOLATED_ICS = "\u2066(.ics)\u2069"


def _amina(client_for: Callable[..., Client]) -> Client:
    return client_for(person_user("amina@example.org"))


def test_calendar_button_keeps_its_extension_readable_in_arabic(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The Arabic "(.ics)" was shown "(ics.)": the dot took the Arabic side."""
    publishing.publish(draft)
    page = _amina(client_for).get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="ar")
    button = re.search(r'id="download-ics">([^<]*)</a>', page.content.decode())
    assert button is not None
    assert ISOLATED_ICS in button.group(1)


def test_refused_request_says_why_by_name_and_keeps_the_form(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """Asking again for a meeting already asked for showed "p-amina already asked to meet
    o-beta (request r-web-4, proposed)" and emptied the message and the choice."""
    amina = _amina(client_for)
    url = f"/me/{event.slug}/requests/"
    ask = {"action": "propose", "target": "o-beta", "message": "Payments in Tunis, again"}
    # Amina's accepted meeting with Beta Bank's Bruno (r-1) would refuse the first request
    MeetingRequest.objects.filter(event=event, key="r-1").update(status="cancelled")
    assert amina.post(url, ask).status_code == 302
    refused = amina.post(url, ask)
    page = refused.content.decode()
    assert refused.status_code == 400
    error = re.search(r'<p class="error" role="alert">([^<]*)</p>', page)
    assert error is not None
    assert error.group(1) == "You already asked to meet Beta Bank: see your sent requests."
    assert '<option value="o-beta" dir="auto" selected>Beta Bank</option>' in page
    assert ">Payments in Tunis, again</textarea>" in page


def test_request_form_names_organizations_in_the_readers_language(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The Arabic form offered "Digital Development Agency (Agence de Développement du
    Digital)" though the mission file names it وكالة التنمية الرقمية."""
    accounts.enrol_everyone(mission)
    client = client_for(accounts.user_for_email("s.lamrani@example.org"))
    page = client.get(f"/me/{mission.slug}/requests/", HTTP_ACCEPT_LANGUAGE="ar").content
    assert '<option value="ADD" dir="auto">وكالة التنمية الرقمية</option>' in page.decode()


def test_publishing_an_unchanged_version_says_nobody_was_e_mailed(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A re-plan that changed nothing, published, claimed "0 participants' agendas changed
    and were notified" above an empty table."""
    publishing.publish(draft)
    same = store_schedule(event, schedule_record(draft))
    sent = len(mail.outbox)
    client = client_for(organizer)
    client.post(f"/organize/{event.slug}/versions/{same.number}/publish/")
    assert len(mail.outbox) == sent
    page = client.get(f"/organize/{event.slug}/versions/{same.number}/published/").content
    text = page.decode()
    found = re.search(r'<p id="affected-count">(.*?)</p>', text)
    assert found is not None
    assert found.group(1) == "No participant's agenda changed: nobody was e-mailed."
    assert "<table>" not in text


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_saving_an_outcome_returns_to_that_meeting(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Saving a meeting's outcome led back to the top of the agenda: on a phone, thirty
    meetings away from the one just answered."""
    publishing.publish(draft)
    chen = client_for(person_user("chen@example.org"))
    form = {"assignment": "r-2", "kind": "held", "follow_up": "call", "notes": ""}
    saved = chen.post(f"/me/{event.slug}/outcome/", form)
    assert saved.status_code == 302
    assert saved["Location"] == f"/me/{event.slug}/#entry-r-2"
    agenda = chen.get(f"/me/{event.slug}/").content.decode()
    assert re.search(r'<li class="entry [^"]*" data-id="r-2" id="entry-r-2">', agenda)


def test_public_page_names_cities_and_countries_in_the_readers_language(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The Arabic public page read "المدن: Houston وSilicon Valley" and "(MA)" after each
    Moroccan organization, where the agendas say هيوستن and وادي السيليكون."""
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = client_for(organizer)
    url = f"/events/{mission.slug}/"
    arabic = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    cities = re.search(r"<p><strong>[^<]*:</strong> ([^<]*)</p>", arabic)
    assert cities is not None
    assert cities.group(1) == "هيوستن ووادي السيليكون"
    assert "<small>(المغرب)</small>" in arabic
    assert "<small>(MA)</small>" not in arabic
    assert "<small>(Maroc)</small>" in french


def test_profile_page_names_the_participant_in_arabic(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The Arabic profile page was headed "Sarah Lamrani", where her agenda says سارة
    العمراني (the mission file gives both)."""
    accounts.enrol_everyone(mission)
    client = client_for(accounts.user_for_email("s.lamrani@example.org"))
    url = f"/me/{mission.slug}/profile/"
    assert "<h1>سارة العمراني</h1>" in client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "<h1>Sarah Lamrani</h1>" in client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()


def test_profile_without_any_day_is_refused_and_keeps_what_was_typed(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """Unticking every day saved "no restriction" (available every day), the opposite of
    what was asked; and a refused profile came back as stored, without what was typed."""
    amina = _amina(client_for)
    form = {"languages": ["fr"], "phone": "+212 611 222 333"}  # no day ticked
    refused = amina.post(f"/me/{event.slug}/profile/", form)
    page = refused.content.decode()
    assert refused.status_code == 400
    assert '<p class="error" role="alert">Days I am available: choose at least one day.</p>' in page
    assert 'value="+212 611 222 333"' in page
    assert 'value="fr" checked>' in page
    assert 'value="ar" checked>' not in page
    assert 'name="days" value="2030-03-14">' in page  # shown unticked, as sent
    stored = Person.objects.get(event=event, key="p-amina")
    assert (stored.phone, stored.availability, stored.languages) == ("+212 600", [], ["ar", "fr"])


def test_host_without_any_day_is_refused_and_keeps_what_was_typed(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """A host unticking every day saved "we receive visitors every day"; a refused form
    (no day, or 0 visitors) came back with the stored address and capacity."""
    admin = accounts.user_for_email("it@tx-cyber.example")
    accounts.grant(admin, mission, Role.HOST_ADMIN, organization="h-tx-cyber")
    client = client_for(admin)
    url = f"/host/{mission.slug}/"
    before = [v.windows for v in event_record(mission).visits if v.host == "h-tx-cyber"]
    form = {"action": "settings", "address": "1 Capitol Ave, Austin", "capacity": "6"}
    refused = client.post(url, form)  # no day ticked
    page = refused.content.decode()
    assert refused.status_code == 400
    assert "Days we receive visitors: choose at least one day." in page
    assert ">1 Capitol Ave, Austin</textarea>" in page
    assert 'name="capacity" type="number" min="1" value="6"' in page
    after = [v.windows for v in event_record(mission).visits if v.host == "h-tx-cyber"]
    assert after == before
    zero = client.post(url, {**form, "capacity": "0", "days": ["2024-02-14"]}).content.decode()
    assert ">1 Capitol Ave, Austin</textarea>" in zero
    assert 'value="2024-02-14" checked>' in zero
    assert 'value="2024-02-13" checked>' not in zero


def test_a_flight_across_time_zones_shows_both_zones(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The flight Houston → San José read "9:05 AM–11:20 AM CST": 11:20 is Pacific time
    (the PDF agenda says "CST → PST"), so the phone showed a 2 h 15 flight landing at the
    wrong hour. Both zones are Latin: the arrow between them is part of one left-to-right
    run in Arabic too ("←" there pointed back to CST)."""
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    accounts.enrol_everyone(mission)
    run = start_run(mission, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.result is not None, run.message
    publishing.publish(run.result, notify=False)
    client = client_for(accounts.user_for_email("s.lamrani@example.org"))
    url = f"/me/{mission.slug}/"
    pages = {
        lang: client.get(url, HTTP_ACCEPT_LANGUAGE=lang).content.decode() for lang in ["en", "ar"]
    }
    flights = {
        lang: re.search(
            r'data-id="prog-flight"[^>]*>.*?<small class="zone">([^<]*)</small>', page, re.S
        )
        for lang, page in pages.items()
    }
    assert {lang: f.group(1) if f else None for lang, f in flights.items()} == {
        "en": "CST → PST",
        # one Latin run, isolated whole, read left to right in Arabic too (the PDF's); each
        # name isolated apart ("\u2066CST\u2069 → \u2066PST\u2069") showed PST → CST
        "ar": "\u2066CST → PST\u2069",
    }


def test_history_arrow_points_from_old_to_new_in_arabic(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    """Read right to left, "CTO → Head of payments" pointed from the new value back to the
    old one on the Arabic history page."""
    with acting(organizer):
        person = Person.objects.get(event=event, key="p-bruno")
        person.role = "Head of payments"
        person.save(update_fields=["role"])
    url = f"/organize/{event.slug}/history/"
    arabic = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    english = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<li>المنصب: <bdi>CTO</bdi> ← <bdi>Head of payments</bdi></li>" in arabic
    assert "<li>Role: <bdi>CTO</bdi> → <bdi>Head of payments</bdi></li>" in english


def test_refused_sign_in_request_keeps_the_address(db: None) -> None:
    """Past the hourly limit the sign-in page said to wait, and emptied the address field."""
    client = Client()
    answers = [client.post("/accounts/signin/", {"email": "chen@example.org"}) for _ in range(6)]
    assert [a.status_code for a in answers] == [200, 200, 200, 200, 200, 429]
    assert 'autocomplete="email" value="chen@example.org">' in answers[-1].content.decode()


def test_each_map_link_names_its_place_for_screen_readers(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A screen reader's list of links read "Map, Map, Map…": nothing told them apart."""
    publishing.publish(draft)
    page = _amina(client_for).get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="fr").content
    labels = re.findall(r'target="_blank" aria-label="([^"]*)">Plan</a>', page.decode())
    assert len(labels) == 3  # the next meeting's card, then Amina's two meetings
    assert set(labels) == {"Plan : Palais des Congrès"}


def test_refusal_keeps_a_latin_name_whole_in_arabic(
    event: Event, client_for: Callable[..., Client]
) -> None:
    """A Latin organization's name inside the Arabic refusal is isolated, so that the
    sentence's punctuation does not join it."""
    amina = _amina(client_for)
    url = f"/me/{event.slug}/requests/"
    ask = {"action": "propose", "target": "o-beta", "message": ""}
    # Amina's accepted meeting with Beta Bank's Bruno (r-1) would refuse the first request
    MeetingRequest.objects.filter(event=event, key="r-1").update(status="cancelled")
    amina.post(url, ask)
    page = amina.post(url, ask, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert "\u2066Beta Bank\u2069" in page


def test_history_names_people_in_arabic_on_the_arabic_page(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The Arabic history's person filter listed "Sarah Lamrani", "Karim Benjelloun"…
    though the mission file gives their Arabic names."""
    organizer = accounts.user_for_email("organizer@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    url = f"/organize/{mission.slug}/history/"
    page = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<option value="p-lamrani" dir="auto">سارة العمراني</option>' in page
    assert ">Sarah Lamrani</option>" not in page


def test_host_page_names_its_staff_in_arabic(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    """The Arabic host page listed "Nora Haddad" under its staff, though the mission file
    gives نورا حداد; and her title in English as entered (now in Arabic, in the feminine)."""
    admin = accounts.user_for_email("it@sequoia.example")
    accounts.grant(admin, mission, Role.HOST_ADMIN, organization="h-sequoia-ai")
    url = f"/host/{mission.slug}/"
    page = client_for(admin).get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    staff = re.findall(r"<li>([^<]*) · رئيسة قسم الحلول الحكومية</li>", page)
    assert staff == ["نورا حداد"]


OUTCOME_FORM = re.compile(r'<details class="outcome"( open)?>\s*<summary>([^<]*)</summary>')


def test_past_meetings_outcome_forms_are_closed(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client], empty_caches: None
) -> None:
    """Every past meeting without an outcome showed its form open: a 30-meeting agenda was
    several screens long on a phone, with 4 more tab stops per meeting."""
    ended = datetime(2020, 3, 14, 9, tzinfo=UTC)
    AssignmentRow.objects.filter(version=draft).update(
        start=ended, end=ended + timedelta(minutes=20)
    )
    publishing.publish(draft, notify=False)
    amina = client_for(person_user("amina@example.org"))
    page = amina.get(f"/me/{event.slug}/").content.decode()
    assert OUTCOME_FORM.findall(page) == [("", "Record what came of it")] * 2


def test_the_meeting_that_just_ended_keeps_its_outcome_form_open(
    event: Event, draft: ScheduleVersion, empty_caches: None
) -> None:
    """The meeting that ended last (within 3 hours) is the one to answer now: its form is
    open until its outcome is saved; then its summary says what was recorded."""
    publishing.publish(draft, notify=False)
    agenda, key = domain.kept_agenda(event, "p-amina", "en")
    assert agenda is not None
    last = max(e.end for day in agenda.days for e in day.entries)  # r-2, 09:40 Tunis
    request = RequestFactory().get("/")
    context = {"event": event, "lang": "en", "dir": "ltr"}

    def forms(now: datetime) -> list[tuple[str, str]]:
        assert agenda is not None  # narrowed again: mypy forgets it inside the function
        html = fragments.days_html(request, agenda, key, now, context, outcomes)
        return OUTCOME_FORM.findall(html)

    def outcomes() -> dict[str, Outcome]:
        return {o.assignment: o for o in event.outcomes.all()}

    answer = "Record what came of it"
    assert forms(last + timedelta(hours=1)) == [("", answer), (" open", answer)]
    assert forms(last + timedelta(hours=4)) == [("", answer), ("", answer)]
    Outcome.objects.create(event=event, position=0, assignment="r-2", kind="held", follow_up="call")
    agenda, key = domain.kept_agenda(event, "p-amina", "en")  # a new data stamp
    assert agenda is not None
    assert forms(last + timedelta(hours=1)) == [("", answer), ("", "Outcome: held · call")]


def test_a_skip_link_leads_past_the_header_to_the_content(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A keyboard user tabbed through the brand, the sign-out and three language buttons
    on every page before reaching its content."""
    publishing.publish(draft, notify=False)
    page = client_for(person_user("amina@example.org")).get(f"/me/{event.slug}/")
    body = page.content.decode().split("<body>", 1)[1]
    assert body.lstrip().startswith('<a class="skip" href="#content">Skip to content</a>')
    assert '<main id="content" tabindex="-1"' in body
