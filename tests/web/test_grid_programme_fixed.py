"""The grid offers no Unpin for a programme item (an arrival, a flight, a briefing): the
mission file fixes its time and every plan pins it again, so the button did nothing that
lasted (found on a desktop walk of the demo mission: "Unpin" under "Arrival at IAH")."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.services import set_pinned, start_run
from tests.web.factories import DEMO


def _planned(mission: Event) -> tuple[User, ScheduleVersion]:
    organizer = accounts.user_for_email("org@example.org")
    accounts.grant(organizer, mission, Role.ORGANIZER)
    run = start_run(mission, organizer, time_limit=1.0)
    run.refresh_from_db()
    assert run.result is not None, run.message
    return organizer, run.result


@pytest.mark.django_db(transaction=True)
def test_programme_items_are_fixed_not_unpinnable(
    mission: Event, client_for: Callable[[User | None], Client]
) -> None:
    organizer, version = _planned(mission)
    url = f"/organize/{mission.slug}/versions/{version.number}/"
    page = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    pins = set(re.findall(r'data-pin="([^"]+)"', page))
    arrival = page.split('data-key="prog-arrival">', 1)[1].split("</div>", 1)[0]
    assert not {key for key in pins if key.startswith("prog-")}
    assert '<span class="tag fixed">' in arrival
    assert {key for key in pins if key.startswith("vis-")}  # visits keep their pins
    assert {key for key in pins if key.startswith("lunch-")}  # lunches too: the plan moves them


@pytest.mark.django_db(transaction=True)
def test_an_unpinned_programme_item_is_pinned_again_by_the_next_plan(mission: Event) -> None:
    """Why the button went: what it did, the next plan undid."""
    organizer, version = _planned(mission)
    set_pinned(version, "prog-arrival", False)
    again = start_run(mission, organizer, base=version, time_limit=1.0)
    again.refresh_from_db()
    assert again.result is not None, again.message
    assert again.result.assignments.get(key="prog-arrival").pinned is True


@pytest.mark.django_db(transaction=True)
def test_a_visit_whose_id_is_part_of_a_programme_items_id_keeps_its_pin(
    settings: Any, client_for: Callable[[User | None], Client]
) -> None:
    """The programme's ids were joined in one text ("a, b and c") and a meeting's id looked
    up in it: "vis-tx-cyber" counted as fixed beside a programme item "prog-vis-tx-cyber-…"."""
    settings.LIQA_SCHEDULER_SECONDS = 1.0
    text = DEMO.read_text(encoding="utf-8").replace("prog-arrival", "prog-vis-tx-cyber-arrival")
    mission = import_mission_file(text.encode(), "mission.yaml")
    organizer, version = _planned(mission)
    url = f"/organize/{mission.slug}/versions/{version.number}/"
    page = client_for(organizer).get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    pins = set(re.findall(r'data-pin="([^"]+)"', page))
    assert "vis-tx-cyber" in pins
    assert "prog-vis-tx-cyber-arrival" not in pins
