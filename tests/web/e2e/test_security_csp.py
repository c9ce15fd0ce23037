"""Pages work under the content security policy: a real browser reports no violation.

Headless Debian Chromium (``uv run pytest tests/web -m e2e``, the session browser of
``tests/web/e2e/conftest.py``); every page a user of each
role sees, plus Django's admin, is opened and the browser's ``securitypolicyviolation``
events are collected (the run page's script also polls the server while it is open).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event, Person
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

LISTEN = """
window.__csp = [];
document.addEventListener("securitypolicyviolation",
  e => window.__csp.push(e.violatedDirective + " " + (e.blockedURI || "inline")));
"""


def _violations(chromium: Any, base: str, user: User | None, paths: list[str]) -> list[str]:
    context = chromium.new_context()
    if user is not None:
        client = Client()
        client.force_login(user)
        context.add_cookies(
            [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
        )
    context.add_init_script(LISTEN)
    page = context.new_page()
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if "Security Policy" in m.text else None)
    found = []
    for path in paths:
        response = page.goto(base + path)
        assert response is not None
        assert response.status == 200, path
        page.wait_for_timeout(1500 if "/runs/" in path else 200)
        found += [f"{path}: {v}" for v in page.evaluate("window.__csp")]
    context.close()
    return found + console


def test_no_page_breaks_the_content_security_policy(
    event: Event,
    draft: ScheduleVersion,
    host_admin: User,
    live_server: Any,
    chromium: Any,
) -> None:
    publish(draft, notify=False)
    slug, base = event.slug, live_server.url
    run = Run.objects.create(event=event, state=RunState.RUNNING, time_limit=600)
    root = User.objects.create_superuser("root", "root@example.org", "root-pass-1")
    person = Person.objects.filter(event=event).first()
    assert person is not None
    found = _violations(
        chromium, base, None, ["/", "/accounts/signin/", f"/events/{slug}/", "/admin/login/"]
    )
    found += _violations(
        chromium,
        base,
        root,
        [
            f"/organize/{slug}/",
            f"/organize/{slug}/runs/{run.pk}/",
            f"/organize/{slug}/versions/1/",
            f"/organize/{slug}/communique/",
            f"/events/{slug}/edit/",
            "/admin/",
            "/admin/events/person/",
            f"/admin/events/person/{person.pk}/change/",
        ],
    )
    found += _violations(
        chromium,
        base,
        person_user("amina@example.org"),
        [f"/me/{slug}/", f"/me/{slug}/requests/", f"/me/{slug}/profile/"],
    )
    found += _violations(chromium, base, host_admin, [f"/host/{slug}/"])
    assert found == []


def test_an_injected_inline_script_is_blocked_and_reported(live_server: Any, chromium: Any) -> None:
    """The check above can fail: the policy blocks inline code and the listener sees it."""
    context = chromium.new_context()
    context.add_init_script(LISTEN)
    page = context.new_page()
    page.goto(live_server.url + "/")
    page.evaluate(
        "document.body.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.__ran = true'}))"
    )
    page.wait_for_timeout(200)
    seen = (page.evaluate("window.__ran === true"), page.evaluate("window.__csp"))
    context.close()
    assert seen == (False, ["script-src-elem inline"])
