"""Host administrators see who is coming and confirm which of their staff attend."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas.models import HostConfirmation
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish


def test_host_sees_who_is_coming_to_its_meetings_only(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    page = client_for(host_admin).get(f"/host/{event.slug}/").content.decode()
    assert ('data-id="r-1"' in page, 'data-id="r-2"' in page, "Amina Idrissi" in page) == (
        True,
        False,
        True,
    )


def test_host_confirms_its_staff(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    client = client_for(host_admin)
    response = client.post(f"/host/{event.slug}/", {"assignment": "r-1", "attendee": ["p-bruno"]})
    assert response.status_code == 302
    saved = HostConfirmation.objects.get()
    assert (saved.assignment, saved.organization, saved.attendees, saved.confirmed_by) == (
        "r-1",
        "o-beta",
        ["p-bruno"],
        host_admin,
    )
    assert "checked" in client.get(f"/host/{event.slug}/").content.decode()


def test_host_cannot_confirm_for_others_meetings_or_people(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    client = client_for(host_admin)
    other_meeting = client.post(
        f"/host/{event.slug}/", {"assignment": "r-2", "attendee": ["p-bruno"]}
    )
    not_staff = client.post(f"/host/{event.slug}/", {"assignment": "r-1", "attendee": ["p-chen"]})
    assert (other_meeting.status_code, not_staff.status_code) == (403, 403)
    assert HostConfirmation.objects.count() == 0


def test_host_page_before_publication_shows_nobody(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    page = client_for(host_admin).get(f"/host/{event.slug}/").content.decode()
    assert ('data-id="r-1"' in page, "Amina Idrissi" in page) == (False, False)


def test_host_sets_address_capacity_and_receiving_days(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    admin = accounts.user_for_email("it@tx-cyber.example")
    accounts.grant(admin, mission, Role.HOST_ADMIN, organization="h-tx-cyber")
    client = client_for(admin)
    form = {
        "action": "settings",
        "address": "1 Capitol Ave, Austin",
        "capacity": "6",
        "days": ["2024-02-13", "2024-02-14"],
    }
    assert client.post(f"/host/{mission.slug}/", form).status_code == 302
    event = event_record(mission)
    org = event.organization("h-tx-cyber")
    visits = [v for v in event.visits if v.host == "h-tx-cyber"]
    assert event.venue(org.venue or "").address == "1 Capitol Ave, Austin"
    assert [(v.max_visitors, [w.start.date().isoformat() for w in v.windows]) for v in visits] == [
        (6, ["2024-02-13", "2024-02-14"])
    ]
    bad = client.post(f"/host/{mission.slug}/", {**form, "capacity": "0"})
    assert bad.status_code == 400


def test_host_page_gives_its_staffs_titles_in_the_readers_language_and_gender(
    host_admin: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """The staff list translated titles (it printed the English role as entered)."""
    client = client_for(host_admin)
    client.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    event.people.filter(key="p-bruno").update(role="Director")
    as_entered = client.get(f"/host/{event.slug}/").content.decode()
    event.people.filter(key="p-bruno").update(gender="female")
    feminine = client.get(f"/host/{event.slug}/").content.decode()
    assert ("Bruno Martin · Directeur" in as_entered, "· Director<" in as_entered) == (True, False)
    assert "Bruno Martin · Directrice" in feminine
