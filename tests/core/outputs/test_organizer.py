"""Organizer outputs: master grid (HTML, XLSX), table plan, host visit sheets, run sheets."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from openpyxl import load_workbook

from liqa.core.i18n import translator
from liqa.core.model import Event, EventKind, Schedule, Unplaced
from liqa.core.outputs import labels
from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.grid import build_grid, write_grid_xlsx
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.settings import OutputSettings
from liqa.core.outputs.sheets import PlanLine, host_sheets, run_sheets, table_plan
from liqa.core.problems import Message
from liqa.core.templating import TEMPLATE_DIR, render
from tests.core.outputs.mission import (
    CYBER_MEETING,
    LAMRANI_CALL,
    NASA_VISIT,
    make_event,
    make_schedule,
)

CHICAGO = ZoneInfo("America/Chicago")
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def test_grid_has_one_column_per_time_and_one_row_per_participant() -> None:
    grid = build_grid(make_event(), make_schedule(), "en")
    assert [c.start.strftime("%d %H:%M %Z") for c in grid.columns] == [
        "12 08:30 CST",
        "12 10:30 CST",
        "15 07:00 CST",
        "15 14:00 PST",
        "16 09:00 PST",
    ]
    assert [(r.name, r.cells) for r in grid.rows] == [
        (
            "Karim Benali",
            (
                "Welcome briefing",
                "NASA Johnson Space Center",
                "Flight to San Francisco",
                "CyberCorp · T4",
                "",
            ),
        ),
        (
            "Sarah Lamrani",
            (
                "Welcome briefing",
                "NASA Johnson Space Center",
                "Flight to San Francisco",
                "",
                "CyberCorp",
            ),
        ),
        (
            "Youssef Alaoui",
            ("Welcome briefing", "NASA Johnson Space Center", "Flight to San Francisco", "", ""),
        ),
        (
            "David Lee",
            ("", "", "", "DGSSI · T4", "Ministry of Digital Transition and Administrative Reform"),
        ),
        ("Jane Smith", ("", "Site visit", "", "", "")),
    ]


def test_grid_xlsx_reads_back_with_frozen_headers_and_rtl_in_arabic(tmp_path: Path) -> None:
    path = tmp_path / "grid.xlsx"
    write_grid_xlsx(build_grid(make_event(), make_schedule(), "ar"), "ar", path)
    sheet = load_workbook(path).active
    assert sheet is not None
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    # the Latin times and zone isolated left to right in the right-to-left sheet
    assert rows[0][:3] == ["المشارك", "الهيئة", "الاثنين 12 فبراير \u206608:30–09:30 CST\u2069"]
    assert rows[1][:4] == ["كريم بنعلي", "DGSSI", "اجتماع الترحيب", "NASA Johnson Space Center"]
    assert (sheet.freeze_panes, sheet.sheet_view.rightToLeft) == ("C2", True)


def test_grid_html_is_translated() -> None:
    html = render(
        "grid.html", "fr", grid=build_grid(make_event(), make_schedule(), "fr"), inline_css=""
    )
    assert "<h1>Grille générale</h1>" in html


def test_table_plan_lists_each_slot_by_table_or_place() -> None:
    plan = table_plan(make_event(), make_schedule(), "en")
    assert [(s.start, [line.table for line in s.lines]) for s in plan] == [
        (datetime(2024, 2, 12, 10, 30, tzinfo=CHICAGO), ["NASA Johnson Space Center"]),
        (datetime(2024, 2, 15, 14, 0, tzinfo=LOS_ANGELES), ["4"]),
        (datetime(2024, 2, 16, 9, 0, tzinfo=LOS_ANGELES), ["Online meeting"]),
    ]
    assert plan[1].lines == (
        PlanLine("4", ("DGSSI: Karim Benali", "CyberCorp: David Lee"), at_table=True),
    )


def test_table_plan_heads_a_visits_place_where_and_a_meetings_number_table() -> None:
    """A site visit's page headed its venue's name "Table" ("الطاولة")."""
    plan = table_plan(make_event(), make_schedule(), "ar")
    html = render("tableplan.html", "ar", slots=plan, title="", inline_css="")
    heads = re.findall(r"<tr><th>([^<]*)</th><th>", html)
    assert heads == ["المكان", "الطاولة", "المكان"]


def test_host_sheet_says_who_comes_and_what_they_seek() -> None:
    sheets = host_sheets(make_event(), make_schedule(), "en")
    assert [s.host_id for s in sheets] == ["h-nasa", "h-cyber"]
    visit = sheets[0].visits[0]
    assert [(v.name, v.role, v.organization, v.themes) for v in visit.visitors] == [
        (
            "Sarah Lamrani",
            "Secretary General",
            "Ministry of Digital Transition and Administrative Reform",
            ("e-government",),
        ),
        (
            "Youssef Alaoui",
            "Director of e-Government",
            "Ministry of Digital Transition and Administrative Reform",
            ("e-government",),
        ),
        (
            "Karim Benali",
            "Head of Cyber Defence",
            "General Directorate for Information Systems Security",
            ("cybersecurity",),
        ),
    ]
    assert visit.topic == "Cyber resilience of critical infrastructure"


def test_host_sheet_prints_what_an_organization_seeks_once_for_its_visitors() -> None:
    visit = host_sheets(make_event(), make_schedule(), "en")[0].visits[0]
    groups = visit.by_organization
    assert [(g.organization, [v.name for v in g.visitors]) for g in groups] == [
        (
            "Ministry of Digital Transition and Administrative Reform",
            ["Sarah Lamrani", "Youssef Alaoui"],
        ),
        ("General Directorate for Information Systems Security", ["Karim Benali"]),
    ]
    assert [g.themes for g in groups] == [("e-government",), ("cybersecurity",)]
    sheet = host_sheets(make_event(), make_schedule(), "en")[0]
    html = render("hostsheets.html", "en", sheets=[sheet], title="", inline_css="")
    # The ministry's two visitors share one row: its themes are printed once.
    assert html.count('<span class="small muted">e-government</span>') == 1


def test_run_sheet_shows_departures_visits_and_lunch_per_day() -> None:
    days = run_sheets(make_event(), make_schedule(), "en")
    first = days[0]
    assert (first.day.isoformat(), first.city) == ("2024-02-12", "Houston")
    assert [(line.time.strftime("%H:%M"), line.what, line.who) for line in first.lines] == [
        ("08:30", "Welcome briefing", "whole delegation"),
        ("09:45", "Departure (45 minutes)", "whole delegation"),
        ("10:30", "Site visit: NASA Johnson Space Center", "whole delegation"),
        ("12:00", "Lunch (60 min, between 12:00–14:00)", ""),
    ]


def _missing_nasa_visit() -> Schedule:
    schedule = make_schedule(1, LAMRANI_CALL)
    why = Message("the venue is out of reach of every leg's hotel")
    full = Message("no table left")
    left_out = (Unplaced("vis-nasa", "too_far", why), Unplaced("r-cyber", "no_table_left", full))
    return replace(schedule, unplaced=left_out)


def test_grid_lists_what_was_not_placed_by_name_with_the_reason_in_words(tmp_path: Path) -> None:
    event, schedule = make_event(), _missing_nasa_visit()
    french = render("grid.html", "fr", grid=build_grid(event, schedule, "fr"), inline_css="")
    assert "<h2>Non placés</h2>" in french
    assert (
        "<strong>NASA Johnson Space Center</strong> · hors de portée dans le temps disponible — "
        "le lieu est hors de portée de l&#39;hôtel de chaque étape"
    ) in french
    arabic = build_grid(event, schedule, "ar")
    visit, item = arabic.not_placed
    assert visit.title == "NASA Johnson Space Center"  # no Arabic name given
    assert item.title == "المديرية العامة لأمن نظم المعلومات – CyberCorp"  # the reader's script
    assert item.reason == translator("ar").gettext("no table left") != "no table left"
    path = tmp_path / "grid.xlsx"
    write_grid_xlsx(arabic, "ar", path)
    book = load_workbook(path)
    assert len(book.worksheets) == 2
    rows = [list(r) for r in book.worksheets[1].iter_rows(values_only=True)]
    assert rows[2][:2] == [item.title, item.reason]
    assert book.worksheets[1].sheet_view.rightToLeft
    assert book.worksheets[1].freeze_panes == "A2"  # the header stays while scrolling


def test_grid_without_anything_left_out_has_no_not_placed_part(tmp_path: Path) -> None:
    grid = build_grid(make_event(), make_schedule(), "en")
    assert grid.not_placed == ()
    assert "Not placed" not in render("grid.html", "en", grid=grid, inline_css="")
    write_grid_xlsx(grid, "en", tmp_path / "grid.xlsx")
    assert len(load_workbook(tmp_path / "grid.xlsx").worksheets) == 1


def test_arabic_sheets_use_the_arabic_comma() -> None:
    """The table plan read "الخميس، 15 فبراير 2024, 14:00–15:00"; the run sheet "سارة, كريم"."""
    event = make_event()
    both = replace(CYBER_MEETING, attendees=("p-lamrani", "p-benali", "p-lee"))
    schedule = make_schedule(1, NASA_VISIT, both)
    plan = table_plan(event, schedule, "ar")
    html = render("tableplan.html", "ar", slots=plan, title="", inline_css="")
    assert "الخميس، 15 فبراير 2024، <span" in html
    whos = [line.who for day in run_sheets(event, schedule, "ar") for line in day.lines]
    assert "سارة لمراني، كريم بنعلي" in whos
    sheets = render(
        "hostsheets.html", "ar", sheets=host_sheets(event, schedule, "ar"), title="", inline_css=""
    )
    assert "الاثنين، 12 فبراير 2024، <span" in sheets
    assert ", <span" not in html + sheets


def _in_casablanca() -> Event:
    """The test mission moved to Casablanca, whose zone the database names "+01"."""
    event = make_event()
    return replace(
        event,
        legs=tuple(replace(leg, timezone="Africa/Casablanca") for leg in event.legs),
        venues=tuple(replace(v, timezone="Africa/Casablanca") for v in event.venues),
    )


def test_a_zone_without_letters_is_named_by_its_city(tmp_path: Path) -> None:
    """The brokerage demo printed "09:00–09:20 +01" on every sheet, agenda and grid, then
    "UTC+1" under a day heading naming Casablanca; now the city, as the web pages do."""
    event, schedule = _in_casablanca(), make_schedule()
    agenda = build_agenda(event, schedule, "p-benali", "fr", OutputSettings())
    assert {e.zone for day in agenda.days for e in day.entries} == {"Casablanca"}
    pages = [
        render(
            "tableplan.html", "fr", slots=table_plan(event, schedule, "fr"), title="", inline_css=""
        ),
        render(
            "hostsheets.html",
            "fr",
            sheets=host_sheets(event, schedule, "fr"),
            title="",
            inline_css="",
        ),
        render(
            "runsheet.html", "fr", days=run_sheets(event, schedule, "fr"), title="", inline_css=""
        ),
        render("grid.html", "fr", grid=build_grid(event, schedule, "fr"), inline_css=""),
    ]
    for page in pages:
        assert "</span> Casablanca</" in page
        assert "UTC+1" not in page
        assert "+01" not in page
    agenda_page = render("agenda.html", "fr", agenda=agenda, inline_css="")
    assert "<small>Casablanca</small>" in agenda_page
    assert "+01" not in agenda_page
    write_grid_xlsx(build_grid(event, schedule, "fr"), "fr", tmp_path / "grid.xlsx")
    header = next(load_workbook(tmp_path / "grid.xlsx").active.iter_rows(values_only=True))
    assert [str(cell).rsplit(" ", 1)[-1] for cell in header[2:]] == ["Casablanca"] * len(header[2:])


def test_zone_beside_a_time_keeps_letters_and_names_offsets_by_city() -> None:
    assert labels.zone_short(datetime(2024, 2, 12, 9, tzinfo=CHICAGO), "en") == "CST"
    kolkata, sao_paulo = ZoneInfo("Asia/Kolkata"), ZoneInfo("America/Sao_Paulo")
    assert labels.zone_short(datetime(2024, 2, 12, 9, tzinfo=kolkata), "en") == "IST"
    assert labels.zone_short(datetime(2024, 2, 12, 9, tzinfo=sao_paulo), "fr") == "São Paulo"


def test_agenda_day_names_casablancas_zone_by_its_city_and_offset(tmp_path: Path) -> None:
    """The brokerage demo's days read "(Western European Standard Time)", an hour off its
    UTC+1 (CLDR's name for the zone's standard time); the city, as the grid's cells name
    the zone ("Casablanca", not the database's "+01")."""
    event, schedule = _in_casablanca(), make_schedule()
    names = {
        lang: {
            day.zone_name
            for day in build_agenda(event, schedule, "p-benali", lang, OutputSettings()).days
        }
        for lang in ("en", "fr", "ar")
    }
    assert names == {
        "en": {"Casablanca Time, UTC+1"},
        "fr": {"heure : Casablanca, UTC+1"},
        "ar": {"توقيت الدار البيضاء، \u2066UTC+1\u2069"},
    }
    houston = build_agenda(make_event(), schedule, "p-benali", "en", OutputSettings())
    assert houston.days[0].zone_name == "Central Standard Time"


@pytest.mark.integration
def test_a_long_table_plan_repeats_its_slot_on_every_page(tmp_path: Path) -> None:
    """The brokerage demo's 09:00 slot ran over two pages; the second had no time on it."""
    meetings = [replace(CYBER_MEETING, id=f"r-{table}", table=table) for table in range(1, 31)]
    schedule = make_schedule(1, *meetings)
    html = render(
        "tableplan.html",
        "fr",
        slots=table_plan(make_event(), schedule, "fr"),
        title="",
        inline_css="",
        for_pdf=True,
    )
    pdf = tmp_path / "plan.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    pages = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    pages = [page for page in pages if page.strip()]
    assert len(pages) > 1
    for page in pages:
        assert "jeudi 15 février 2024, 14:00–15:00 PST" in page


def test_run_sheet_gives_the_table_of_a_brokerage_meeting() -> None:
    """The brokerage demo's run sheet gave the hall for each of its 410 meetings, no table."""
    days = run_sheets(make_event(), make_schedule(), "fr")
    meeting = next(
        line
        for day in days
        for line in day.lines
        if line.kind == "meeting" and "CyberCorp" in line.what
    )
    assert meeting.where == "CyberCorp HQ · Table 4"


def test_run_sheet_reminds_of_lunch_only_when_the_delegation_is_about_at_lunchtime() -> None:
    """The demo's arrival day printed "Lunch (60 min, between 12:00–14:00)" above the 16:00
    landing; a day ending with a 09:00 call got it too."""
    days = {d.day.isoformat(): d for d in run_sheets(make_event(), make_schedule(), "en")}
    lunches = {
        day: [line.what for line in d.lines if line.kind == "lunch"] for day, d in days.items()
    }
    assert lunches == {
        "2024-02-12": ["Lunch (60 min, between 12:00–14:00)"],  # a visit until 12:00
        "2024-02-15": ["Lunch (60 min, between 12:00–14:00)"],  # a flight, then 14:00
        "2024-02-16": [],  # one call, 09:00–09:30
    }


def test_grid_page_scrolls_its_table_in_a_box() -> None:
    """The Arabic grid (45 columns) overflowed its page on the left, out of the browser's
    reach: only the last columns showed, beside an empty window."""
    html = render(
        "grid.html", "ar", grid=build_grid(make_event(), make_schedule(), "ar"), inline_css=""
    )
    assert '<div class="scroll"><table class="grid">' in html
    assert html.index("</table></div>") < html.index("</body>")
    css = (Path(TEMPLATE_DIR) / "style.css").read_text(encoding="utf-8")
    assert ".scroll { overflow-x: auto; }" in css


def test_run_sheet_of_a_brokerage_event_says_everyone_not_the_whole_delegation() -> None:
    """The brokerage example's Arabic run sheet gave its opening to 'الوفد بأكمله'."""
    event = make_event(kind=EventKind.BROKERAGE)
    first = run_sheets(event, make_schedule(), "ar")[0].lines[0]
    assert (first.what, first.who) == ("اجتماع الترحيب", "الجميع")
    mission = run_sheets(make_event(), make_schedule(), "ar")[0].lines[0]
    assert mission.who == "الوفد بأكمله"


def test_latin_text_in_arabic_sheets_and_agendas_is_isolated() -> None:
    """What an organization seeks, a topic and a profile, entered in English, were printed
    in the Arabic page's direction: 'We are looking for partners in: e-government …' began
    with its colon and split 'e-' from 'government'."""
    seeks = "Partners in: e-government platforms, digital identity."
    event = make_event()
    orgs = tuple(
        replace(o, seeks={"en": seeks}, description={"en": "A ministry."}) if o.id == "MTNRA" else o
        for o in event.organizations
    )
    event = replace(event, organizations=orgs)
    sheet = host_sheets(event, make_schedule(), "ar")[0]
    html = render("hostsheets.html", "ar", sheets=[sheet], title="", inline_css="", for_pdf=True)
    assert f"<td>\u2066{seeks}\u2069" in html
    assert "\u2066A ministry.\u2069" in html
    agenda = build_agenda(event, make_schedule(), "p-benali", "ar", OutputSettings())
    html = render("agenda.html", "ar", agenda=agenda, inline_css="", for_pdf=True)
    assert "<b>الموضوع:</b> \u2066Managed security operations for ministries\u2069" in html


@pytest.mark.integration
def test_run_sheet_columns_line_up_from_one_day_to_the_next(tmp_path: Path) -> None:
    """Each day's table was as wide as its content: the demo's first day ended mid-page and
    its columns stood elsewhere than the next days'."""
    html = render(
        "runsheet.html",
        "fr",
        inline_css=(TEMPLATE_DIR / "style.css").read_text(encoding="utf-8"),
        for_pdf=True,
        days=run_sheets(make_event(), make_schedule(), "fr"),
        title="",
    )
    pdf = tmp_path / "run-sheet.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    words = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    heads = re.findall(r'<word xMin="([\d.]+)"[^>]*>(Qui|Où)</word>', words)
    assert len(heads) == 6  # three days
    for name in ("Qui", "Où"):
        assert len({x for x, word in heads if word == name}) == 1, heads


@pytest.mark.integration
def test_host_sheet_cells_start_at_the_top_of_their_row(tmp_path: Path) -> None:
    """The visitors table centred each cell in its row: a one-line visitor stood level with
    the middle line of their three-line organization, beside cells starting at the top."""
    html = render(
        "hostsheets.html",
        "en",
        inline_css=(TEMPLATE_DIR / "style.css").read_text(encoding="utf-8"),
        for_pdf=True,
        sheets=host_sheets(make_event(), make_schedule(), "en")[:1],
        title="",
    )
    pdf = tmp_path / "host-sheets.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    words = subprocess.run(
        ["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    found = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(\w+)</word>', words)
    tops = {word: float(y) for y, word in reversed(found)}  # each word's first place
    assert tops["Karim"] == tops["Directorate"], tops
