"""The host page names the host's venue as the reader reads it (the core's
``labels.venue_name``: Arabic or French name when given); it printed the venue's English
``name`` whatever the language."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.events.models import Event, Venue


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Conference Hall"), ("fr", "Salle des conférences"), ("ar", "قاعة المؤتمرات")],
)
def test_the_host_page_names_its_venue_in_the_readers_language(
    host_admin: User, event: Event, client_for: Callable[..., Client], lang: str, expected: str
) -> None:
    Venue.objects.filter(event=event, key="v-hall").update(
        name="Conference Hall", name_fr="Salle des conférences", name_ar="قاعة المؤتمرات"
    )
    client = client_for(host_admin)
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    page = client.get(f"/host/{event.slug}/").content.decode()
    section = page.split("</h2><p>", 1)[1].split("<br>", 1)[0]
    assert re.sub(r"\s+", " ", section).strip() == expected
