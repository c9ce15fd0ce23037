"""The report of an event held on one day in one city (the brokerage-day example) shows its
meetings per time slot: its chart of meetings per city and day was one bar ("Thu 16 Oct
(Casablanca)", 410), which said nothing. An itinerary (the demo mission) keeps that chart."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from functools import cache
from pathlib import Path

import pytest

from liqa.core.missionfile import load_event
from liqa.core.model import Event, Leg, Outcome, OutcomeKind, Schedule
from liqa.core.outputs.charts import COLOR, MISSED_COLOR, PENDING_COLOR
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.report import charts, compute_figures, report_context
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.templating import render
from tests.core.outputs.mission import (
    CYBER_MEETING,
    LAMRANI_CALL,
    make_event,
    make_schedule,
    valley,
)
from tests.pdfs import pdf_text

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
BROKERAGE = EXAMPLES / "brokerage-day" / "mission.yaml"
DEMO = EXAMPLES / "morocco-us-digital-2024" / "mission.yaml"


@cache
def brokerage_day() -> tuple[Event, Schedule]:
    """The brokerage-day example planned by the greedy scheduler (under a second)."""
    event = load_event(BROKERAGE)
    return event, plan_event(event, PlanSettings(method="greedy")).schedule


def test_brokerage_day_figures_count_the_meetings_of_each_slot() -> None:
    event, schedule = brokerage_day()
    figures = compute_figures(event, schedule, "en")
    assert figures.per_city_day == (("Thu 16 Oct (Casablanca)", figures.meetings),)
    names = [name for name, _ in figures.per_time_slot]
    # its 20 slots of 20 minutes, morning and afternoon, the empty ones too
    assert len(names) == 20
    assert names[:2] == ["9:00\u202fAM–9:20\u202fAM", "9:20\u202fAM–9:40\u202fAM"]
    assert names[9:11] == ["12:00\u202fPM–12:20\u202fPM", "2:00\u202fPM–2:20\u202fPM"]
    assert names[-1] == "5:00\u202fPM–5:20\u202fPM"
    assert sum(count for _, count in figures.per_time_slot) == figures.meetings == 410
    starts: dict[str, int] = {}
    for assignment in schedule.assignments:
        local = assignment.start.astimezone(event.legs[0].tz).strftime("%H:%M")
        starts[local] = starts.get(local, 0) + 1
    french = compute_figures(event, schedule, "fr").per_time_slot
    assert {name[:5]: count for name, count in french if count} == starts
    assert french[0][0] == "09:00–09:20"


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_brokerage_day_report_charts_its_slots_not_its_one_city_and_day(lang: str) -> None:
    event, schedule = brokerage_day()
    figures = compute_figures(event, schedule, lang)
    found = {chart.key: chart for chart in charts(figures, lang)}
    assert "city-days" not in found
    slots = found["time-slots"]
    assert len(slots.svgs) == 1
    assert [name for name, _ in slots.rows] == [name for name, _ in figures.per_time_slot]
    assert len(slots.rows) == 20
    assert list(found) == ["participants", "themes", "host-kinds", "time-slots", "time-use"]


def with_outcomes(event: Event, schedule: Schedule) -> Event:
    """The event with outcomes recorded for its first 300 meetings in time order: every
    seventh a no-show, else every eleventh cancelled, else held (the rest: none yet)."""
    first = sorted(schedule.assignments, key=lambda a: (a.start, a.id))[:300]
    kinds = [
        OutcomeKind.NO_SHOW
        if n % 7 == 0
        else OutcomeKind.CANCELLED
        if n % 11 == 0
        else OutcomeKind.HELD
        for n in range(len(first))
    ]
    outcomes = tuple(Outcome(a.id, kind) for a, kind in zip(first, kinds, strict=True))
    return replace(event, outcomes=outcomes)


def test_brokerage_day_slots_split_held_and_not_held_once_outcomes_are_recorded() -> None:
    event, schedule = brokerage_day()
    before = compute_figures(event, schedule, "en")
    assert before.time_slot_outcomes == ()
    [plain] = [c for c in charts(before, "en") if c.key == "time-slots"]
    assert MISSED_COLOR not in plain.svgs[0]
    assert PENDING_COLOR not in plain.svgs[0]
    assert plain.rows == tuple((name, str(count)) for name, count in before.per_time_slot)
    event = with_outcomes(event, schedule)
    figures = compute_figures(event, schedule, "fr")
    kinds = {o.assignment: o.kind for o in event.outcomes}
    expected: dict[str, list[int]] = {}
    for a in schedule.assignments:
        counts = expected.setdefault(a.start.astimezone(event.legs[0].tz).strftime("%H:%M"), [0, 0])
        if a.id in kinds:
            counts[0 if kinds[a.id] is OutcomeKind.HELD else 1] += 1
    found = {
        name[:5]: list(split)
        for (name, count), split in zip(
            figures.per_time_slot, figures.time_slot_outcomes, strict=True
        )
        if count
    }
    assert found == expected
    assert sum(held for held, _ in figures.time_slot_outcomes) == figures.held
    assert sum(missed for _, missed in figures.time_slot_outcomes) == 300 - figures.held
    [slots] = [c for c in charts(figures, "en") if c.key == "time-slots"]
    svg = slots.svgs[0]  # held, not held, not recorded yet: three colours
    assert COLOR in svg
    assert MISSED_COLOR in svg
    assert PENDING_COLOR in svg
    (_, count), (held, missed) = figures.per_time_slot[0], figures.time_slot_outcomes[0]
    assert slots.rows[0] == (
        figures.per_time_slot[0][0],
        f"{count} (held: {held}; not held: {missed})",
    )


@pytest.mark.integration
def test_brokerage_day_pdf_reads_meetings_per_time_slot(tmp_path: Path) -> None:
    event, schedule = brokerage_day()
    html = render(
        "report.html", "en", inline_css="", for_pdf=True, **report_context(event, schedule, "en")
    )
    pdf = tmp_path / "report.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    text = pdf_text(pdf.read_bytes(), tmp_path)
    assert "Meetings per time slot" in text
    assert "Meetings per city and day" not in text
    assert "Thu 16 Oct (Casablanca)" not in text
    # every slot and its count, the narrow no-break spaces read as spaces
    for name, count in compute_figures(event, schedule, "en").per_time_slot:
        assert f"{name.replace(chr(0x202F), ' ')}\n\n{count}\n" in text
    # once outcomes are recorded, each slot's meetings held and not held
    event = with_outcomes(event, schedule)
    html = render(
        "report.html", "en", inline_css="", for_pdf=True, **report_context(event, schedule, "en")
    )
    render_pdfs([PdfJob(html, pdf)], 1)
    text = pdf_text(pdf.read_bytes(), tmp_path)
    figures = compute_figures(event, schedule, "en")
    for (name, count), (held, missed) in zip(
        figures.per_time_slot, figures.time_slot_outcomes, strict=True
    ):
        row = f"{name.replace(chr(0x202F), ' ')}\n\n{count} (held: {held}; not held: {missed})\n"
        assert row in text


def test_itinerary_demo_report_keeps_its_chart_per_city_and_day() -> None:
    event = load_event(DEMO)
    schedule = plan_event(event, PlanSettings(time_limit=1.0)).schedule
    figures = compute_figures(event, schedule, "en")
    assert figures.per_time_slot == ()
    found = {chart.key: chart for chart in charts(figures, "en")}
    assert "time-slots" not in found
    days = found["city-days"]
    assert days.title == "Meetings per city and day"
    assert len(days.rows) == len(figures.per_city_day) > 1
    assert {name.split(" (")[1] for name, _ in days.rows} == {"Houston)", "Silicon Valley)"}
    html = render("report.html", "en", inline_css="", **report_context(event, schedule, "en"))
    assert "<h2>Meetings per city and day</h2>" in html
    assert "Meetings per time slot" not in html


def test_one_day_mission_counts_its_meetings_by_start_time() -> None:
    """A mission's day in one city has no slots: each time a meeting starts, in order."""
    day = date(2024, 2, 15)
    event = make_event(legs=(Leg("valley", "Silicon Valley", "America/Los_Angeles", day, day),))
    call = replace(LAMRANI_CALL, start=valley(15, 10), end=valley(15, 10, 30))
    later = replace(call, id="r-call-2", attendees=("p-benali", "p-smith"))
    schedule = make_schedule(1, CYBER_MEETING, call, later)  # at 14:00, 10:00, 10:00
    figures = compute_figures(event, schedule, "fr")
    assert len(figures.per_city_day) == 1
    assert figures.per_time_slot == (("10:00", 2), ("14:00", 1))
    titles = [chart.title for chart in charts(figures, "en")]
    assert "Meetings per time slot" in titles
    assert "Meetings per city and day" not in titles
