"""The host page answers where the host is (QA walk of the demo, a French host on a phone):
saving the settings says so in the settings' card, once, and the page opens there;
confirming a visit's staff comes back to that visit, not to the page's top. The address
field wraps its lines on screen, and the address is saved on one, as agendas print it.
(Layout on a phone and a desktop: ``e2e/test_host_page_layout.py``.)"""

from __future__ import annotations

import re
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish

SETTINGS = {"action": "settings", "capacity": "6", "days": ["2024-02-13", "2024-02-14"]}


def _saved_notices(page: str) -> list[str]:
    """The notices of the settings' card."""
    card = page[page.index('id="host-settings"') :]
    return re.findall(r'<p class="notice" role="status" id="host-saved">(.*?)</p>', card)


def test_saving_the_settings_says_so_in_their_card_once(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    admin = accounts.user_for_email("it@tx-cyber.example")
    accounts.grant(admin, mission, Role.HOST_ADMIN, organization="h-tx-cyber")
    client = client_for(admin)
    client.cookies["django_language"] = "fr"
    sent = {**SETTINGS, "address": "1111 Louisiana St,\r\n  Houston, TX 77002\n"}
    response = client.post(f"/host/{mission.slug}/", sent)
    assert response.status_code == 302
    assert response["Location"] == f"/host/{mission.slug}/#host-settings"
    page = client.get(f"/host/{mission.slug}/").content.decode()
    assert _saved_notices(page) == ["Enregistré."]
    assert _saved_notices(client.get(f"/host/{mission.slug}/").content.decode()) == []
    org = event_record(mission).organization("h-tx-cyber")
    address = event_record(mission).venue(org.venue or "").address
    assert address == "1111 Louisiana St, Houston, TX 77002"
    assert '<textarea id="address" name="address" rows="2"' in page


def test_a_refused_setting_says_no_saved(mission: Event, client_for: Callable[..., Client]) -> None:
    admin = accounts.user_for_email("it@tx-cyber.example")
    accounts.grant(admin, mission, Role.HOST_ADMIN, organization="h-tx-cyber")
    client = client_for(admin)
    refused = client.post(f"/host/{mission.slug}/", {**SETTINGS, "address": "x", "capacity": "0"})
    assert refused.status_code == 400
    assert _saved_notices(refused.content.decode()) == []


def test_confirming_a_visits_staff_comes_back_to_that_visit(
    host_admin: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    publish(draft)
    client = client_for(host_admin)
    response = client.post(f"/host/{event.slug}/", {"assignment": "r-1", "attendee": ["p-bruno"]})
    assert response.status_code == 302
    assert response["Location"] == f"/host/{event.slug}/#entry-r-1"
    page = client.get(f"/host/{event.slug}/").content.decode()
    assert 'data-id="r-1" id="entry-r-1"' in page
    assert _saved_notices(page) == []
