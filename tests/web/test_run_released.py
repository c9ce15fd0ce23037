"""A re-plan keeping published meetings in place that had to move one: the run keeps which
meeting, where it was and what took its place (ids and an instant, no words), and its page
and its version's page say so in the reader's language. Real core re-plan, real database,
real pages.

The web's own events never ask for every meeting to be placed, and the meetings a re-plan
keeps are chosen so that they fit together, so a kept meeting moves there only under a rule
over many meetings; the test asks the core for every meeting (``require_all``, as the .dzn
benchmarks do), the way the core's tests make a kept meeting move, and stores that re-plan
as a run's result as the task does (:func:`services._store`)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from liqa.core.scheduling.brokerage import Settings
from liqa.core.scheduling.brokerage.from_event import previous_problem, to_schedule
from liqa.core.scheduling.brokerage.replan import replan
from liqa.core.scheduling.replanning import _released
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import planner, services
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.records import schedule_record
from tests.web.factories import at
from tests.web.test_replan_keep_published import _published


def released_run(event: Event) -> Run:
    """Version 1 (r-1 09:00 table 1, r-2 09:20 table 2) is published; r-3 (Bruno and Chen,
    Bruno gone at 09:40) must be placed: kept r-2 moves to 09:40, r-3 takes its place."""
    version = event.versions.get(number=1)
    core_event = event_record(event)
    previous = schedule_record(version)
    problem, timetable = previous_problem(core_event, previous)
    problem = dataclasses.replace(problem, require_all=True)
    how = Settings(time_limit=10.0, workers=1)
    result, _ = replan(problem, timetable, how, keep_published=True)
    assert [r.meeting for r in result.released] == ["r-2"]
    plan = planner.Plan(
        to_schedule(core_event, problem, result, version=2),
        result.status.value,
        released=_released(core_event, previous, result.released),
    )
    run = Run.objects.create(
        event=event,
        base=version,
        keep_published=True,
        state=RunState.RUNNING,
        started_at=timezone.now(),
    )
    services._store(run.pk, plan)
    run.refresh_from_db()
    return run


def organizer(event: Event, client_for: Callable[..., Client]) -> Client:
    user = User.objects.create_user("org", "org@example.org", "organizer-pass-1")
    accounts.grant(user, event, Role.ORGANIZER)
    return client_for(user)


def released_section(html: str) -> str:
    return html.split('<section id="released"', 1)[1].split("</section>", 1)[0]


def test_the_run_keeps_the_moved_meeting_where_it_was_and_what_took_its_place(
    db: None,
) -> None:
    event, _ = _published(db)
    run = released_run(event)
    assert run.state == RunState.DONE
    assert run.released == [
        {"meeting": "r-2", "start": at(9, 20).isoformat(), "table": 2, "blockers": ["r-3"]}
    ]
    assert run.result is not None
    moved = run.result.assignments.get(key="r-2")
    assert moved.start == at(9, 40)


def test_the_run_page_and_the_version_page_say_why_in_french_and_arabic(
    db: None, client_for: Callable[..., Client]
) -> None:
    event, _ = _published(db)
    run = released_run(event)
    assert run.result is not None
    client = organizer(event, client_for)
    pages = {
        "run": f"/organize/{event.slug}/runs/{run.pk}/",
        "version": f"/organize/{event.slug}/versions/{run.result.number}/",
    }
    for name, url in pages.items():
        english = released_section(client.get(url, HTTP_ACCEPT_LANGUAGE="en").content.decode())
        assert "Published meetings that could not stay in place" in english, name
        assert '<li data-key="r-2">' in english
        assert "Amina Idrissi – Chen Li" in english
        assert (
            "It was at Mar 14, 2030, 9:20\u202fAM, table 2; its place now goes to "
            "Bruno Martin – Chen Li." in english
        )
        french = client.get(url, HTTP_ACCEPT_LANGUAGE="fr").content.decode()
        section = released_section(french)
        assert '<li data-key="r-2">' in section
        assert "14 mars 2030, 09:20" in section  # the hall's clock, as French writes it
        assert "AM" not in section
        arabic = client.get(url, HTTP_ACCEPT_LANGUAGE="ar").content.decode()
        assert 'dir="rtl"' in arabic
        section = released_section(arabic)
        assert '<li data-key="r-2">' in section
        assert "14\u200f/03\u200f/2030\u060c 09:20" in section
        assert "\u2066Bruno Martin – Chen Li\u2069" in section  # Latin names isolated
        assert "AM" not in section


def test_without_a_release_the_pages_show_no_list(
    db: None, client_for: Callable[..., Client]
) -> None:
    event, _ = _published(db)
    client = organizer(event, client_for)
    client.post(f"/organize/{event.slug}/runs/", {"base": "1", "keep_published": "1"})
    run = Run.objects.get(event=event)
    assert run.result is not None
    assert run.released == []
    for url in (
        f"/organize/{event.slug}/runs/{run.pk}/",
        f"/organize/{event.slug}/versions/{run.result.number}/",
    ):
        assert 'id="released"' not in client.get(url).content.decode()
