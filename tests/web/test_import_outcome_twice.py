"""A mission file giving one meeting two outcomes is refused on the import page with the
problem naming both entries, and the outcomes stored before are kept (it was accepted up to
the database's one-outcome-per-meeting constraint, which failed the import with an error)."""

from __future__ import annotations

import json
from collections.abc import Callable

from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from liqa.core.missionfile.writing import event_to_data
from liqa.web.events import models as rows
from tests.web.factories import make_core_event


def test_a_file_with_two_outcomes_for_a_meeting_is_refused_and_keeps_the_stored_ones(
    event: rows.Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    rows.Outcome.objects.create(event=event, assignment="r-1", kind="held", follow_up="mou")
    data = event_to_data(make_core_event())
    data["outcomes"] = [
        {"assignment": "r-2", "kind": "held"},
        {"assignment": "r-1", "kind": "no_show"},
        {"assignment": "r-2", "kind": "no_show"},
    ]
    text = json.dumps(data, ensure_ascii=False).encode()
    upload = SimpleUploadedFile("mission.json", text, content_type="application/json")
    response = client_for(organizer).post(
        "/events/import/", {"mission": upload, "replace": "on"}, HTTP_ACCEPT_LANGUAGE="en"
    )
    page = response.content.decode()
    assert response.status_code == 400, page
    assert "<code>outcomes[2].assignment</code>" in page
    assert "two outcomes for &#39;r-2&#39;: outcomes[0] and outcomes[2]" in page
    assert "keep one of the two entries and delete the other" in page
    stored = rows.Outcome.objects.filter(event__slug=event.slug)
    assert [(o.assignment, o.kind, o.follow_up) for o in stored] == [("r-1", "held", "mou")]
