"""The demo loader the lead's ``liqa demo`` calls: import, plan, publish, sign-in links."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.test import Client

from liqa.core.missionfile import load_event
from liqa.core.model import Provenance, Schedule
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.web.demo import load_demo
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.proofs import proof_words
from liqa.web.scheduling.records import schedule_record
from tests.web.factories import DEMO


@pytest.mark.django_db
def test_load_demo_plans_publishes_and_links_work() -> None:
    links = load_demo(DEMO, time_limit=1.0, base_url="http://testserver")
    assert sorted(links) == ["delegate", "host", "organizer", "public"]
    published = ScheduleVersion.objects.get(event__slug="morocco-us-digital-2024")
    assert (published.number, published.published) == (1, True)
    organizer = Client()
    organizer.post(links["organizer"].removeprefix("http://testserver"))
    assert organizer.get("/organize/morocco-us-digital-2024/").status_code == 200
    delegate = Client()
    response = delegate.post(links["delegate"].removeprefix("http://testserver"))
    assert response["Location"] == "/me/morocco-us-digital-2024/"
    assert 'data-id="prog-briefing"' in delegate.get(response["Location"]).content.decode()
    host = Client()  # the first host visited, named its administrator: its page, two taps
    response = host.post(links["host"].removeprefix("http://testserver"))
    assert response["Location"] == "/host/morocco-us-digital-2024/"
    page = host.get(response["Location"])
    assert page.status_code == 200
    assert "Receiving the delegation" in page.content.decode()


@pytest.mark.django_db
def test_load_demo_with_a_schedule_publishes_it_as_a_finished_run() -> None:
    schedule = plan_event(load_event(DEMO), PlanSettings(time_limit=0.5)).schedule
    load_demo(DEMO, time_limit=0.5, base_url="http://testserver", schedule=schedule, seconds=2.5)
    run = Run.objects.get(event__slug="morocco-us-digital-2024")
    assert run.started_at is not None
    assert run.finished_at is not None
    # the run page shows the solve's time (it showed 0.0 s)
    assert (run.elapsed, (run.finished_at - run.started_at).total_seconds()) == (2.5, 2.5)
    assert (run.state, run.message, run.objective) == (
        RunState.DONE,
        schedule.provenance.status,
        dict(schedule.provenance.objective),
    )
    assert run.result is not None
    assert run.result.published
    stored = schedule_record(run.result).assignments
    assert sorted(stored, key=lambda a: a.id) == sorted(schedule.assignments, key=lambda a: a.id)


@pytest.mark.django_db
def test_load_demo_refuses_a_schedule_of_another_event() -> None:
    schedule = Schedule("another-event", 1, (), Provenance("greedy", datetime.now(UTC)))
    with pytest.raises(ValueError, match="the schedule is of event 'another-event'"):
        load_demo(DEMO, schedule=schedule)
    assert not ScheduleVersion.objects.exists()


@pytest.mark.django_db
def test_the_demos_run_names_what_its_bound_is_for() -> None:
    """``liqa demo`` stores the schedule it planned as a finished run: its proof says what
    the bound is on (the visits' value), as a run of the web app's own does, not the bare
    figures of a run recorded before runs named their term ('bound 392.197, gap 9.2 %')."""
    outcome = plan_event(load_event(DEMO), PlanSettings(time_limit=0.5))
    assert outcome.bound is not None
    load_demo(
        DEMO,
        time_limit=0.5,
        base_url="http://testserver",
        schedule=outcome.schedule,
        bound_term=outcome.bound_term,
    )
    run = Run.objects.get(event__slug="morocco-us-digital-2024")
    assert run.bound_term == outcome.bound_term == "value"
    words = proof_words(run, "en")
    assert words.startswith("value of the visits "), words
    assert "at most" in words
