"""A Moroccan delegate of the demo mission on a phone (H4's walk, in ar, fr and en): what the
walk found on the agenda, the requests and the profile pages, each checked through Django's
test client.

- At lunch (or in any meeting under way) the card on top was "Now: Lunch"; the visit after
  it, and where to go, was a tap on "The whole day" and a scroll away.
- Sending a request, accepting, declining, booking a slot or cancelling a booking brought
  the requests page back at its top with no word: on a phone the list that changed is
  screens below, so nothing told the delegate it had worked.
- The profile took any text as a phone number ("not a phone ☎"), which the host's page
  then offers as a number to call.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest

from liqa.core.outputs.agenda import Entry
from liqa.web.agendas import domain
from liqa.web.agendas import views as agenda_views
from liqa.web.events.models import Event, MeetingRequest, Person
from liqa.web.events.records import event_record
from tests.web.e2e.phone import published_example
from tests.web.editing_factories import store_mission
from tests.web.test_profile_place_clock import signed_in

DELEGATE = "s.lamrani@example.org"


@pytest.fixture
def mission(db: None) -> Event:
    """The demo mission (Houston, then Silicon Valley), planned and published."""
    event, _run = published_example("morocco-us-digital-2024", time_limit=3.0)
    return event


def _delegate(event: Event) -> str:
    """The delegate's person key."""
    return next(p.id for p in event_record(event).people if p.email == DELEGATE)


def _lunch_then_visit(event: Event, lang: str = "en") -> tuple[Entry, Entry]:
    """The delegate's first lunch followed by a visit the same day, read in ``lang``."""
    agenda = domain.agenda_of(event, _delegate(event), lang)
    assert agenda is not None
    for day in agenda.days:
        for lunch, visit in zip(day.entries, day.entries[1:], strict=False):
            if lunch.id.startswith("lunch") and visit.kind == "visit":
                return lunch, visit
    raise AssertionError("no lunch followed by a visit")


def _card(page: str, key: str) -> str:
    start = page.index(f'id="{key}"')
    return page[start : page.index("</section>", start)]


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_at_lunch_the_visit_after_it_is_on_top_too(
    mission: Event, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    lunch, visit = _lunch_then_visit(mission, lang)
    at = lunch.start + timedelta(minutes=10)
    monkeypatch.setattr(agenda_views, "timezone", SimpleNamespace(now=lambda: at))
    client = signed_in(DELEGATE)
    client.cookies["django_language"] = lang
    page = client.get(f"/me/{mission.slug}/").content.decode()
    now, then = _card(page, "next-meeting"), _card(page, "then-meeting")
    assert html.escape(visit.print_title or visit.title, quote=False) not in now  # lunch's
    assert html.escape(visit.print_title or visit.title, quote=False) in then
    assert f'<small class="zone">{visit.zones}</small>' in then  # its time with its zone
    assert visit.map_url is not None
    assert html.escape(visit.map_url) in then  # and where to go
    # above the agenda by day, right under the lunch
    assert page.index('id="then-meeting"') < page.index('id="agenda"')


def test_before_a_meeting_only_the_next_one_is_on_top(
    mission: Event, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between two entries (on the way from lunch to the visit) nothing is under way: one
    card, "Next"."""
    lunch, visit = _lunch_then_visit(mission)
    at = lunch.end + timedelta(minutes=1)
    assert at < visit.start
    monkeypatch.setattr(agenda_views, "timezone", SimpleNamespace(now=lambda: at))
    page = signed_in(DELEGATE).get(f"/me/{mission.slug}/").content.decode()
    assert 'id="next-meeting"' in page
    assert 'id="then-meeting"' not in page


def _notices(page: str) -> list[str]:
    found = re.findall(r'<p class="notice" role="status">(.*?)</p>', page)
    return [html.unescape(text) for text in found]


def test_sending_and_answering_a_request_says_so(db: None) -> None:
    event = store_mission()
    amina = signed_in("amina@example.org")
    amina.cookies["django_language"] = "en"
    page = amina.get(f"/me/{event.slug}/requests/").content.decode()
    target = re.findall(r'<option value="([^"]+)"', page)[0]
    sent = amina.post(
        f"/me/{event.slug}/requests/",
        {"action": "propose", "target": target, "message": "Hello"},
        follow=True,
    )
    assert _notices(sent.content.decode()) == ["Request sent."]
    assert _notices(amina.get(f"/me/{event.slug}/requests/").content.decode()) == []  # once
    request = MeetingRequest.objects.filter(event=event, status="proposed").latest("id")
    other = Person.objects.filter(event=event, organization=request.target).first()
    assert other is not None
    answer = signed_in(other.email)
    answer.cookies["django_language"] = "en"
    declined = answer.post(
        f"/me/{event.slug}/requests/", {"action": "decline", "key": request.key}, follow=True
    )
    assert _notices(declined.content.decode()) == ["Request declined."]


@pytest.mark.parametrize(
    ("phone", "status"),
    [
        ("not a phone ☎", 400),
        ("call me", 400),
        ("+212 6 12 34 56 78", 302),
        ("٠٦١٢٣٤٥٦٧٨", 302),  # Arabic-Indic digits
        ("", 302),
    ],
)
def test_the_profile_takes_only_a_phone_number(db: None, phone: str, status: int) -> None:
    event = store_mission()
    amina = signed_in("amina@example.org")
    amina.cookies["django_language"] = "en"
    days = re.findall(
        r'name="days" value="([0-9-]+)" checked>',
        amina.get(f"/me/{event.slug}/profile/").content.decode(),
    )
    response = amina.post(
        f"/me/{event.slug}/profile/", {"languages": ["ar"], "days": days, "phone": phone}
    )
    assert response.status_code == status
    stored = Person.objects.get(event=event, email="amina@example.org").phone
    if status == 400:
        page = response.content.decode()
        assert "Phone: use digits, spaces and + - ( ) . / only" in html.unescape(page)
        assert html.escape(phone, quote=True) in page  # kept as typed
        assert stored != phone
    else:
        assert stored == phone
