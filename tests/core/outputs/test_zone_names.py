"""A zone the time-zone database names by its offset only (Africa/Casablanca "+01") is
named by its city in every output, as the web pages name it: the agenda (HTML, PDF), the
master grid (HTML, XLSX), the table plan, run and host sheets and the itinerary text;
zones with letters keep them (CST, PST)."""

from __future__ import annotations

import subprocess
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from liqa.core.i18n import translator
from liqa.core.model import BrokerageSetup, Event, EventKind, Leg, Schedule, Session
from liqa.core.outputs import labels
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.grid import build_grid, write_grid_xlsx
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.sheets import host_sheets, run_sheets, table_plan
from liqa.core.scheduling.itinerary.render import render_itinerary
from liqa.core.templating import render
from tests.core.outputs.mission import (
    CYBER_MEETING,
    NASA_VISIT,
    PROVENANCE,
    make_event,
    make_schedule,
)

CASABLANCA = ZoneInfo("Africa/Casablanca")  # "+01" in February 2024, no letters
DAY = date(2024, 2, 15)
CITY = {"en": "Casablanca", "fr": "Casablanca", "ar": "الدار البيضاء"}
LRI, PDI = "\u2066", "\u2069"


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=CASABLANCA)


def _brokerage_day() -> tuple[Event, Schedule]:
    """The test mission as a brokerage day in Casablanca: two 20-minute meetings at tables
    of the CyberCorp hall, 10:00–10:20 and 10:20–10:40 local time (UTC+1)."""
    event = make_event()
    event = replace(
        event,
        kind=EventKind.BROKERAGE,
        programme=(),
        legs=(Leg("casa", "Casablanca", "Africa/Casablanca", date(2024, 2, 12), DAY),),
        venues=tuple(replace(v, timezone="Africa/Casablanca") for v in event.venues),
        brokerage=BrokerageSetup(
            venue="v-cyber",
            slot_minutes=20,
            tables=6,
            sessions=(Session("morning", _at(10), _at(11)),),
        ),
    )
    first = replace(CYBER_MEETING, start=_at(10), end=_at(10, 20), travel_minutes_before=0)
    second = replace(first, id="r-second", start=_at(10, 20), end=_at(10, 40), table=5)
    return event, Schedule(event.id, 1, (first, second), PROVENANCE)


def _span(lang: str, start: datetime, end: datetime) -> str:
    t = translator(lang)
    return f"{t.format_time(start)}–{t.format_time(end)}"


def _plain(text: str) -> str:
    """``text`` without bidi controls (isolates; pdftotext's embeddings) nor narrow spaces."""
    return text.translate(dict.fromkeys(map(ord, "\u202a\u202b\u202c\u2066\u2067\u2069"))).replace(
        "\u202f", " "
    )


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_agenda_names_casablancas_zone_by_its_city_beside_each_time(lang: str) -> None:
    event, schedule = _brokerage_day()
    agenda = build_agenda(event, schedule, "p-benali", lang, OutputSettings())
    assert [(e.zone, e.end_zone) for d in agenda.days for e in d.entries] == [
        (CITY[lang], ""),
        (CITY[lang], ""),
    ]
    html = render("agenda.html", lang, agenda=agenda, inline_css="")
    assert f"{_span(lang, _at(10), _at(10, 20))}\n<small>{CITY[lang]}</small>" in html
    assert "+01" not in html
    # the offset is said once, in the day's heading, where the zone is named in full
    heading = {"en": "Casablanca Time, UTC+1", "fr": "heure : Casablanca, UTC+1"}
    heading["ar"] = f"توقيت الدار البيضاء، {LRI}UTC+1{PDI}"
    assert html.count("UTC+1") == 1
    assert f"({heading[lang]})" in html


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_agenda_pdf_names_casablancas_zone_by_its_city(tmp_path: Path, lang: str) -> None:
    event, schedule = _brokerage_day()
    agenda = build_agenda(event, schedule, "p-benali", lang, OutputSettings())
    pdf = tmp_path / f"agenda-{lang}.pdf"
    html = render("agenda.html", lang, agenda=agenda, inline_css="", for_pdf=True)
    render_pdfs([PdfJob(html, pdf)], 1)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    lines = [line for line in (_plain(line).strip() for line in text.splitlines()) if line]
    # each time, then its zone on the next line of the time column
    for times in (_span(lang, _at(10), _at(10, 20)), _span(lang, _at(10, 20), _at(10, 40))):
        assert lines[lines.index(_plain(times)) + 1] == CITY[lang]
    assert "+01" not in text
    assert _plain(text).count("UTC+1") == 1  # the day's heading only


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_grid_xlsx_and_html_name_casablanca_beside_each_slot(tmp_path: Path, lang: str) -> None:
    event, schedule = _brokerage_day()
    grid = build_grid(event, schedule, lang)
    write_grid_xlsx(grid, lang, tmp_path / "grid.xlsx")
    header = next(load_workbook(tmp_path / "grid.xlsx").active.iter_rows(values_only=True))
    day = translator(lang).format_date(DAY, "EEE d MMM")
    slots = [_span(lang, _at(10, m), _at(10, m + 20)) for m in (0, 20)]
    slots.append(_span(lang, _at(10, 40), _at(11)))
    if lang == "ar":  # the times isolated left to right, the city in Arabic after them
        expected = [f"{day} {LRI}{times}{PDI} الدار البيضاء" for times in slots]
    else:
        expected = [f"{day} {times} Casablanca" for times in slots]
    assert list(header[2:]) == expected
    page = render("grid.html", lang, grid=grid, inline_css="")
    assert page.count(f"{slots[0]}</span> {CITY[lang]}</th>") == 1
    assert "UTC+1" not in page
    assert "+01" not in page


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_table_plan_and_sheets_name_casablanca_beside_each_time(lang: str) -> None:
    event, schedule = _brokerage_day()
    plan = render("tableplan.html", lang, slots=table_plan(event, schedule, lang), title="")
    for start, end in ((_at(10), _at(10, 20)), (_at(10, 20), _at(10, 40))):
        assert f'<span class="ltr">{_span(lang, start, end)}</span> {CITY[lang]}</h1>' in plan
    runs = render("runsheet.html", lang, days=run_sheets(event, schedule, lang), title="")
    ten = translator(lang).format_time(_at(10))
    assert f'<span class="ltr">{ten}</span> {CITY[lang]}</td>' in runs
    for page in (plan, runs):
        assert "UTC+1" not in page
        assert "+01" not in page


def test_zones_with_letters_keep_them_isolated_in_arabic() -> None:
    """Houston's CST beside a time: as it was in English and French; in Arabic, the Latin
    letters isolated (in HTML a <bdi>, in print and plain text the isolate characters)."""
    event, schedule = make_event(), make_schedule()
    for lang, cst, pst in (
        ("en", "CST", "PST"),
        ("fr", "CST", "PST"),
        ("ar", f"{LRI}CST{PDI}", f"{LRI}PST{PDI}"),
    ):
        agenda = build_agenda(event, schedule, "p-benali", lang, OutputSettings())
        assert {e.zone for e in agenda.days[0].entries} == {cst}
        assert pst in {e.zone for e in agenda.days[-1].entries}
    sheets = render("hostsheets.html", "ar", sheets=host_sheets(event, schedule, "ar"), title="")
    assert '<span class="ltr">10:30–12:00</span> <bdi class="ltr">CST</bdi></h2>' in sheets
    printed = render(
        "hostsheets.html", "ar", sheets=host_sheets(event, schedule, "ar"), title="", for_pdf=True
    )
    assert f'<span class="ltr">10:30–12:00</span> {LRI}CST{PDI}</h2>' in printed


def test_zone_short_and_at_zone() -> None:
    casa, chicago = _at(10), datetime(2024, 2, 12, 9, tzinfo=ZoneInfo("America/Chicago"))
    sao_paulo = datetime(2024, 2, 12, 9, tzinfo=ZoneInfo("America/Sao_Paulo"))  # "-03"
    assert [labels.zone_short(casa, lang) for lang in ("en", "fr", "ar")] == [
        "Casablanca",
        "Casablanca",
        "الدار البيضاء",
    ]
    assert labels.zone_short(chicago, "fr") == "CST"
    assert labels.zone_short(chicago, "ar") == f"{LRI}CST{PDI}"
    assert labels.zone_short(sao_paulo, "en") == "São Paulo"
    assert labels.zone_short(sao_paulo, "fr") == "São Paulo"
    assert labels.at_zone("10:00–10:20", casa, "en") == "10:00–10:20 Casablanca"
    assert labels.at_zone("10:00–10:20", casa, "ar") == f"{LRI}10:00–10:20{PDI} الدار البيضاء"
    assert labels.at_zone("09:00", chicago, "ar") == f"{LRI}09:00 CST{PDI}"
    assert labels.at_zone("9:00 AM", chicago, "en") == "9:00 AM CST"


def test_itinerary_text_names_casablanca_by_its_city() -> None:
    """``liqa plan``'s itinerary printed "10:00–11:30 UTC+1" for a visit in Casablanca."""
    event = make_event()
    event = replace(
        event,
        legs=tuple(replace(leg, timezone="Africa/Casablanca") for leg in event.legs),
        venues=tuple(replace(v, timezone="Africa/Casablanca") for v in event.venues),
    )
    visit = replace(NASA_VISIT, start=_at(10), end=_at(11, 30))
    schedule = Schedule(event.id, 1, (visit,), PROVENANCE)
    for lang in ("en", "fr", "ar"):
        text = render_itinerary(event, schedule, lang)
        line = next(line for line in text.splitlines() if "vis-nasa" in line)
        span = labels.at_zone(_span(lang, _at(10), _at(11, 30)), _at(10), lang)
        assert line.startswith(f"  {span}  ")
        assert CITY[lang] in line
        assert "+01" not in text
        assert "UTC+1" not in text
    arabic = render_itinerary(event, schedule, "ar")
    assert f"  {LRI}10:00–11:30{PDI} الدار البيضاء  " in arabic


def test_an_item_ending_in_another_zone_names_both_as_one_run() -> None:
    """A flight Houston → San José: ``CST → PST``, isolated whole in Arabic (each name
    isolated apart reads PST → CST to the eye); Casablanca → Houston in Arabic joins the
    Arabic city and the isolated CST with the arrow Arabic reads (right to left: ←), as
    Casablanca → Dubai, both named in Arabic."""
    houston = datetime(2024, 2, 15, 9, 5, tzinfo=ZoneInfo("America/Chicago"))
    san_jose = datetime(2024, 2, 15, 11, 20, tzinfo=ZoneInfo("America/Los_Angeles"))
    casablanca = datetime(2024, 2, 11, 9, 0, tzinfo=ZoneInfo("Africa/Casablanca"))
    assert labels.zone_span(houston, san_jose, "en") == "CST → PST"
    assert labels.zone_span(houston, san_jose, "ar") == "\u2066CST → PST\u2069"
    assert labels.zone_span(houston, houston, "ar") == "\u2066CST\u2069"
    assert labels.zone_span(casablanca, houston, "ar") == "الدار البيضاء ← \u2066CST\u2069"
    dubai = datetime(2024, 2, 11, 18, 0, tzinfo=ZoneInfo("Asia/Dubai"))
    assert labels.zone_span(casablanca, dubai, "ar") == "الدار البيضاء ← دبي"
    assert labels.zone_span(casablanca, dubai, "en") == "Casablanca → Dubai"
