"""The organizer's overview counts the event's requests by status with the number in the
phrase, in the reader's plural form: "18 acceptées", "1 refusée" (QA walk in French: it
read the singular label beside the number, "acceptée 18")."""

from __future__ import annotations

import re

import pytest

from liqa.core.i18n import translator
from liqa.web.accounts import services as accounts
from liqa.web.accounts.models import Role
from liqa.web.events.services import import_mission_file
from tests.web.factories import DEMO
from tests.web.test_report_page import ORGANIZER, organizer_client

STATUSES = {"proposed": 5, "accepted": 18, "declined": 1}
"""The demo mission's requests by status."""


def status_tags(page: str) -> dict[str, str]:
    """The overview's requests by status: each tag's words, by its status."""
    found = re.findall(r'<span class="tag" data-status="(\w+)">(.*?)</span>', page)
    return {status: " ".join(words.split()) for status, words in found}


@pytest.mark.django_db
@pytest.mark.parametrize("lang", ["ar", "fr", "en"])
def test_the_overview_counts_requests_with_the_number_in_the_phrase(lang: str) -> None:
    row = import_mission_file(DEMO.read_bytes(), "mission.yaml")
    accounts.grant(accounts.user_for_email(ORGANIZER), row, Role.ORGANIZER)
    page = organizer_client().get(f"/organize/{row.slug}/", HTTP_ACCEPT_LANGUAGE=lang)
    assert page.status_code == 200
    t = translator(lang)
    expected = {
        status: t.npgettext("requests by status", f"%(num)d {status}", f"%(num)d {status}", n)
        % {"num": n}
        for status, n in STATUSES.items()
    }
    assert status_tags(page.content.decode()) == expected
    if lang != "ar":  # the number first, as one says it ('18 acceptées'), never last
        for status, n in STATUSES.items():
            assert expected[status].startswith(f"{n} ")
