"""The run page, the version's grid and the report say which figure the bound is for.

Found on an organizer's QA walk: a brokerage run showed "Borne 0, Écart 0,0 %, optimal"
beside "priorité planifiée 751" (the bound was on the breaks, the second stage of a
lexicographic solve); while running, "temps morts 75, borne 0, écart 100 %"; an itinerary
run "Borne 392,197" beside "valeur avec équité 425,125" (the bound was on the visits'
value). Each page now says, term by term, what the run proved. The solves are real, with
short limits; the tests check the relation stated (bound ≤ value, the most possible), not
figures that depend on luck.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation

from liqa.core.i18n import translator
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.scheduling.progress import Progress
from liqa.core.scheduling.terms import Stage, proof
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling import services
from liqa.web.scheduling.models import Run, RunState
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.views import run_status
from tests.web.factories import DEMO


@pytest.fixture
def demo(db: None) -> Event:
    """The demo mission (Houston, then Silicon Valley), imported."""
    return import_mission_file(DEMO.read_bytes(), "mission.yaml")


@pytest.fixture
def demo_organizer(demo: Event, client_for: Callable[[User | None], Client]) -> Client:
    """A client signed in as the demo's organizer."""
    user = accounts.user_for_email("organizer@example.org")
    accounts.grant(user, demo, Role.ORGANIZER)
    return client_for(user)


def _shown(page: str, element: str) -> str:
    """The text of the element with id ``element`` (tags dropped, entities read)."""
    found = re.search(rf'id="{element}"[^>]*>(.*?)</(dd|p)>', page, re.S)
    assert found is not None, f"no #{element}"
    return html.unescape(re.sub(r"<[^>]+>", "", found.group(1))).strip()


def _number(text: str) -> float:
    """An English figure of the page ("1,352.5")."""
    return float(text.replace(",", ""))


def test_the_core_says_the_bound_on_breaks_follows_the_most_scheduled_priority() -> None:
    terms = {"scheduled_priority": 751.0, "breaks": 12.0, "table_changes": 401.0}
    assert proof(terms, "breaks", 5.0, 7 / 12, "feasible") == (
        Stage("scheduled_priority", 751.0, best=True),
        Stage("breaks", 12.0, best=False, bound=5.0, gap=7 / 12),
    )
    # optimal: every stage is the best possible; a weighted cost proves each term
    optimal = proof({**terms, "changes": 3.0, "weighted": -7e6}, "weighted", -7e6, 0.0, "optimal")
    assert [(s.term, s.best) for s in optimal] == [
        ("scheduled_priority", True),
        ("changes", True),
        ("breaks", True),
    ]
    # an itinerary's bound is on the value it names, nothing else
    value = {"value": 355.75, "objective": 425.125, "idle_minutes": 290.0}
    assert proof(value, "value", 392.197, 0.093, "feasible") == (
        Stage("value", 355.75, best=False, bound=392.197, gap=0.093),
    )
    assert proof(value, None, None, None) == ()


def test_the_run_says_what_the_live_bound_is_for(event: Event) -> None:
    run = Run.objects.create(event=event, state=RunState.RUNNING)
    report = Progress(2.0, "searching", 75.0, {"breaks": 75.0}, 0.0, 1.0, bound_term="breaks")
    assert services.ProgressWriter(run.pk)(report) is True
    run.refresh_from_db()
    with translation.override("en"):
        assert run_status(run)["proof"] == "breaks 75, at least 0 (proved), gap 100.0%"
    with translation.override("fr"):
        words = str(run_status(run)["proof"])
    assert words.startswith("temps morts 75")
    assert "0" in words
    assert "100,0" in words
    # an itinerary's live bound is on the value with fairness: the page says so
    mission = Progress(
        1.0, "searching", 425.0, {"value": 355.0}, 450.0, 25 / 450, bound_term="objective"
    )
    assert services.ProgressWriter(run.pk)(mission) is True
    run.refresh_from_db()
    assert run.objective["objective"] == 425.0
    with translation.override("en"):
        assert run_status(run)["proof"] == (
            "value with fairness 425, at most 450 (proved), gap 5.6%"
            " Value in points: each visit counts what it is worth to the members who make it."
        )


def test_every_live_report_with_a_bound_names_its_term(event: Event) -> None:
    reports: list[Progress] = []

    def listen(progress: Progress) -> bool:
        reports.append(progress)
        return True

    outcome = plan_event(event_record(event), PlanSettings(time_limit=2.0, on_progress=listen))
    assert outcome.bound is not None
    assert outcome.bound_term == "breaks"
    bounded = [r for r in reports if r.bound is not None]
    assert bounded, "no report carried a bound"
    assert {r.bound_term for r in bounded} <= {"breaks", "weighted"}
    assert all(r.bound_term is None for r in reports if r.bound is None)


def test_an_itinerarys_live_bound_is_on_the_value_with_fairness_its_last_on_the_value(
    demo: Event,
) -> None:
    reports: list[Progress] = []

    def listen(progress: Progress) -> bool:
        reports.append(progress)
        return True

    outcome = plan_event(event_record(demo), PlanSettings(time_limit=2.0, on_progress=listen))
    assert outcome.bound is not None
    assert outcome.bound_term == "value"
    assert outcome.bound >= outcome.objective["value"]
    bounded = [r for r in reports if r.bound is not None]
    assert bounded
    assert {r.bound_term for r in bounded} == {"objective"}
    assert all(r.bound is not None and r.objective is not None for r in bounded)
    assert all(r.bound >= r.objective for r in bounded if r.bound and r.objective)


def _check_stage(said: str, value: float, bound: float | None, maximised: bool) -> None:
    """``said`` states ``value`` and either "the most/fewest possible" (the bound met) or
    the bound on the right side of the value."""
    if "possible (proved)" in said:
        assert bound is None or bound == pytest.approx(value)
        assert ("the most possible" if maximised else "the fewest possible") in said
        return
    word = "at most" if maximised else "at least"
    found = re.search(rf"{word} ([\d,.]+) \(proved\)", said)
    assert found is not None, said
    shown = _number(found.group(1))
    assert (shown >= value) if maximised else (shown <= value)


def test_a_brokerage_run_says_which_stage_its_bound_is_for(
    organizer: User, event: Event, client_for: Callable[[User | None], Client]
) -> None:
    run = services.start_run(event, organizer, time_limit=2.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert run.result is not None
    assert run.bound is not None
    assert run.bound_term == "breaks"
    client = client_for(organizer)
    page = client.get(f"/organize/{event.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    said = _shown(page.content.decode(), "run-proof")
    stages = said.split("; ")
    breaks = run.objective["breaks"]
    if "scheduled_priority" in run.objective:
        # every meeting placed: the priority first, proved the most possible
        priority = run.objective["scheduled_priority"]
        assert stages[0] == f"priority scheduled {priority:,.0f}: the most possible (proved)"
        assert stages[1].startswith(f"then breaks {breaks:,.0f}")
    else:
        assert stages[0].startswith(f"breaks {breaks:,.0f}")
    _check_stage(stages[-1], breaks, run.bound, maximised=False)
    assert "Bound" not in page.content.decode().split('id="run"', 1)[1]
    if "scheduled_priority" in run.objective:  # French: a narrow no-break space before ";"
        page = client.get(f"/organize/{event.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="fr")
        assert "(prouvé)\u202f; puis " in _shown(page.content.decode(), "run-proof")
    # the version's grid and its report say the same, naming the run
    grid = client.get(
        f"/organize/{event.slug}/versions/{run.result.number}/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert _shown(grid.content.decode(), "version-proof") == (
        f"Proof of quality (run #{run.pk}): {said}"
    )
    publish(run.result, notify=False)
    report = client.get(f"/organize/{event.slug}/report/", HTTP_ACCEPT_LANGUAGE="en")
    assert _shown(report.content.decode(), "report-proof") == (
        f"Proof of quality (run #{run.pk}): {said}"
    )


def test_an_itinerary_run_says_its_bound_is_on_the_visits_value(
    demo: Event, demo_organizer: Client
) -> None:
    run = services.start_run(demo, time_limit=3.0)
    run.refresh_from_db()
    assert run.state == RunState.DONE
    assert run.result is not None
    page = demo_organizer.get(f"/organize/{demo.slug}/runs/{run.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    said = _shown(page.content.decode(), "run-proof")
    if run.bound is None:
        assert said == "No bound proved."
        return
    assert run.bound_term == "value"
    value = run.objective["value"]
    # one decimal, as the bound (H12); the bound of the run's search was of another measure
    assert said.startswith(f"value of the visits {value:,.1f}".removesuffix(".0"))
    assert "While it ran, the bound was of the value with fairness." in said
    _check_stage(said, value, run.bound, maximised=True)
    with translation.override("fr"):
        french = str(run_status(run)["proof"])
    assert french.startswith("valeur des visites " + translator("fr").format_number(value, 1))


def test_the_report_shows_the_runs_waiting_as_a_duration(
    demo: Event, demo_organizer: Client
) -> None:
    run = services.start_run(demo, time_limit=2.0)
    run.refresh_from_db()
    assert run.result is not None
    publish(run.result, notify=False)
    for lang in ("en", "fr"):
        page = demo_organizer.get(
            f"/organize/{demo.slug}/report/", HTTP_ACCEPT_LANGUAGE=lang
        ).content.decode()
        t = translator(lang)
        label = t.gettext("Waiting between meetings (travel not counted)")
        rows = re.findall(r"<tr><th>(.*?)</th><td class=\"num\">(.*?)</td></tr>", page)
        found = [html.unescape(v) for name, v in rows if html.unescape(name) == label]
        idle = timedelta(minutes=round(run.objective["idle_minutes"]))
        # in hours and minutes, as the report's travel (it read 'attente (minutes) 350')
        assert found == [t.format_duration(idle)], rows
        assert "Pauses" not in page
        assert "Breaks between items" not in page


def test_the_reports_waiting_is_the_schedules_own_in_the_readers_words() -> None:
    from dataclasses import replace

    from liqa.core.outputs.report import Measure, compute_figures
    from tests.core.outputs.mission import make_event, make_schedule

    schedule = make_schedule()
    terms = {"value": 10.0, "idle_minutes": 290.0, "travel_minutes": 75.0}
    planned = replace(schedule, provenance=replace(schedule.provenance, objective=terms))
    words = "Waiting between meetings (travel not counted)"
    assert compute_figures(make_event(), planned, "en").waiting == (Measure(words, 290.0, True),)
    french = translator("fr").gettext(words)
    assert compute_figures(make_event(), planned, "fr").waiting == (Measure(french, 290.0, True),)
    assert compute_figures(make_event(), schedule, "en").waiting == ()
