"""A whole mission in the browser, as a new user would run it.

The organizer imports the demo, runs the scheduler, watches the run (bound and gap), pins
a visit, re-optimizes around it, publishes, then watches a long run live on a task worker
and cancels it with the button; a delegate signs in by magic link, switches to
Arabic, accepts a request and downloads the .ics; a host confirms who attends.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django_tasks_db.management.commands.db_worker import Worker

from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.agendas.models import HostConfirmation
from liqa.web.events.models import Event, MeetingRequest, Person
from liqa.web.events.requests import propose
from liqa.web.scheduling.models import Run, ScheduleVersion

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

DEMO = Path(__file__).resolve().parents[3] / "examples" / "morocco-us-digital-2024" / "mission.yaml"
SLUG = "morocco-us-digital-2024"
DATABASE_TASKS = "django_tasks_db.DatabaseBackend"


def _magic_link_sign_in(page: Any, base: str, email: str, next_path: str) -> None:
    page.goto(base + next_path)  # anonymous: sent to the sign-in page, keeping the target
    page.fill("#email", email)
    page.click("form.card button[type=submit]")
    page.wait_for_selector("[role=status]")
    link = re.search(r"https?://[^/\s]+(/accounts/link/[^/\s]+/)", str(mail.outbox[-1].body))
    assert link is not None
    page.goto(base + link.group(1))
    page.click("#confirm-sign-in")
    page.wait_for_url(base + next_path)


def _watch_then_cancel_a_long_run(page: Any, base: str, settings: Any) -> None:
    """A two-minute run on a real task worker: its value shows live, Cancel stops it."""
    immediate, settings.TASKS = settings.TASKS, {"default": {"BACKEND": DATABASE_TASKS}}
    settings.LIQA_SCHEDULER_SECONDS = 120.0
    worker = Worker(
        queue_names=["default"],
        interval=0.2,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=1,
        worker_id="e2e",
        excluded_queue_names=[],
    )
    thread = threading.Thread(target=_work, args=(worker,))
    thread.start()
    try:
        page.goto(base + f"/organize/{SLUG}/")
        page.click("#run-scheduler")
        page.wait_for_selector("#run-state:text('running')")
        page.wait_for_selector("#run-objective:text('value')")  # the best value, live
        page.click("#cancel-run")
        page.wait_for_selector("#run-state:text('cancelled')")
        page.wait_for_selector("#run-again")  # the finished page, reloaded
    finally:
        worker.running = False
        thread.join(timeout=30)
    settings.TASKS = immediate
    assert not thread.is_alive()
    assert page.inner_text("#run-message") == "cancelled by the organizer"
    assert page.locator("#run-again").count() == 1
    assert ScheduleVersion.objects.filter(event__slug=SLUG).count() == 2  # kept nothing


def _work(worker: Worker) -> None:
    try:
        worker.run()
    finally:
        connection.close()


def test_whole_mission_in_the_browser(
    live_server: Any, browser: Any, shots: Path | None, settings: Any
) -> None:
    settings.LIQA_SCHEDULER_SECONDS = 2.0
    settings.BASE_URL = live_server.url
    base = live_server.url
    User.objects.create_user("org", "org@example.org", "organizer-pass-1", is_staff=True)

    # --- organizer: sign in with a password, import, run, pin, re-optimize, publish
    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    page = desk.new_page()
    page.goto(base + "/accounts/signin/password/?next=/events/import/")
    page.fill("#username", "org@example.org")
    page.fill("#password", "organizer-pass-1")
    page.click("form.card button[type=submit]")
    page.wait_for_url(base + "/events/import/")
    page.set_input_files("#mission", str(DEMO))
    page.click("form.card button[type=submit]")
    page.wait_for_url(base + f"/organize/{SLUG}/?imported=mission.yaml")
    assert "mission.yaml" in page.inner_text("#imported")
    people = Person.objects.filter(event__slug=SLUG).count()
    assert page.inner_text("#count-people") == str(people)

    page.click("#run-scheduler")
    page.wait_for_selector("#run-state:text('done')")
    assert page.eval_on_selector("#run-progress", "e => e.value") == 1
    done = Run.objects.get(event__slug=SLUG)
    assert done.bound is not None
    assert done.gap is not None
    shown = page.inner_text("#run-proof")  # the bound on the visits' value, and the gap
    said = re.search(r"at most ([\d,]+(?:\.\d)?)", shown)  # one decimal, rounded up
    assert said is not None, shown
    assert 0 <= float(said.group(1).replace(",", "")) - done.bound < 0.1 + 1e-9
    assert f"gap {done.gap:.1%}" in shown
    page.click("#run-result a")
    page.wait_for_url(base + f"/organize/{SLUG}/versions/1/")
    pin = page.locator("button[data-pin^='vis-']").first
    visit = pin.get_attribute("data-pin")
    pin.click()
    page.wait_for_selector(f"button[data-pin='{visit}']:text('Unpin')")
    if shots is not None:
        page.screenshot(path=str(shots / "organizer-grid.png"))

    page.click("#reoptimize")
    page.wait_for_selector("#run-state:text('done')")
    page.click("#run-result a")
    page.wait_for_url(base + f"/organize/{SLUG}/versions/2/")
    assert page.locator(f"button[data-pin='{visit}']").first.inner_text() == "Unpin"
    v1 = ScheduleVersion.objects.get(event__slug=SLUG, number=1).assignments.get(key=visit)
    v2 = ScheduleVersion.objects.get(event__slug=SLUG, number=2).assignments.get(key=visit)
    assert (v2.pinned, v2.start) == (True, v1.start)
    page.click("#publish")
    page.click("#confirm-publish")  # the page that says who will be e-mailed
    page.wait_for_url(base + f"/organize/{SLUG}/versions/2/published/")  # Post/Redirect/Get
    page.wait_for_selector("#affected-count")
    _watch_then_cancel_a_long_run(page, base, settings)

    # --- a host proposes a meeting to the delegate's ministry (through the core workflow)
    event = Event.objects.get(slug=SLUG)
    # (not h-hou-egov: the ministry's accepted visit there, r-01, makes it one meeting already)
    host_person = Person.objects.filter(event=event, organization="h-tx-cyber").first()
    assert host_person is not None
    proposal = propose(event, host_person.key, "MTNRA", "Follow-up on the portal")

    # --- delegate on a phone: magic link, Arabic, accept the request, .ics
    phone = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    mobile = phone.new_page()
    _magic_link_sign_in(mobile, base, "s.lamrani@example.org", f"/me/{SLUG}/")
    mobile.click("button[value=ar]")
    mobile.wait_for_selector("html[dir=rtl]")
    assert mobile.get_attribute("html", "lang") == "ar"
    if shots is not None:
        mobile.screenshot(path=str(shots / "participant-agenda-ar.png"))
    with mobile.expect_download() as download:
        mobile.click("#download-ics")
    ics = Path(download.value.path()).read_text(encoding="utf-8")
    assert (ics.startswith("BEGIN:VCALENDAR"), ics.count("BEGIN:VEVENT") > 0) == (True, True)
    mobile.click("#my-requests")
    mobile.click(f"li[data-id='{proposal.request.id}'] button[value=accept]")
    mobile.wait_for_selector(f"li[data-id='{proposal.request.id}'] .status-accepted")
    assert MeetingRequest.objects.get(event=event, key=proposal.request.id).status == "accepted"

    # --- host administrator confirms who attends the pinned visit
    host_org = ScheduleVersion.objects.get(event=event, number=2).assignments.get(key=visit)
    organization = host_org.parties[0]
    staff = Person.objects.filter(event=event, organization=organization).first()
    assert staff is not None
    admin = accounts.user_for_email(f"admin@{organization}.example")
    accounts.grant(admin, event, Role.HOST_ADMIN, organization=organization)
    host = browser.new_context(viewport={"width": 1024, "height": 800}).new_page()
    _magic_link_sign_in(host, base, admin.email, f"/host/{SLUG}/")
    entry = host.locator(f"li[data-id='{visit}']")
    entry.locator(f"input[value='{staff.key}']").check()
    entry.locator("button[type=submit]").click()
    host.wait_for_selector(f"li[data-id='{visit}'] .confirmed")
    confirmed = HostConfirmation.objects.get(event=event, assignment=visit)
    assert confirmed.attendees == [staff.key]

    # --- the public page, in Arabic
    public = phone.new_page()
    public.goto(base + f"/events/{SLUG}/")
    assert public.get_attribute("html", "dir") == "rtl"
    if shots is not None:
        public.screenshot(path=str(shots / "public-page-ar.png"))
    for context in (desk, phone, host.context):
        context.close()  # ends the browser's keep-alive connections (and their server threads)
