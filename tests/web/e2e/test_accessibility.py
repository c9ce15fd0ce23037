"""WCAG 2.1 A and AA, checked by axe-core in Debian's Chromium on the pages people use.

axe-core 4.12.1 (bundled by ``axe-playwright-python``: nothing is downloaded) audits each
page as it is drawn, after its styles, in Arabic (right to left), French and English on a
390 × 844 phone, and the organizer's grid on a 1280 × 800 screen too: the public event
page, sign-in, a participant's agenda, requests (with bookings) and profile, a host's page,
the organizer's overview, grid, run, published version, history, outputs, follow-ups, move
refused (conflicts), import, spreadsheets and an edit form. Every violation, of any impact,
fails the test, listed as page, language, rule, impact and the elements it names.

Run: ``uv run pytest tests/web/e2e/test_accessibility.py -m e2e -q``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import Browser, BrowserContext, FilePayload, Page

from liqa.core import model as core
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.models import Event
from liqa.web.events.records import event_record
from liqa.web.scheduling import exports
from liqa.web.scheduling.models import Run, ScheduleVersion
from tests.web.e2e.phone import IPHONE, ORGANIZER, Phone, published_example, signed_in

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DESKTOP = Phone(1280, 800)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
AXE = Axe()


@dataclass(frozen=True)
class Violation:
    """One rule broken on one page in one language, with the elements that break it."""

    page: str
    lang: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        shown = ", ".join(self.targets[:4]) + (" …" if len(self.targets) > 4 else "")
        return (
            f"{self.page} [{self.lang}] {self.rule} ({self.impact}): {self.help}"
            f" — {len(self.targets)} element(s): {shown}"
        )


def audit(page: Page, name: str, lang: str) -> list[Violation]:
    """The WCAG 2.1 A/AA violations axe-core finds on ``page`` as it is now, every
    ``<details>`` opened first (axe skips what is hidden: the grid's move forms, ...)."""
    page.wait_for_load_state("load")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.evaluate("new Promise(done => requestAnimationFrame(() => setTimeout(done, 0)))")
    results = AXE.run(page, options=OPTIONS).response
    return [
        Violation(
            name,
            lang,
            v["id"],
            v.get("impact") or "",
            v["help"],
            tuple(" ".join(map(str, node["target"])) for node in v["nodes"]),
        )
        for v in results["violations"]
    ]


def visit(
    context: BrowserContext, base: str, path: str, name: str, lang: str, status: int = 200
) -> list[Violation]:
    """Open ``path`` in a new page of ``context`` and audit it (it must answer ``status``:
    an error page instead would hide the page's own faults)."""
    page = context.new_page()
    response = page.goto(base + path)
    assert response is not None
    assert response.status == status, f"{name} [{lang}] {path}: HTTP {response.status}"
    found = audit(page, name, lang)
    page.close()
    return found


def anonymous(browser: Browser, base: str, lang: str, phone: Phone = IPHONE) -> BrowserContext:
    """A phone context, signed in as no one, reading ``lang``."""
    context = browser.new_context(
        viewport={"width": phone.width, "height": phone.height}, is_mobile=True, has_touch=True
    )
    context.add_cookies([{"name": "django_language", "value": lang, "url": base}])
    return context


def desktop(browser: Browser, base: str, user: User | str, lang: str) -> BrowserContext:
    """A 1280 × 800 desktop context (no touch) signed in as ``user``, reading ``lang``."""
    phone = signed_in(browser, base, user, lang, IPHONE)
    cookies = phone.cookies()
    phone.close()
    context = browser.new_context(viewport={"width": DESKTOP.width, "height": DESKTOP.height})
    context.add_cookies(cookies)  # type: ignore[arg-type]
    return context


def participant_email(event: Event, side: core.Side) -> str:
    """The e-mail of the first person with one of an organization on ``side``."""
    record = event_record(event)
    sides = {o.id: o.side for o in record.organizations}
    return next(p.email for p in record.people if p.email and sides[p.organization] == side)


def host_admin(event: Event) -> str:
    """The e-mail of a host organization's person, made that host's administrator."""
    email = participant_email(event, core.Side.HOST)
    record = event_record(event)
    person = next(p for p in record.people if p.email == email)
    user = accounts.user_for_email(email)
    accounts.grant(user, event, Role.HOST_ADMIN, organization=person.organization)
    return email


def refused_move(context: BrowserContext, base: str, event: Event, lang: str) -> list[Violation]:
    """The draft's grid, a move onto a taken slot and table (the conflicts page) and a move
    to a slot that is not one of the version's (refused), each page audited."""
    page = context.new_page()
    page.goto(f"{base}/organize/{event.slug}/versions/1/")
    form = page.locator(".meeting[data-key='r-2'] details.move").first
    form.locator("summary").click()
    form.locator("select[name=slot]").select_option("0")
    form.locator("input[name=table]").fill("1")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/move/$"))
    found = audit(page, "conflicts", lang)
    # a slot that is not one of the version's: refused with a reason
    page.goto(f"{base}/organize/{event.slug}/versions/1/")
    form = page.locator(".meeting[data-key='r-2'] details.move").first
    form.locator("summary").click()
    form.locator("select[name=slot]").evaluate("s => { s.options[0].value = 'none'; }")
    form.locator("select[name=slot]").select_option("none")
    form.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/move/$"))
    found += audit(page, "move refused", lang)
    page.close()
    return found


def problems(
    context: BrowserContext,
    base: str,
    path: str,
    field: str,
    name: str,
    lang: str,
    upload: tuple[str, bytes],
) -> list[Violation]:
    """The page at ``path`` after uploading ``upload`` (a file name and its bytes) that it
    refuses, its table of problems shown."""
    page = context.new_page()
    page.goto(base + path)
    filename, content = upload
    payload: FilePayload = {"name": filename, "mimeType": "text/plain", "buffer": content}
    page.set_input_files(field, files=payload)
    with page.expect_response(lambda r: r.request.method == "POST") as answer:
        page.locator("form.card button[type=submit]").last.click()
    assert answer.value.status == 400, f"{name} [{lang}]: HTTP {answer.value.status}"
    assert page.locator(".problems table").count() == 1
    found = audit(page, name, lang)
    page.close()
    return found


def all_pages(
    browser: Browser,
    base: str,
    lang: str,
    mission: tuple[Event, Run],
    brokerage: tuple[Event, ScheduleVersion, User],
) -> list[Violation]:
    """Every audited page of the published brokerage day and the small draft event."""
    event, run = mission
    assert run.result is not None
    number = run.result.number
    slug = event.slug
    found: list[Violation] = []

    context = anonymous(browser, base, lang)
    found += visit(context, base, f"/events/{slug}/", "public", lang)
    found += visit(context, base, "/accounts/signin/", "sign-in", lang)
    found += visit(context, base, "/accounts/signin/password/", "password sign-in", lang)
    found += visit(context, base, "/accounts/link/expired/", "expired link", lang, status=410)
    found += visit(context, base, "/events/no-such-event/", "not found", lang, status=404)
    context.close()

    context = signed_in(browser, base, participant_email(event, core.Side.DELEGATION), lang)
    for path, name in [("", "agenda"), ("requests/", "requests"), ("profile/", "profile")]:
        found += visit(context, base, f"/me/{slug}/{path}", name, lang)
    context.close()

    context = signed_in(browser, base, host_admin(event), lang)
    found += visit(context, base, f"/host/{slug}/", "host", lang)
    context.close()

    context = signed_in(browser, base, ORGANIZER, lang)
    organizer_pages = [
        ("/", "home"),
        (f"/organize/{slug}/", "overview"),
        (f"/organize/{slug}/versions/{number}/", "grid"),
        (f"/organize/{slug}/versions/{number}/?by=hosts", "grid by hosts"),
        (f"/organize/{slug}/runs/{run.pk}/", "run"),
        (f"/organize/{slug}/versions/{number}/published/", "published"),
        (f"/organize/{slug}/history/", "history"),
        (f"/organize/{slug}/follow-ups/", "follow-ups"),
        (f"/organize/{slug}/communique/", "communique"),
        (f"/events/{slug}/spreadsheets/", "spreadsheets"),
        (f"/events/{slug}/edit/", "edit index"),
        (f"/events/{slug}/edit/people/p-mehdi-bekkali/", "edit form"),
    ]
    for path, name in organizer_pages:
        found += visit(context, base, path, name, lang)
    sheet = ("people.csv", b"name,organization\nNobody,no-such-organization\n")
    found += problems(
        context,
        base,
        f"/events/{slug}/spreadsheets/",
        "#sheets",
        "spreadsheets refused",
        lang,
        sheet,
    )
    outputs = f"/organize/{slug}/versions/{number}/outputs.zip"  # 202: being built
    found += visit(context, base, outputs, "outputs", lang, status=202)
    context.close()

    context = desktop(browser, base, ORGANIZER, lang)
    found += visit(context, base, f"/organize/{slug}/versions/{number}/", "grid (desktop)", lang)
    context.close()

    small, _draft, organizer = brokerage
    context = signed_in(browser, base, "amina@example.org", lang)  # accepted, not booked
    found += visit(context, base, f"/me/{small.slug}/requests/", "requests to book", lang)
    context.close()

    context = signed_in(browser, base, organizer, lang)  # staff: may import an event
    page = context.new_page()
    page.goto(f"{base}/organize/{small.slug}/")
    page.locator("#invite").click()
    page.wait_for_url(re.compile(r"/invite/$"))
    found += audit(page, "invited", lang)
    page.close()
    found += visit(context, base, "/events/import/", "import", lang)
    bad = ("mission.yaml", b"id: broken\nkind: nothing\n")
    found += problems(context, base, "/events/import/", "#mission", "import refused", lang, bad)
    found += refused_move(context, base, small, lang)
    context.close()
    return found


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_pages_meet_wcag_21_aa(
    lang: str,
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    live_server: Any,
    chromium: Any,
) -> None:
    mission = published_example("brokerage-day", time_limit=2.0)
    version = mission[1].result
    assert version is not None
    # the outputs page while its zip is being built (once built, the address downloads it)
    state = exports.outputs_state(version)
    state.path.parent.mkdir(parents=True, exist_ok=True)
    state.path.with_suffix(".building").touch()

    found = all_pages(chromium, live_server.url, lang, mission, (event, draft, organizer))
    report = "\n".join(str(v) for v in found)
    assert found == [], f"{len(found)} WCAG 2.1 A/AA violation(s):\n{report}"


def test_outputs_page_downloads_when_ready_without_reloading(
    event: Event, draft: ScheduleVersion, organizer: User, live_server: Any, chromium: Any
) -> None:
    """The outputs page asks whether the zip is ready instead of reloading itself every
    5 s (axe's meta-refresh, WCAG 2.2.1): it stays the same page, then downloads the zip."""
    state = exports.outputs_state(draft)
    state.path.parent.mkdir(parents=True, exist_ok=True)
    marker = state.path.with_suffix(".building")
    marker.touch()
    context = signed_in(chromium, live_server.url, organizer, "en")
    page = context.new_page()
    loads: list[str] = []
    page.on("load", lambda p: loads.append(p.url))
    page.goto(f"{live_server.url}/organize/{event.slug}/versions/{draft.number}/outputs.zip")
    page.wait_for_timeout(7000)  # more than the 5 s the page reloaded itself after
    reloaded = len(loads)
    state.path.write_bytes(b"PK\x05\x06" + bytes(18))  # an empty zip: the outputs are ready
    marker.unlink()
    with page.expect_download(timeout=15000) as download:
        pass
    name = download.value.suggested_filename
    context.close()
    assert reloaded == 1
    assert name == f"{event.slug}-v{draft.number}.zip"


def test_mission_pages_meet_wcag_21_aa(live_server: Any, chromium: Any) -> None:
    """The demo trade mission (an itinerary of visits across two cities): its public page,
    a delegate's agenda, requests and profile, a host's page, the organizer's overview,
    grid, edit index, a visit's edit form and the communiqué, in ar, fr and en."""
    event, run = published_example("morocco-us-digital-2024", time_limit=5.0)
    assert run.result is not None
    host = accounts.user_for_email("host@hou-egov.example")
    accounts.grant(host, event, Role.HOST_ADMIN, organization="h-hou-egov")
    base, slug, number = live_server.url, event.slug, run.result.number
    delegate = participant_email(event, core.Side.DELEGATION)
    found: list[Violation] = []
    for lang in ["ar", "fr", "en"]:
        context = anonymous(chromium, base, lang)
        found += visit(context, base, f"/events/{slug}/", "mission public", lang)
        context.close()
        context = signed_in(chromium, base, delegate, lang)
        for path, name in [("", "agenda"), ("requests/", "requests"), ("profile/", "profile")]:
            found += visit(context, base, f"/me/{slug}/{path}", f"mission {name}", lang)
        context.close()
        context = signed_in(chromium, base, "host@hou-egov.example", lang)
        found += visit(context, base, f"/host/{slug}/", "mission host", lang)
        context.close()
        context = signed_in(chromium, base, ORGANIZER, lang)
        for path, name in [
            (f"/organize/{slug}/", "overview"),
            (f"/organize/{slug}/versions/{number}/", "grid"),
            (f"/organize/{slug}/communique/", "communique"),
            (f"/events/{slug}/edit/", "edit index"),
            (f"/events/{slug}/edit/visits/vis-hou-egov/", "visit edit form"),
        ]:
            found += visit(context, base, path, f"mission {name}", lang)
        context.close()
    report = "\n".join(str(v) for v in found)
    assert found == [], f"{len(found)} WCAG 2.1 A/AA violation(s):\n{report}"
