"""A host's contact on a phone: named by the organizer, two taps from the e-mail to the
host page; without the role, a page in their language saying whom to ask. Both pages meet
WCAG 2.1 A/AA (axe-core) in Arabic, French and English.

Run: ``uv run pytest tests/web/e2e/test_host_contact_phone.py -m e2e -q``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail

from liqa.web.accounts.models import Membership, Role
from liqa.web.events.models import Event
from tests.web.e2e.phone import signed_in
from tests.web.e2e.test_accessibility import Violation, anonymous, visit

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_the_named_host_contact_reaches_the_host_page_in_two_taps(
    event: Event, organizer: User, live_server: Any, chromium: Any
) -> None:
    base, slug = live_server.url, event.slug
    context = signed_in(chromium, base, organizer, "fr")
    page = context.new_page()
    page.goto(f"{base}/organize/{slug}/hosts/")
    card = page.locator("#host-o-beta")
    card.locator("select[name=person]").select_option("p-bruno")
    card.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"\?changed=o-beta"))
    context.close()
    assert Membership.objects.filter(event=event, role=Role.HOST_ADMIN).count() == 1
    assert [m.to for m in mail.outbox] == [["bruno@example.org"]]
    found = re.search(r"http://testserver(/accounts/link/[^/\s]+/)", str(mail.outbox[0].body))
    assert found is not None
    phone = anonymous(chromium, base, "fr")
    page = phone.new_page()
    page.goto(base + found.group(1))  # tap 1: the e-mail's link
    page.locator("#confirm-sign-in").click()  # tap 2: sign in
    page.wait_for_url(f"{base}/host/{slug}/")
    assert page.locator("#host-settings").is_visible()
    assert page.locator("#host-refused").count() == 0
    phone.close()


@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_refusal_and_the_organizers_page_meet_wcag_21_aa(
    event: Event, organizer: User, live_server: Any, chromium: Any, lang: str
) -> None:
    base, slug = live_server.url, event.slug
    found: list[Violation] = []
    context = signed_in(chromium, base, "bruno@example.org", lang)
    found += visit(context, base, f"/host/{slug}/", "host refused", lang, status=403)
    context.close()
    context = signed_in(chromium, base, organizer, lang)
    found += visit(context, base, f"/organize/{slug}/hosts/", "host administrators", lang)
    context.close()
    report = "\n".join(str(v) for v in found)
    assert found == [], f"{len(found)} WCAG 2.1 A/AA violation(s):\n{report}"
