"""Defects found by a QA pass with a phone in ar, fr and en (pages read as their users do).

Each test fails on the pages as they were before the fix: English codes on Arabic pages,
times without their zone on the organizer's grid, Latin punctuation between Arabic names,
an address shown backwards in an Arabic form field, cities and themes not translated.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import store_event
from liqa.web.scheduling.models import AssignmentRow, Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule, person_user


def test_overview_words_are_in_the_readers_language(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The counts, the request states and the run states were shown as codes ("legs",
    "accepted", "done") on the Arabic and French overview."""
    Run.objects.create(event=event, time_limit=1, state=RunState.DONE, result=draft)
    client = client_for(organizer)
    url = f"/organize/{event.slug}/"
    arabic = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    labels = re.findall(r"<dt>([^<]*)</dt>", arabic)
    assert "المراحل" in labels
    assert "الأشخاص" in labels
    assert not {"legs", "people", "venues", "organizations", "programme"} & set(labels)
    assert '<td data-state="done">اكتمل</td>' in arabic
    assert "<dt>Personnes</dt>" in french
    # the codes stay in data attributes for scripts and tests
    assert 'id="count-legs"' in arabic


def test_overview_requests_table_scrolls_inside_its_card(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """Five columns of requests made the whole overview 619 px wide on a 390 px phone."""
    html = client_for(organizer).get(f"/organize/{event.slug}/").content.decode()
    requests = html[html.index('id="requests"') :]
    assert re.search(
        r'<details><summary>3 requests</summary>\s*<div class="grid-wrap"><table>', requests
    )


def test_grid_times_carry_their_time_zone(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A travel day holds times of two zones (the demo's 16 Feb: a flight 09:05–13:20
    Houston time, then a transfer at 11:45 California time); each cell names its zone."""
    html = client_for(organizer).get(f"/organize/{event.slug}/versions/1/").content.decode()
    times = re.findall(r'<span class="time">([^<]*)<small class="zone">([^<]*)</small>', html)
    assert times
    assert all(zone == "CET" for _time, zone in times)


def _two_delegates(db: None) -> Event:
    """The test event with a second delegate at Amina's meeting with Bruno (a third one
    stays away, so the agenda names them rather than "the whole delegation"), published."""
    base = make_core_event()
    dina = core.Person("p-dina", "Dina Saidi", "o-alpha", languages=("ar",), email="dina@x.org")
    omar = core.Person("p-omar", "Omar Tazi", "o-alpha", languages=("ar",))
    row = store_event(dataclasses.replace(base, people=(*base.people, dina, omar)))
    accounts.enrol_everyone(row)
    schedule = make_schedule(base)
    first, *rest = schedule.assignments
    first = dataclasses.replace(first, attendees=("p-amina", "p-dina", "p-bruno"))
    publish(store_schedule(row, dataclasses.replace(schedule, assignments=(first, *rest))))
    return row


def test_arabic_agenda_separates_names_with_the_arabic_comma(db: None) -> None:
    event = _two_delegates(db)
    bruno = Client()
    bruno.force_login(person_user("bruno@example.org"))
    arabic = bruno.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    english = bruno.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    # at a brokerage event the participants come with their organization and roles, as
    # hosts do; Latin names are isolated in Arabic
    assert (
        '<bdi class="ltr">Amina Idrissi</bdi> <small>(الرئيس التنفيذي)</small></span>،'
        ' <span class="person"><bdi class="ltr">Dina Saidi</bdi></span></p>'
    ) in arabic
    assert (
        'Amina Idrissi <small>(CEO)</small></span>, <span class="person">Dina Saidi</span></p>'
    ) in english


def test_host_page_in_arabic(mission: Event) -> None:
    """The address (Latin, starting with a number) read "Bagby St, Houston, TX 77002 915" in
    the right-to-left form; the receiving days were labelled "Houston" in Arabic."""
    host = accounts.user_for_email("host@hou-egov.example")
    accounts.grant(host, mission, Role.HOST_ADMIN, organization="h-hou-egov")
    client = Client()
    client.force_login(host)
    html = client.get(f"/host/{mission.slug}/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert re.search(r'<textarea id="address" name="address" [^>]*dir="auto">915 Bagby', html)
    days = re.findall(r'name="days" value="[^"]*"[^>]*> [^<]* · ([^<]*)</label>', html)
    assert "هيوستن" in days
    assert "Houston" not in days


def test_profile_themes_and_cities_in_the_readers_language(mission: Event) -> None:
    """Interests were listed by their ids ("artificial-intelligence") in every language."""
    accounts.enrol_everyone(mission)
    client = Client()
    client.force_login(person_user("s.lamrani@example.org"))
    french = client.get(f"/me/{mission.slug}/profile/", HTTP_ACCEPT_LANGUAGE="fr").text
    themes = re.findall(r'name="themes" value="([^"]*)"[^>]*> ([^<]*)</label>', french)
    assert ("artificial-intelligence", "intelligence artificielle") in themes
    assert all(code != label for code, label in themes if "-" in code)


def test_next_meeting_links_to_its_whole_day(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """On the demo's third morning the day's agenda began 2,054 px down a phone page (two
    past days above it); the next-meeting card now links to its day (one tap)."""
    publish(draft)
    amina = client_for(person_user("amina@example.org"))
    html = amina.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    card = html[html.index('id="next-meeting"') : html.index("</section>")]
    assert 'href="#day-2030-03-14"' in card
    assert '<h2 class="day" id="day-2030-03-14">' in html


def test_a_published_version_can_be_replanned_with_few_changes(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """After publishing, the grid offered no re-plan around the published version: on the
    demo, a host's cancelled day left only a fresh run, which moved 17 of 43 items
    (every delegate e-mailed), where the re-plan from v1 moved none (0.4 s)."""
    publish(draft)
    client = client_for(organizer)
    html = client.get(f"/organize/{event.slug}/versions/1/").content.decode()
    form = re.search(
        r'<form method="post" action="([^"]*)"[^>]*>(?:(?!</form>).)*id="replan"', html, re.S
    )
    assert form is not None
    assert 'name="base" value="1"' in form.group(0)
    assert 'id="publish"' not in html
    client.post(form.group(1), {"base": "1"})
    run = Run.objects.get(event=event, base=draft)
    assert run.state == RunState.DONE
    assert run.result is not None
    moved = {a.key: a.start for a in run.result.assignments.all()}
    assert moved == {a.key: a.start for a in draft.assignments.all()}


def test_host_settings_refused_on_the_page_in_the_readers_language(mission: Event) -> None:
    """A capacity of 0 answered a bare English text/plain page ("capacity must be at least
    1 visitor ...") with no way back; the host page now says it above the form."""
    host = accounts.user_for_email("host@hou-egov.example")
    accounts.grant(host, mission, Role.HOST_ADMIN, organization="h-hou-egov")
    client = Client()
    client.force_login(host)
    url = f"/host/{mission.slug}/"
    posted = {"action": "settings", "address": "915 Bagby St", "capacity": "0"}
    answer = client.post(url, posted, HTTP_ACCEPT_LANGUAGE="fr")
    assert answer.status_code == 400
    assert answer["Content-Type"].startswith("text/html")
    html = answer.content.decode()
    assert '<p class="error" role="alert" id="host-error">' in html
    assert 'id="host-settings"' in html
    assert re.search(r'name="address" [^>]*>915 Bagby St</textarea>', html)


def test_follow_ups_and_outcomes_in_words(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The organizer's follow-ups listed keys and codes ("vis-hou-egov", "p-lamrani,
    p-mtnra-deputy", "held", "call", "unrecorded 22") on Arabic and French pages, with the
    UTC date (a visit ending 16:36 in California is the next day in UTC); the participant's
    outcome summary read "held · call" in French."""
    ended = datetime(2020, 3, 14, 9, tzinfo=UTC)
    AssignmentRow.objects.filter(version=draft, key="r-1").update(
        start=ended, end=ended + timedelta(minutes=20)
    )
    publish(draft, notify=False)
    amina = client_for(person_user("amina@example.org"))
    amina.post(
        f"/me/{event.slug}/outcome/", {"assignment": "r-1", "kind": "held", "follow_up": "call"}
    )
    html = (
        client_for(organizer)
        .get(f"/organize/{event.slug}/follow-ups/", HTTP_ACCEPT_LANGUAGE="fr")
        .content.decode()
    )
    row = html[html.index('data-id="r-1"') : html.index('data-id="r-2"')]
    assert ">Amina Idrissi – Bruno Martin</td>" in row
    assert "<td>Amina Idrissi, Bruno Martin</td>" in row
    assert '<td data-kind="held">tenu</td>' in row
    assert '<td data-follow-up="call">appel</td>' in row
    assert "<small>CET</small>" in row
    assert '<td data-owner="p-amina">Amina Idrissi</td>' in row
    assert '<span class="tag" data-follow-up="call">appel 1</span>' in html
    agenda = amina.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert re.search(r"<summary>[^<]*: tenu · appel</summary>", agenda)


TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "liqa" / "web" / "templates"


def test_every_table_scrolls_inside_its_own_box() -> None:
    """On a 390 px phone the event editor was 663 px wide and the history 792 px (tables of
    4-7 columns): the page scrolled sideways. Each table now sits in a scrolling box."""
    bare = [
        f"{path.relative_to(TEMPLATES)}:{html[: match.start()].count(chr(10)) + 1}"
        for path in sorted(TEMPLATES.rglob("*.html"))
        for html in [path.read_text(encoding="utf-8")]
        for match in re.finditer(r"<table\b", html)
        if not html[: match.start()].rstrip().endswith('<div class="grid-wrap">')
    ]
    assert bare == []


def test_event_editor_names_the_sides(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    html = client_for(organizer).get(f"/events/{event.slug}/edit/", HTTP_ACCEPT_LANGUAGE="fr").text
    assert '<td data-side="delegation">délégation</td>' in html
    assert '<td data-side="host">hôte</td>' in html


def test_a_meeting_under_way_is_now_not_next(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """At 10:00 in Palo Alto the 09:15–10:45 visit was headed "Next"; it is "Now"."""
    AssignmentRow.objects.filter(version=draft, key="r-1").update(
        start=datetime(2020, 3, 14, 9, tzinfo=UTC), end=datetime(2099, 3, 14, 9, tzinfo=UTC)
    )
    publish(draft, notify=False)
    amina = client_for(person_user("amina@example.org"))
    html = amina.get(f"/me/{event.slug}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    card = html[html.index('id="next-meeting"') : html.index("</section>")]
    assert "<h2>Now · " in card


def test_home_page_title_says_what_it_is(db: None) -> None:
    """The home page's title read "liqa · liqa"."""
    html = Client().get("/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "<title>Trade missions and B2B meetings · liqa</title>" in html


def test_plain_text_e_mails_are_not_html_escaped(db: None) -> None:
    """The change e-mail (text/plain) read "Santa Clara Valley Institute of Technology — AI
    &amp; Skills Lab": the .txt templates were HTML-escaped."""
    from django.core import mail

    base = make_core_event()
    hall = dataclasses.replace(base.venues[0], name="Palais des Congrès & Expositions")
    row = store_event(dataclasses.replace(base, venues=(hall,)))
    accounts.enrol_everyone(row)
    publish(store_schedule(row, make_schedule(base)))
    bodies = [str(m.body) for m in mail.outbox]
    assert bodies
    assert any("Palais des Congrès & Expositions" in body for body in bodies)
    assert not any("&amp;" in body for body in bodies)


def test_requests_read_right_to_left_in_arabic(mission: Event) -> None:
    """The Arabic requests page named the delegate's own ministry in English only and its
    arrow pointed back at the requester (→ in a right-to-left line)."""
    accounts.enrol_everyone(mission)
    client = Client()
    client.force_login(person_user("s.lamrani@example.org"))
    html = client.get(f"/me/{mission.slug}/requests/", HTTP_ACCEPT_LANGUAGE="ar").text
    sent = html[html.index('id="sent"') :]
    first = re.search(r"<p><strong>(.*?)</strong> (\S) <strong>(.*?)</strong>", sent)
    assert first is not None
    assert first.groups() == (
        "وزارة الانتقال الرقمي وإصلاح الإدارة",
        "←",
        '<bdi class="ltr">Houston Municipal Office of Digital Services</bdi>',
    )


def test_overview_run_messages_in_the_readers_language(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """The runs table printed "the worker stopped during the run" on the French page,
    which the run's own page translated."""
    Run.objects.create(
        event=event,
        time_limit=1,
        state=RunState.FAILED,
        message="the worker stopped during the run",
    )
    html = client_for(organizer).get(f"/organize/{event.slug}/", HTTP_ACCEPT_LANGUAGE="fr").text
    assert "the worker stopped during the run" not in html
    assert "le processus de calcul s'est arrêté en cours d'exécution</td>" in html


def test_a_wrong_address_answers_in_the_readers_language(db: None) -> None:
    """A mistyped or stale link answered Django's bare English "Not Found" page (no way
    home, English on a French or Arabic phone)."""
    answer = Client().get("/me/no-such-event/x/", HTTP_ACCEPT_LANGUAGE="ar")
    html = answer.content.decode()
    assert answer.status_code == 404
    assert '<html lang="ar" dir="rtl">' in html
    assert 'id="home-link">الرئيسية</a>' in html
