"""The organizer's report page (``/organize/<event>/report/``): the core's mission report of
the latest published version (or ``?version=N``) in the reader's language, its figures
those of ``report.Figures``, outcomes shown as they are recorded, and its PDF."""

from __future__ import annotations

import html
import re
import subprocess
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from functools import cache
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.test import Client
from PIL import Image

from liqa.core import model as core
from liqa.core.i18n import translator
from liqa.core.missionfile import load_event
from liqa.core.outputs import labels
from liqa.core.outputs.charts import COLOR
from liqa.core.outputs.pdf import html_to_pdf
from liqa.core.outputs.report import Figures, compute_figures, report_context
from liqa.core.outputs.timeline import timeline
from liqa.core.scheduling.planning import PlanSettings, plan_event
from liqa.core.templating import render
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event, Person
from liqa.web.events.records import event_record, store_event
from liqa.web.events.services import import_mission_file
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import schedule_record, store_schedule
from tests.pdfs import pdf_text
from tests.web.factories import DEMO, make_core_event, make_schedule, person_user

ORGANIZER = "organizer@example.org"


@cache
def demo_schedule() -> core.Schedule:
    """The demo mission planned once per test process (one second of solving)."""
    return plan_event(load_event(DEMO), PlanSettings(time_limit=1.0)).schedule


def published_demo() -> tuple[Event, ScheduleVersion]:
    """The demo mission imported, its organizer granted, everyone enrolled, its schedule
    stored and published as version 1 (nobody e-mailed)."""
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    accounts.grant(accounts.user_for_email(ORGANIZER), row, Role.ORGANIZER)
    accounts.enrol_everyone(row)
    version = store_schedule(row, demo_schedule())
    publish(version, notify=False)
    return row, version


def organizer_client() -> Client:
    """A client signed in as the demo's organizer."""
    client = Client()
    client.force_login(accounts.user_for_email(ORGANIZER))
    return client


def text(fragment: str) -> str:
    """``fragment`` as read: tags dropped, entities decoded, spaces collapsed."""
    read = html.unescape(re.sub(r"<[^>]+>", "", fragment))
    return re.sub(r"[ \t\r\n]+", " ", read).strip()  # no-break spaces kept


def kpis(page: str) -> list[str]:
    """The key figures at the top of the report, in order."""
    return [text(b) for b in re.findall(r'<div class="kpi"><b>(.*?)</b>', page)]


def table_rows(page: str) -> list[tuple[str, str]]:
    """(heading, value) of each row of the table of figures."""
    rows = re.findall(r'<tr><th>(.*?)</th><td class="num">(.*?)</td></tr>', page, re.S)
    return [(text(name), text(value)) for name, value in rows]


def rows_under(page: str, heading: str) -> list[tuple[str, str]]:
    """(name, value) of the rows of the table under the heading reading ``heading`` (a
    chart's numbers, the outcomes, the follow-ups)."""
    for found in re.finditer(r"<h([23])>(.*?)</h\1>(.*?)</table>", page, re.S):
        if text(found.group(2)) == heading:
            rows = re.findall(r'<tr><td>(.*?)</td><td class="num">(.*?)</td></tr>', found[3], re.S)
            return [(text(name), text(value)) for name, value in rows]
    raise AssertionError(f"no table under {heading!r}")


TRAVEL = "Travel to the meetings (from the hotel or the previous meeting; trips back not counted)"
"""The heading of the report's travel row: what it counts (the run's ``travel, minutes``
also counts the trips back to the hotel)."""


def chart_images(page: str) -> list[tuple[str, str]]:
    """(address, text alternative) of each chart drawing of the report page."""
    found = re.findall(r'<div class="chart"><img src="([^"]*)" alt="([^"]*)"[^>]*>', page)
    return [(html.unescape(src), html.unescape(alt)) for src, alt in found]


def expected_figures(row: Event, version: ScheduleVersion, lang: str) -> Figures:
    """The core's figures of the stored event and version."""
    return compute_figures(event_record(row), schedule_record(version), lang)


def report_url(row: Event, query: str = "") -> str:
    return f"/organize/{row.slug}/report/{query}"


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_report_page_shows_the_core_figures_of_the_demo_mission(lang: str) -> None:
    row, version = published_demo()
    response = organizer_client().get(report_url(row), HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    page = response.content.decode()
    t = translator(lang)
    direction = "rtl" if lang == "ar" else "ltr"
    assert f'<html lang="{lang}" dir="{direction}">' in page
    assert f"<h1>{html.escape(t.gettext('Mission report'))}</h1>" in page
    figures = expected_figures(row, version, lang)
    number = t.format_number

    def minutes(value: int) -> str:
        return t.format_duration(timedelta(minutes=value))

    assert kpis(page) == [
        number(figures.participants),
        number(figures.organizations),
        number(figures.hosts),
        number(figures.meetings),
    ]
    assert figures.meetings > 0
    assert table_rows(page) == [
        (t.gettext("Requested (requests and candidate visits)"), number(figures.requested)),
        (t.gettext("Accepted (requests accepted and candidate visits)"), number(figures.accepted)),
        (t.gettext("Scheduled"), number(figures.meetings)),
        (t.gettext("Held"), t.gettext("not recorded yet")),
        (t.gettext(TRAVEL), minutes(figures.travel_minutes)),
        # the run's waiting, in hours and minutes as the travel (it read 'Pauses … 0
        # minute' beside a run's 'attente (minutes) 290', then 'attente (minutes) 350')
        *((m.name, minutes(m.whole_minutes)) for m in figures.waiting),
    ]
    waiting = t.gettext("Waiting between meetings (travel not counted)")
    assert [m.name for m in figures.waiting] == [waiting]
    assert rows_under(page, t.gettext("Meetings per participant")) == [
        (name, number(count)) for name, count in figures.per_participant
    ]
    for title, counts in (
        ("Meetings per theme", figures.per_theme),
        ("Meetings per type of host organization", figures.per_org_kind),
        ("Meetings per city and day", figures.per_city_day),
    ):
        assert rows_under(page, t.gettext(title)) == [
            (name, number(count)) for name, count in counts
        ]
    assert rows_under(page, t.gettext("Use of the programme time")) == [
        (name, t.format_percent(share)) for name, share in figures.slot_use
    ]
    # every chart is drawn, as an image of the core's SVG at its own address
    images = chart_images(page)
    assert len(images) >= 5
    assert all(src.startswith(f"/organize/{row.slug}/report/charts/") for src, _ in images)
    assert "data:" not in page


def meetings_of(row: Event, version: ScheduleVersion, person: str) -> list[str]:
    """Ids of the person's meetings (programme items left out) in the stored version."""
    event, schedule = event_record(row), schedule_record(version)
    return [
        item.id
        for item in timeline(event, schedule)
        if item.format is not core.MeetingFormat.PROGRAMME_ITEM and person in item.attendees
    ]


@pytest.mark.django_db
def test_outcomes_show_in_the_report_as_participants_record_them() -> None:
    row, version = published_demo()
    organizer = organizer_client()
    t = translator("fr")
    before = organizer.get(report_url(row), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert (t.gettext("Held"), t.gettext("not recorded yet")) in table_rows(before)
    assert f"<h2>{html.escape(t.gettext('Outcomes'))}</h2>" not in before
    sarah = Person.objects.get(event=row, email="s.lamrani@example.org")
    first, second = meetings_of(row, version, sarah.key)[:2]
    delegate = Client()
    delegate.force_login(get_user_model().objects.get(email=sarah.email))
    outcome = f"/me/{row.slug}/outcome/"
    held = {"assignment": first, "kind": "held", "follow_up": "partnership"}
    assert delegate.post(outcome, held).status_code == 302
    assert delegate.post(outcome, {"assignment": second, "kind": "no_show"}).status_code == 302
    after = organizer.get(report_url(row), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    figures = expected_figures(row, version, "fr")
    assert figures.held == 1
    assert (t.gettext("Held"), "1") in table_rows(after)
    assert rows_under(after, t.gettext("Outcomes")) == [
        (name, t.format_number(count)) for name, count in figures.outcomes
    ]
    assert sorted(rows_under(after, t.gettext("Outcomes"))) == sorted(
        [
            (labels.outcome_label(core.OutcomeKind.HELD, "fr"), "1"),
            (labels.outcome_label(core.OutcomeKind.NO_SHOW, "fr"), "1"),
            (t.gettext("not recorded yet"), t.format_number(figures.meetings - 2)),
        ]
    )
    assert (labels.follow_up_label(core.FollowUp.PARTNERSHIP, "fr"), "1") in rows_under(
        after, t.gettext("Follow-ups agreed")
    )


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_report_downloads_as_the_core_pdf(lang: str, tmp_path: Path) -> None:
    row, version = published_demo()
    client = organizer_client()
    page = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    link = f"/organize/{row.slug}/report.pdf?version={version.number}"
    assert f'href="{html.escape(link)}" id="report-pdf"' in page
    assert f'href="/organize/{row.slug}/communique/" id="communique"' in page
    response = client.get(link, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert f"{row.slug}-report-v1-{lang}.pdf" in response["Content-Disposition"]
    assert response.content.startswith(b"%PDF-")
    read = " ".join(pdf_text(response.content, tmp_path).split())
    t = translator(lang)
    figures = expected_figures(row, version, lang)
    if lang == "ar":  # Arabic comes out of pdftotext shaped and reordered: its digits read
        assert t.format_number(figures.requested) in read
        return
    for words in (
        t.gettext("Mission report"),
        t.gettext("Meetings per participant"),
        t.gettext("Requested (requests and candidate visits)")
        + f" {t.format_number(figures.requested)}",
        t.gettext("Scheduled") + f" {t.format_number(figures.meetings)}",
    ):
        assert words in read


@pytest.mark.django_db
def test_nothing_published_says_so_and_offers_the_drafts(
    event: Event, organizer_client: Client
) -> None:
    url = report_url(event)
    empty = organizer_client.get(url)
    assert empty.status_code == 200
    assert 'id="no-report"' in empty.content.decode()
    assert "Run the scheduler, then publish a version." in empty.content.decode()
    assert 'id="report-versions"' not in empty.content.decode()
    store_schedule(event, make_schedule(make_core_event()))
    page = organizer_client.get(url).content.decode()
    assert 'id="no-report"' in page
    assert "Publish a version, or read a draft&#39;s report below." in page
    assert 'id="report"' not in page
    assert f'href="{url}?version=1"' in page
    pdf = organizer_client.get(f"/organize/{event.slug}/report.pdf")
    assert (pdf.status_code, pdf["Content-Type"].split(";")[0]) == (404, "text/html")
    assert 'id="no-report"' in pdf.content.decode()
    draft = organizer_client.get(f"{url}?version=1").content.decode()
    assert 'id="draft-report"' in draft
    assert "<h1>Event report</h1>" in draft
    assert kpis(draft)[0] == "3"  # everyone at the tables takes part


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "status"),
    [("abc", 400), ("1.5", 400), ("-1", 400), ("7", 404), ("99999999999", 404), ("١", 200)],
)
def test_a_version_asked_by_number(
    query: str, status: int, event: Event, draft: ScheduleVersion, organizer_client: Client
) -> None:
    for path in ("report/", "report.pdf"):
        response = organizer_client.get(f"/organize/{event.slug}/{path}?version={query}")
        assert response.status_code == status
        if status != 200:
            assert 'id="no-report"' in response.content.decode()


ROLES = ("anonymous", "stranger", "amina", "chen", "host_admin", "other_organizer", "organizer")


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["report/", "report.pdf", "report/?version=1"])
def test_only_the_events_organizers_read_its_report(
    path: str,
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    host_admin: User,
    stranger: User,
    client_for: Callable[[User | None], Client],
) -> None:
    publish(draft, notify=False)
    other = store_event(make_core_event("another-b2b"))
    other_organizer = accounts.user_for_email("other.organizer@example.org")
    accounts.grant(other_organizer, other, Role.ORGANIZER)
    users = {
        "anonymous": None,
        "stranger": stranger,
        "amina": person_user("amina@example.org"),
        "chen": person_user("chen@example.org"),
        "host_admin": host_admin,
        "other_organizer": other_organizer,
        "organizer": organizer,
    }
    url = f"/organize/{event.slug}/{path}"
    seen = {role: client_for(users[role]).get(url) for role in ROLES}
    assert {role: r.status_code for role, r in seen.items()} == {
        role: 200 if role == "organizer" else 302 if role == "anonymous" else 403 for role in ROLES
    }
    assert seen["anonymous"]["Location"].startswith("/accounts/signin/?next=")


@pytest.mark.django_db
def test_overview_and_published_page_link_the_report(
    event: Event, draft: ScheduleVersion, organizer_client: Client
) -> None:
    publish(draft, notify=False)
    overview = organizer_client.get(f"/organize/{event.slug}/").content.decode()
    assert f'href="/organize/{event.slug}/report/"' in overview
    published = organizer_client.get(f"/organize/{event.slug}/versions/1/published/")
    assert f'href="/organize/{event.slug}/report/?version=1"' in published.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_page_is_light_its_charts_images_of_their_own(lang: str) -> None:
    """The demo's report page was 499 KB in English and 915 KB in Arabic, its five charts
    inlined as base64 ``data:`` addresses (1.36 MB for the brokerage example's 120
    participants); now 7 to 9 KB, each drawing an image at its own address, fetched in
    parallel and kept by the browser."""
    row, _version = published_demo()
    client = organizer_client()
    page = client.get(report_url(row), HTTP_ACCEPT_LANGUAGE=lang).content
    assert len(page) < 16_000
    t = translator(lang)
    titles = [
        t.gettext(title)
        for title in (
            "Meetings per participant",
            "Meetings per theme",
            "Meetings per type of host organization",
            "Meetings per city and day",
            "Use of the programme time",
        )
    ]
    images = chart_images(page.decode())
    assert [alt for _, alt in images] == titles  # each drawing keeps its text alternative
    for src, alt in images:
        response = client.get(src)
        assert response.status_code == 200, src
        assert response["Content-Type"] == "image/svg+xml"
        svg = response.content.decode()
        assert svg.startswith("<svg")
        assert f'aria-label="{html.escape(alt)}"' in svg
        digest = re.search(r"[?&]d=(\w+)", src)
        assert digest is not None
        assert f"lang={lang}" in src
        assert "version=1" in src
        assert response["ETag"] == f'"v1-{lang}-{digest[1]}"'
        assert response["Cache-Control"] == "private, max-age=31536000, immutable"
        again = client.get(src, HTTP_IF_NONE_MATCH=response["ETag"])
        assert (again.status_code, again.content) == (304, b"")
        # asked without its digest (or an older one): the same drawing, checked before use
        bare = client.get(src.split("&d=")[0])
        assert (bare.content, bare["ETag"]) == (response.content, response["ETag"])
        assert bare["Cache-Control"] == "private, no-cache"


@pytest.mark.django_db
def test_a_chart_answers_its_events_organizers_only(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    host_admin: User,
    stranger: User,
    client_for: Callable[[User | None], Client],
) -> None:
    chart = f"/organize/{event.slug}/report/charts/participants-1.svg"
    drafted = client_for(organizer).get(f"{chart}?version=1")
    assert (drafted.status_code, drafted["Content-Type"]) == (200, "image/svg+xml")
    nothing = client_for(organizer).get(chart)  # nothing published: no latest version
    assert nothing.status_code == 404
    publish(draft, notify=False)
    other = store_event(make_core_event("another-b2b"))
    other_organizer = accounts.user_for_email("other.organizer@example.org")
    accounts.grant(other_organizer, other, Role.ORGANIZER)
    users = {
        "anonymous": None,
        "stranger": stranger,
        "amina": person_user("amina@example.org"),
        "host_admin": host_admin,
        "other_organizer": other_organizer,
        "organizer": organizer,
    }
    seen = {role: client_for(user).get(chart) for role, user in users.items()}
    assert {role: r.status_code for role, r in seen.items()} == {
        role: 200 if role == "organizer" else 302 if role == "anonymous" else 403 for role in users
    }
    assert seen["organizer"]["Content-Type"] == "image/svg+xml"
    assert all(b"<svg" not in r.content for role, r in seen.items() if role != "organizer")
    other_event = f"/organize/{other.slug}/report/charts/participants-1.svg"
    assert client_for(organizer).get(other_event).status_code == 403
    for missing in ("nothing-1", "participants-9"):
        gone = client_for(organizer).get(f"/organize/{event.slug}/report/charts/{missing}.svg")
        assert gone.status_code == 404
        assert gone["Content-Type"] == "text/plain; charset=utf-8"
        assert f"no chart {missing}" in gone.content.decode()
    unknown = client_for(organizer).get(f"{chart}?version=7")
    assert (unknown.status_code, unknown.content.decode()) == (404, "This event has no version 7.")


BAR = tuple(int(COLOR[i : i + 2], 16) for i in (1, 3, 5))
"""The bars' colour (red, green, blue); the headings' bands have it too."""


def bar_pixels(pdf: bytes, folder: Path) -> int:
    """Pixels of the bars' colour on the pages of ``pdf`` drawn at 30 dpi (pdftoppm)."""
    path = folder / "drawn.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "30", "-png", str(path), str(folder / "page")], check=True)
    found = 0
    for png in sorted(folder.glob("page*.png")):
        with Image.open(png) as image:
            rgb = image.convert("RGB")
            for count, colour in rgb.getcolors(rgb.width * rgb.height) or []:
                if isinstance(colour, tuple) and all(
                    abs(c - b) <= 12 for c, b in zip(colour, BAR, strict=True)
                ):
                    found += count
        png.unlink()
    return found


@pytest.mark.django_db
def test_the_pdf_still_draws_the_charts(tmp_path: Path) -> None:
    """The PDF keeps its charts inside (``data:`` addresses): its pages hold many more
    pixels of the bars' colour than the same report printed without the drawings (the
    same headings and tables; about 26,000 more at 30 dpi for the demo's five charts)."""
    row, version = published_demo()
    pdf = organizer_client().get(f"/organize/{row.slug}/report.pdf", HTTP_ACCEPT_LANGUAGE="en")
    assert pdf.status_code == 200
    context = report_context(event_record(row), schedule_record(version), "en")
    drawn = context["charts"]
    assert isinstance(drawn, list)
    assert len(drawn) == 5
    context["charts"] = [replace(chart, svgs=()) for chart in drawn]
    bare = html_to_pdf(render("report.html", "en", inline_css="", for_pdf=True, **context))
    assert bar_pixels(pdf.content, tmp_path) > bar_pixels(bare, tmp_path) + 5 * 2_000
