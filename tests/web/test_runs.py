"""Scheduler runs from the organizer's pages: a task per run, a run record the page polls."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event, Person
from liqa.web.scheduling import services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion


def test_run_plans_the_mission_then_reoptimizes_around_pins(
    mission: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    accounts.grant(organizer, mission, Role.ORGANIZER)
    client = client_for(organizer)
    response = client.post(f"/organize/{mission.slug}/runs/")
    run = Run.objects.get(event=mission)
    assert response["Location"] == f"/organize/{mission.slug}/runs/{run.pk}/"
    status = client.get(f"/organize/{mission.slug}/runs/{run.pk}/status/").json()
    assert (status["state"], status["finished"], status["result"]) == ("done", True, 1)
    first = ScheduleVersion.objects.get(event=mission, number=1)
    visit = first.assignments.filter(format="site_visit").order_by("start").first()
    assert visit is not None
    client.post(f"/organize/{mission.slug}/versions/1/pin/", {"key": visit.key, "pinned": "1"})
    client.post(f"/organize/{mission.slug}/runs/", {"base": "1"})
    second = ScheduleVersion.objects.get(event=mission, number=2)
    kept = second.assignments.get(key=visit.key)
    assert (kept.pinned, kept.start, second.provenance["parent_version"]) == (True, visit.start, 1)


def test_brokerage_run_then_reoptimize_keeps_the_pinned_meeting(event: Event) -> None:
    first = services.start_run(event, time_limit=1.0)
    first.refresh_from_db()
    assert (first.state, first.message) == (RunState.DONE, "optimal")
    assert first.result is not None
    placed = {a.key: a.start for a in first.result.assignments.all()}
    assert sorted(placed) == ["r-1", "r-2"]
    services.set_pinned(first.result, "r-2", True)
    second = services.start_run(event, base=first.result, time_limit=1.0)
    second.refresh_from_db()
    assert second.result is not None
    kept = second.result.assignments.get(key="r-2")
    assert (kept.pinned, kept.start, second.result.provenance["parent_version"]) == (
        True,
        placed["r-2"],
        1,
    )


def test_cancel_of_a_queued_run_is_immediate(event: Event) -> None:
    run = Run.objects.create(event=event)
    services.cancel_run(run)
    assert (run.state, run.cancel_requested) == (RunState.CANCELLED, True)
    services.execute_run(run.pk)
    run.refresh_from_db()
    assert (run.state, run.result) == (RunState.CANCELLED, None)


def test_requests_page_recommends_hosts_with_reasons(
    mission: Event, client_for: Callable[..., Client]
) -> None:
    member = accounts.enrol_participant(
        mission, Person.objects.get(event=mission, key="p-dgssi-head")
    )
    page = client_for(member.user).get(f"/me/{mission.slug}/requests/").content.decode()
    recommended = [part.split('"', 1)[0] for part in page.split('data-org="')[1:]]
    assert recommended[0] == "h-tx-cyber"
    assert "cybersecurity" in page.split('data-org="h-tx-cyber"', 1)[1].split("</li>\n", 1)[0]
