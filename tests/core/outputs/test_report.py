"""The mission report's figures and charts, and the communiqué built from the facts."""

from __future__ import annotations

import base64
import io
import re
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from html import unescape
from pathlib import Path

import pytest

from liqa.core.model import (
    BrokerageSetup,
    Event,
    EventKind,
    FollowUp,
    Leg,
    Outcome,
    OutcomeKind,
    RequestStatus,
    Schedule,
    Session,
)
from liqa.core.outputs.charts import bar_chart, pixel_size, text_as_paths, trimmed
from liqa.core.outputs.communique import build_communique
from liqa.core.outputs.labels import CITIES, CITY_PHRASES, date_range
from liqa.core.outputs.pdf import PdfJob, render_pdfs
from liqa.core.outputs.report import charts, compute_figures, report_context
from liqa.core.templating import render
from tests.core.outputs.mission import (
    CYBER_MEETING,
    LAMRANI_CALL,
    NASA_VISIT,
    make_event,
    make_schedule,
    valley,
)


def test_report_figures_count_meetings_by_participant_theme_kind_and_day() -> None:
    figures = compute_figures(make_event(), make_schedule(), "en")
    assert (figures.participants, figures.organizations, figures.hosts) == (3, 2, 2)
    assert (figures.requested, figures.accepted, figures.meetings, figures.held) == (2, 2, 3, None)
    assert figures.per_participant == (
        ("Sarah Lamrani", 2),
        ("Youssef Alaoui", 1),
        ("Karim Benali", 2),
    )
    assert figures.per_theme == (("cybersecurity", 2),)
    assert figures.per_org_kind == (("company", 2), ("government", 1))
    assert figures.per_city_day == (
        ("Mon 12 Feb (Houston)", 1),
        ("Thu 15 Feb (Silicon Valley)", 1),
        ("Fri 16 Feb (Silicon Valley)", 1),
    )
    # a hand-made schedule carries no scheduler's waiting: the report shows none
    assert (figures.travel_minutes, figures.waiting) == (75, ())


def test_report_counts_outcomes_once_recorded() -> None:
    outcomes = (
        Outcome("vis-nasa", OutcomeKind.HELD, FollowUp.MOU),
        Outcome("r-cyber", OutcomeKind.NO_SHOW),
    )
    figures = compute_figures(make_event(outcomes=outcomes), make_schedule(), "fr")
    assert figures.held == 1
    # then the meetings with no outcome yet: the organizer sees how many are left to record
    assert figures.outcomes == (("tenu", 1), ("absence", 1), ("pas encore saisi", 1))
    # a follow-up recorded as none is no follow-up agreed
    assert figures.follow_ups == (("protocole d'accord", 1),)


def test_report_charts_are_inline_svg_with_the_numbers_beside_them() -> None:
    found = charts(compute_figures(make_event(), make_schedule(), "ar"), "ar")
    assert [c.title for c in found] == [
        "اللقاءات حسب المشارك",
        "اللقاءات حسب المحور",
        "اللقاءات حسب نوع الهيئة المضيفة",
        "اللقاءات حسب المدينة واليوم",
        "نسبة استغلال وقت البرنامج",
    ]
    assert all(len(c.svgs) == 1 for c in found)
    assert all(c.svgs[0].startswith('<svg role="img" aria-label="') for c in found)
    assert found[0].rows == (("سارة لمراني", "2"), ("يوسف العلوي", "1"), ("كريم بنعلي", "2"))


def test_bar_chart_is_deterministic() -> None:
    assert bar_chart(["a", "b"], [1, 2], "t") == bar_chart(["a", "b"], [1, 2], "t")


def test_report_html_shows_figures_and_charts() -> None:
    html = render(
        "report.html", "en", inline_css="", **report_context(make_event(), make_schedule(), "en")
    )
    assert html.count("<svg") == 5
    assert "not recorded yet" in html


@pytest.mark.parametrize(
    ("lang", "dates"),
    [
        ("fr", "12–16 février 2024"),
        ("en", "February 12\u2009–\u200916, 2024"),
        ("ar", "12–16 فبراير 2024"),
    ],
)
def test_report_gives_the_dates_once(lang: str, dates: str) -> None:
    """The header read "12 février 2024 – 16 février 2024"."""
    context = report_context(make_event(), make_schedule(), lang)
    html = render("report.html", lang, inline_css="", **context)
    assert f'<div class="small muted">{dates} · ' in html


def test_date_range_of_one_day_is_that_day_and_across_years_in_full() -> None:
    """The brokerage day's report read "16 octobre 2025 – 16 octobre 2025"."""
    day = date(2025, 10, 16)
    assert [date_range(day, day, lang) for lang in ("fr", "en", "ar")] == [
        "16 octobre 2025",
        "October 16, 2025",
        "16 أكتوبر 2025",
    ]
    assert date_range(date(2024, 12, 30), date(2025, 1, 2), "fr") == (
        "30 décembre 2024\u2009–\u20092 janvier 2025"
    )


def test_report_for_pdf_draws_each_chart_as_an_svg_image_titled_by_its_chart() -> None:
    event, schedule = make_event(), make_schedule()
    context = report_context(event, schedule, "ar")
    html = render("report.html", "ar", inline_css="", for_pdf=True, **context)
    images = re.findall(
        r'<img src="data:image/svg\+xml;base64,([^"]+)" alt="([^"]+)"'
        r' width="(\d+)" height="(\d+)">',
        html,
    )
    assert "<svg" not in html
    assert [
        (base64.b64decode(data).decode(), unescape(alt), (int(width), int(height)))
        for data, alt, width, height in images
    ] == [
        (trimmed(text_as_paths(svg)), chart.title, pixel_size(svg))
        for chart in charts(compute_figures(event, schedule, "ar"), "ar")
        for svg in chart.svgs
    ]


def test_chart_labels_become_one_path_each_and_the_glyph_references_go() -> None:
    labels = ["Ministry of Digital Transition", "وزارة الانتقال الرقمي", "ADD"]
    svg = bar_chart(labels, [3, 5, 2], "t")
    flat = text_as_paths(svg)
    assert svg.count("<use") > 40  # one per glyph, and one per tick mark
    assert flat.count("<use") == len(labels)  # the tick marks only
    assert 'id="NotoSans-Regular' not in flat
    assert 'id="NotoNaskhArabic' not in flat
    # every label (3 names, 3 numbers) is one path with the outlines of its glyphs
    assert len(re.findall(r'<path d="M [^"]* z( M [^"]* z)*" ?/>', flat)) >= 2 * len(labels)
    assert flat.startswith("<svg")
    assert 'aria-label="t"' in flat


def test_communique_states_the_missions_facts_in_english() -> None:
    communique = build_communique(make_event(), make_schedule(), "en")
    assert communique.headline == "Moroccan digital trade mission"
    assert communique.paragraphs == (
        "A trade mission organized by the US Commercial Service, Casablanca and USTDA was held "
        "from February 12 to February 16, 2024 for a delegation of 3 participants, focused on "
        "e-government and cybersecurity.",
        "The delegation represented 2 organizations: Ministry of Digital Transition and "
        "Administrative Reform and General Directorate for Information Systems Security.",
        # no outcome recorded: the meetings were arranged, none said to be held
        "Meetings were arranged for the delegation first in Houston, then in Silicon Valley. The "
        "programme included 3 professional meetings with 1 company and 1 government institution, "
        "who shared their experience in cybersecurity.",  # the themes of the meetings, not all
        "The mission's stated goals: learn from US best practices and attract investment",
    )


NASA_HELD = (Outcome("vis-nasa", OutcomeKind.HELD),)
"""A meeting recorded as held: the draft says the delegation held meetings."""


def test_communique_in_arabic_follows_the_seed_articles_shape() -> None:
    communique = build_communique(make_event(outcomes=NASA_HELD), make_schedule(), "ar")
    assert communique.headline == "البعثة التجارية المغربية للرقمنة"
    assert communique.paragraphs[0].startswith(
        "بتنظيم من ⁦US Commercial Service, Casablanca⁩ و⁦USTDA⁩، "
        "أُقيمت في الفترة من 12 إلى 16 فبراير 2024"  # as the seed article writes its dates
    )
    assert (
        "وزارة الانتقال الرقمي وإصلاح الإدارة والمديرية العامة لأمن نظم المعلومات"
        in communique.paragraphs[1]
    )
    assert communique.paragraphs[2].startswith(
        "أجرى أعضاء الوفد في مرحلة أولى لقاءات في هيوستن، ثم انتقلوا إلى وادي السيليكون."
    )


def test_communique_counts_every_scheduled_meeting_once_outcomes_exist() -> None:
    """As the report does: one outcome recorded made the demo's draft say "1 rencontre
    professionnelle avec 1 entreprise" where the report counted 23 meetings and visits."""
    event = make_event(outcomes=NASA_HELD)
    communique = build_communique(event, make_schedule(), "fr")
    assert (  # then how many of them were held (test_communique_held)
        " Le programme comprenait 3 rencontres professionnelles avec 1 entreprise et 1 "
        "institution publique, qui ont partagé leur expérience en cybersécurité. "
    ) in communique.paragraphs[2]


def test_communique_puts_each_city_after_its_own_preposition_in_french() -> None:
    communique = build_communique(make_event(outcomes=NASA_HELD), make_schedule(), "fr")
    assert communique.paragraphs[2].startswith(
        "La délégation a d’abord tenu des rencontres à Houston, puis s’est rendue dans la "
        "Silicon Valley. Le programme comprenait 3 rencontres professionnelles avec "
        "1 entreprise et 1 institution publique, qui ont partagé leur expérience en "
        "cybersécurité."
    )
    assert communique.dateline == "Silicon Valley, 16 février 2024 —"


def test_a_city_the_catalog_does_not_know_takes_the_general_preposition() -> None:
    event = make_event(outcomes=NASA_HELD)
    legs = tuple(
        replace(leg, city="Austin") if leg.city == "Houston" else leg for leg in event.legs
    )
    event = replace(event, legs=legs)
    assert (
        build_communique(event, make_schedule(), "fr")
        .paragraphs[2]
        .startswith(
            "La délégation a d’abord tenu des rencontres à Austin, puis s’est rendue dans la "
            "Silicon Valley."
        )
    )
    assert (
        build_communique(event, make_schedule(), "ar")
        .paragraphs[2]
        .startswith(
            "أجرى أعضاء الوفد في مرحلة أولى لقاءات في \u2066Austin\u2069، "
            "ثم انتقلوا إلى وادي السيليكون."
        )
    )
    assert (
        build_communique(event, make_schedule(), "en")
        .paragraphs[2]
        .startswith("The delegation first held meetings in Austin, then went on to Silicon Valley.")
    )


def test_one_host_shares_its_experience_in_english() -> None:
    assert (
        build_communique(make_event(), make_schedule(1, NASA_VISIT), "en")
        .paragraphs[2]
        .endswith(
            "The programme included 1 professional meeting with 1 government institution, which "
            "shared its experience in cybersecurity."
        )
    )


def test_every_city_of_the_catalog_has_its_in_and_to_phrases() -> None:
    assert set(CITY_PHRASES) == set(CITIES)


def _gray_pages(pdf: Path, dpi: int = 30) -> list[list[bytes]]:
    """Each page of ``pdf`` as rows of grey pixels (pdftoppm's PGM), top to bottom."""
    subprocess.run(
        ["pdftoppm", "-gray", "-r", str(dpi), str(pdf), str(pdf.with_suffix(""))], check=True
    )
    pages = []
    for image in sorted(pdf.parent.glob(f"{pdf.stem}-*.pgm")):
        data = image.read_bytes()
        fields = data.split(maxsplit=4)  # P5, width, height, maxval, pixels
        width, height, pixels = int(fields[1]), int(fields[2]), fields[4]
        pages.append([pixels[y * width : (y + 1) * width] for y in range(height)])
    return pages


def _inked(rows: list[bytes]) -> bool:
    return any(min(row) < 192 for row in rows)


@pytest.mark.integration
def test_long_chart_is_printed_in_parts_that_fit_their_pages(tmp_path: Path) -> None:
    """66 participants (the brokerage demo): the chart was one drawing 56 cm tall, printed
    after a page holding its heading alone and cut at the next page's bottom edge."""
    event, schedule = make_event(), make_schedule()
    figures = replace(
        compute_figures(event, schedule, "fr"),
        per_participant=tuple((f"Participant {n}", n % 11) for n in range(1, 67)),
    )
    found = charts(figures, "fr")
    assert len(found[0].svgs) == 3  # 24 + 24 + 18 bars, on one scale
    context = report_context(event, schedule, "fr") | {"figures": figures, "charts": found}
    html = render("report.html", "fr", inline_css="", for_pdf=True, **context)
    pdf = tmp_path / "report.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    pages = _gray_pages(pdf)
    mm = len(pages[0]) / 297  # pixel rows per millimetre (A4)
    for number, rows in enumerate(pages, 1):
        # nothing drawn in the last 8 mm of the sheet (the page number sits above them)
        assert not _inked(rows[-int(8 * mm) :]), f"page {number} is cut at its bottom edge"
        # no page holds only a heading: it has ink between 40 mm and 270 mm from the top
        assert _inked(rows[int(40 * mm) : int(270 * mm)]), f"page {number} is empty"


def test_communique_counts_the_hosts_of_meetings_between_people() -> None:
    """A brokerage meeting's parties are people; their organizations were not counted."""
    communique = build_communique(make_event(), make_schedule(1, NASA_VISIT, LAMRANI_CALL), "en")
    assert (
        "2 professional meetings with 1 company and 1 government institution"
        in (communique.paragraphs[2])
    )


def test_themes_of_a_meeting_between_people_are_those_their_organizations_share() -> None:
    """A brokerage meeting's parties are people: the brokerage demo's report had no chart of
    meetings per theme (no meeting had a theme) and its communiqué listed every theme."""
    call = replace(LAMRANI_CALL, parties=("p-benali", "p-lee"), attendees=("p-benali", "p-lee"))
    figures = compute_figures(make_event(), make_schedule(1, call), "en")
    assert figures.per_theme == (("cybersecurity", 1),)  # DGSSI's and CyberCorp's


def test_report_counts_the_hosts_met_as_the_communique_does() -> None:
    """A host without a scheduled meeting is not counted (it was: 24 against the
    communiqué's 23 on the demo mission, whose Baylink visit is not placed)."""
    event = make_event()
    without_nasa = make_schedule(1, CYBER_MEETING, LAMRANI_CALL)
    assert compute_figures(event, make_schedule(), "en").hosts == 2
    assert compute_figures(event, without_nasa, "en").hosts == 1


def test_report_counts_every_request_made_as_requested_and_the_accepted_apart() -> None:
    """'Requested' counted proposed and accepted requests only (a declined request had been
    requested too) and mixed what was asked with what was agreed."""
    accepted = make_event().requests[0]
    requests = (
        accepted,
        replace(accepted, id="r-asked", status=RequestStatus.PROPOSED),
        replace(accepted, id="r-refused", status=RequestStatus.DECLINED),
        replace(accepted, id="r-dropped", status=RequestStatus.CANCELLED),
    )
    event = make_event(requests=requests)
    figures = compute_figures(event, make_schedule(), "en")
    assert (figures.requested, figures.accepted, figures.meetings) == (5, 2, 3)
    html = render(
        "report.html", "en", inline_css="", **report_context(event, make_schedule(), "en")
    )
    rows = re.findall(r'<tr><th>([^<]*)</th><td class="num">([^<]*)</td></tr>', html)
    assert rows[:3] == [
        ("Requested (requests and candidate visits)", "5"),
        ("Accepted (requests accepted and candidate visits)", "2"),
        ("Scheduled", "3"),
    ]


def _b2b_day() -> tuple[Event, Schedule]:
    """The hand-built mission as a one-day brokerage event at CyberCorp's hall in San Jose."""
    day = date(2024, 2, 15)
    leg = Leg("valley", "Silicon Valley", "America/Los_Angeles", day, day)
    session = Session("morning", valley(15, 9), valley(15, 12))
    event = make_event(
        kind=EventKind.BROKERAGE,
        legs=(leg,),
        programme=(),
        visits=(),
        brokerage=BrokerageSetup("v-cyber", 30, 10, (session,)),
        title={
            "en": "Digital B2B day",
            "fr": "Journée B2B du numérique",
            "ar": "يوم لقاءات الأعمال الرقمية",
        },
    )
    lee = replace(LAMRANI_CALL, start=valley(15, 10), end=valley(15, 10, 30), table=2)
    return event, make_schedule(
        1, replace(CYBER_MEETING, start=valley(15, 9), end=valley(15, 9, 30)), lee
    )


def test_communique_of_a_brokerage_event_speaks_of_b2b_meetings_not_a_trade_mission() -> None:
    event, schedule = _b2b_day()
    communique = build_communique(event, schedule, "en")
    assert communique.paragraphs == (
        "The US Commercial Service, Casablanca and USTDA held a day of B2B meetings on "
        "February 15, 2024.",
        "The event brought together 5 participants for pre-arranged one-to-one meetings. They "
        "represented 4 organizations: Ministry of Digital Transition and Administrative Reform, "
        "General Directorate for Information Systems Security, NASA Johnson Space Center, and "
        "CyberCorp. 3 of them had at least one meeting. In all, 2 meetings were arranged, mostly "
        "on cybersecurity.",
        "The event's stated goals: learn from US best practices and attract investment",
    )
    for lang in ("en", "fr", "ar"):
        text = build_communique(event, schedule, lang).as_text()
        for mission_words in (
            "trade mission",
            "delegation",
            "mission commerciale",
            "délégation",
            "بعثة",
            "الوفد",
        ):
            assert mission_words not in text, (lang, mission_words)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("en", "Silicon Valley, February 16, 2024 —"),
        ("fr", "Silicon Valley, 16 février 2024 —"),
        ("ar", "وادي السيليكون، 16 فبراير 2024 —"),
    ],
)
def test_communique_opens_with_a_dateline_in_its_language(lang: str, line: str) -> None:
    """Where and when the mission ended; the communiqué had no dateline."""
    communique = build_communique(make_event(), make_schedule(), lang)
    assert communique.dateline == line
    assert communique.as_text().split("\n\n")[1].startswith(line + " ")
    html = render("communique.html", lang, inline_css="", communique=communique)
    assert f'<p><b class="dateline">{line}</b> ' in html


def test_dateline_of_a_brokerage_event_is_its_venues_city_on_its_day() -> None:
    event, schedule = _b2b_day()
    assert build_communique(event, schedule, "en").dateline == "San Jose, February 15, 2024 —"


def _x_extents(svg: str) -> dict[str, list[tuple[float, float]]]:
    """Left and right x of the bars, category labels and value labels of a chart."""
    root = ET.fromstring(text_as_paths(svg))
    ns = "{http://www.w3.org/2000/svg}"
    out: dict[str, list[tuple[float, float]]] = {"bars": [], "labels": [], "values": []}

    def extent(path: ET.Element) -> tuple[float, float]:
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path.get("d", ""))]
        xs = numbers[0::2]
        return min(xs), max(xs)

    parents = {child: parent for parent in root.iter() for child in parent}
    for group in root.iter(f"{ns}g"):
        name = group.get("id", "")
        path = group.find(f"{ns}path")
        if path is None:
            continue
        if name.startswith("patch_") and "#0b4f6c" in path.get("style", ""):
            out["bars"].append(extent(path))
        elif name.startswith("text_"):
            in_tick = parents[group].get("id", "").startswith("ytick_")
            out["labels" if in_tick else "values"].append(extent(path))
    return out


def test_arabic_charts_read_right_to_left() -> None:
    """The Arabic report's bar charts were drawn left to right: labels on the left, bars
    growing to the right."""
    arabic = _x_extents(
        charts(compute_figures(make_event(), make_schedule(), "ar"), "ar")[0].svgs[0]
    )
    english = _x_extents(
        charts(compute_figures(make_event(), make_schedule(), "en"), "en")[0].svgs[0]
    )
    assert len(arabic["bars"]) == len(arabic["labels"]) == len(arabic["values"]) == 3
    # English: the labels left of the bars, which start together at the axis
    assert max(r for _, r in english["labels"]) < min(left for left, _ in english["bars"])
    # Arabic: the labels right of the bars, right-aligned on one edge
    assert min(left for left, _ in arabic["labels"]) > max(r for _, r in arabic["bars"])
    rights = [r for _, r in arabic["labels"]]
    assert max(rights) - min(rights) < 1
    # the bars start together at the axis on the right and grow to the left
    ends = [r for _, r in arabic["bars"]]
    assert max(ends) - min(ends) < 0.01
    # each value is written left of its bar
    for (bar_left, _), (_, value_right) in zip(arabic["bars"], arabic["values"], strict=True):
        assert value_right < bar_left


def test_report_of_a_brokerage_event_is_an_event_report_on_everyone_at_the_tables() -> None:
    """The brokerage example's report was a 'Mission report' ('تقرير البعثة') counting one
    side's 66 people as its participants and 'delegation organizations'; its communiqué
    counted the 120 people who met."""
    event, schedule = _b2b_day()
    figures = compute_figures(event, schedule, "en")
    assert (figures.participants, figures.organizations) == (5, 4)
    assert [name for name, _ in figures.per_participant] == [
        "Sarah Lamrani",
        "Youssef Alaoui",
        "Karim Benali",
        "Jane Smith",
        "David Lee",
    ]
    html = render("report.html", "en", inline_css="", **report_context(event, schedule, "en"))
    assert "<h1>Event report</h1>" in html
    assert "delegation organizations" not in html
    assert "meetings and visits" not in html
    mission = report_context(make_event(), make_schedule(), "en")
    assert "<h1>Mission report</h1>" in render("report.html", "en", inline_css="", **mission)


FRAMES = """
#, python-format
msgctxt "themes after on"
msgid "%(themes)s"
msgid_plural "%(themes)s"
msgstr[0] "le thème %(themes)s"
msgstr[1] "les thèmes suivants : %(themes)s"
msgstr[2] "les thèmes suivants : %(themes)s"
"""


@pytest.fixture
def french_frames(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The catalog with the French frame of a list of themes after "sur" (as proposed)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    from liqa.core import i18n

    for lang in ("ar", "fr", "en"):
        po = (i18n.LOCALE_DIR / lang / "LC_MESSAGES" / "django.po").read_text(encoding="utf-8")
        if lang == "fr" and 'msgctxt "themes after on"' not in po:
            po += FRAMES
        folder = tmp_path / lang / "LC_MESSAGES"
        folder.mkdir(parents=True)
        with (folder / "django.mo").open("wb") as mo:
            write_mo(mo, read_po(io.StringIO(po)))
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.translation.cache_clear()
    yield
    i18n.translation.cache_clear()


@pytest.mark.usefixtures("french_frames")
def test_french_communique_frames_its_themes_after_sur() -> None:
    """Theme labels carry no article: "axée sur administration électronique et cybersécurité"
    did not read as French; the list now goes through a frame the catalog translates."""
    lead = build_communique(make_event(), make_schedule(), "fr").paragraphs[0]
    event, schedule = _b2b_day()
    event = replace(
        event, outcomes=tuple(Outcome(m, OutcomeKind.HELD) for m in ("r-cyber", "r-call"))
    )
    held = build_communique(event, schedule, "fr").paragraphs[1]
    english = build_communique(make_event(), make_schedule(), "en").paragraphs[0]
    assert lead.endswith(
        "axée sur les thèmes suivants : administration électronique et cybersécurité."
    )
    assert held.endswith("principalement sur le thème cybersécurité.")
    assert english.endswith("focused on e-government and cybersecurity.")


@pytest.mark.integration
def test_first_chart_of_the_french_report_stays_on_page_one(tmp_path: Path) -> None:
    """The demo mission's French report (15 participants): its key figures took two rows
    (the French labels are longer) and the chart of meetings per participant, too tall for
    what was left, went to page 2 and left page 1 mostly empty."""
    event, schedule = make_event(), make_schedule()
    figures = replace(
        compute_figures(event, schedule, "fr"),
        participants=15,
        organizations=7,
        hosts=23,
        meetings=23,
        per_participant=tuple((f"Participant {n}", 11 + n % 4) for n in range(1, 16)),
    )
    context = report_context(event, schedule, "fr") | {
        "figures": figures,
        "charts": charts(figures, "fr"),
    }
    html = render("report.html", "fr", inline_css="", for_pdf=True, **context)
    pdf = tmp_path / "report.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Rendez-vous par participant" in first
    pages = _gray_pages(pdf)
    mm = len(pages[0]) / 297
    assert not _inked(pages[0][-int(8 * mm) :])  # and nothing cut at its bottom edge


DEMO_TITLE = {
    "en": "US Trade Mission on Digital Transformation for a Moroccan Delegation — Houston and "
    "Silicon Valley",
    "fr": "Mission commerciale aux États-Unis sur la transformation numérique pour une "
    "délégation marocaine — Houston et Silicon Valley",
    "ar": "بعثة تجارية إلى الولايات المتحدة حول التحول الرقمي لفائدة وفد مغربي رفيع المستوى — "
    "هيوستن ووادي السيليكون",
}


@pytest.mark.integration
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_first_chart_is_sized_to_what_page_one_has_left(lang: str, tmp_path: Path) -> None:
    """The demo's title and key figures leave page 1 about 15 cm: the chart of meetings per
    participant fitted there with the demo's 15 delegates (6 mm to spare), not with 16 or
    more, nor with a title one line longer; it then went to page 2 and left page 1 with
    the title, the key figures and one table."""
    event, schedule = make_event(title=DEMO_TITLE), make_schedule()
    figures = replace(
        compute_figures(event, schedule, lang),
        participants=20,
        per_participant=tuple((f"Participant {n}", 11 + n % 4) for n in range(1, 21)),
    )
    [first, *_] = charts(figures, lang)
    context = report_context(event, schedule, lang) | {"figures": figures, "charts": [first]}
    html = render("report.html", lang, inline_css="", for_pdf=True, **context)
    pdf = tmp_path / "report.pdf"
    render_pdfs([PdfJob(html, pdf)], 1)
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert first.title in text
    pages = _gray_pages(pdf)
    mm = len(pages[0]) / 297
    assert _inked(pages[0][int(230 * mm) : int(275 * mm)])  # the chart reaches down the page
    assert not _inked(pages[0][-int(8 * mm) :])  # and is not cut at its bottom edge
