"""Defects an organizer met going through a mission end to end in a desktop browser (H6).

Each test fails on the pages as they were before the fix.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from liqa.core.missionfile.writing import dumps_event
from liqa.web.events.models import Event, Outcome, Person
from liqa.web.scheduling import exports
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from tests.web.factories import make_core_event
from tests.web.spreadsheet_steps import tables, upload, without_rows


def test_publish_asks_first_and_says_who_will_be_e_mailed(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """The grid's "Publish this version" published at once and e-mailed every participant
    whose agenda changed, with no word of how many: one click, no way back. It now leads
    to a page that says what publishing does; only its button publishes."""
    client = client_for(organizer)
    grid = client.get(f"/organize/{event.slug}/versions/1/").content.decode()
    link = re.search(r'<a href="([^"]+)" class="button" id="publish">', grid)
    assert link is not None, "the grid's Publish leads to the confirmation page"
    answer = client.get(link.group(1))
    assert answer.status_code == 200
    html = answer.content.decode()
    assert not ScheduleVersion.objects.get(pk=draft.pk).published
    assert "Publish version 1?" in html
    assert re.search(r"\d+ participants' agendas change\.", html)
    assert "will be e-mailed their changes." in html
    assert 'id="confirm-publish"' in html
    assert 'id="back-to-grid"' in html

    published = client.post(link.group(1))
    assert published.status_code == 302
    assert ScheduleVersion.objects.get(pk=draft.pk).published
    # once published, the question is answered: the published page instead
    again = client.get(link.group(1))
    assert again.status_code == 302
    assert again["Location"].endswith("/versions/1/published/")


def test_the_communique_page_says_when_it_is_already_public(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Back on the communiqué page after publishing it, nothing told the organizer that its
    texts were already on the public page: the page still said "Drafted from the published
    schedule; edit it, then publish it" and offered "Publish on the public page"."""
    client = client_for(organizer)
    url = f"/organize/{event.slug}/communique/"
    before = client.get(url).content.decode()
    assert "Publish on the public page" in before
    assert "on the public page now" not in before
    event.communique = {"en": "The mission was held."}
    event.save(update_fields=["communique"])
    html = client.get(url).content.decode()
    status = re.search(r'<p id="communique-status">(.*?)</p>', html, re.S)
    assert status is not None
    assert "These texts are on the public page now; publishing again replaces them." in status[1]
    assert f'href="/events/{event.slug}/#communique"' in status[1]
    assert ">Update the public page</button>" in html
    assert "Drafted from the published schedule" not in html


def test_a_refused_move_says_which_move_and_that_nothing_changed(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """A refused move's page listed the rules broken without naming the move asked for
    nor saying whether anything had changed: the organizer had to guess from the rules."""
    client = client_for(organizer)
    url = f"/organize/{event.slug}/versions/1/move/"
    clash = client.post(url, {"key": "r-2", "slot": "0", "table": "1"})
    assert clash.status_code == 409
    asked = re.search(r'<p id="asked">(.*?)</p>', clash.content.decode(), re.S)
    assert asked is not None
    assert "You asked to move" in asked[1]
    assert "Amina Idrissi – Chen Li" in asked[1]
    assert "9:00" in asked[1]
    assert "table 1. Nothing was changed:" in asked[1]


def test_outputs_that_failed_say_so_in_words_not_a_python_error(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """When building the outputs zip failed, the page's message was "Preparing the outputs
    failed:" followed by the Python exception ("KeyError: 'v-hall'"), all the organizer
    had to go on. It now says what to do; the exception is tucked away for the admin."""
    failed = exports.OutputsState(tmp_path / "v1.zip", failed="KeyError: 'v-hall'")
    monkeypatch.setattr(exports, "request_outputs", lambda version, retry=False: failed)
    answer = client_for(organizer).get(f"/organize/{event.slug}/versions/1/outputs.zip")
    assert answer.status_code == 500
    html = answer.content.decode()
    alert = re.search(r'<p class="error" role="alert" id="outputs-failed">(.*?)</p>', html, re.S)
    assert alert is not None
    assert "KeyError" not in alert[1]
    assert "Try again; if it fails again, tell the server's administrator" in alert[1]
    details = re.search(r'<details id="outputs-failure">(.*?)</details>', html, re.S)
    assert details is not None
    assert "KeyError" in details[1]


def test_the_changes_e_mail_names_the_event(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """Publishing e-mailed "Your agenda changed in the newly published version 1:" with
    neither the subject nor the body naming the event: a participant of two events (or of
    this year's and last year's mission) could not tell which agenda changed."""
    client_for(organizer).post(f"/organize/{event.slug}/versions/1/publish/")
    assert mail.outbox
    for message in mail.outbox:  # each in its reader's language
        opening = str(message.body).split("\n")[:4]
        assert any(title in opening for title in event.title.values()), opening


def test_the_spreadsheet_preview_counts_only_the_records_that_change(
    organizer: User,
    event: Event,
    dina: Person,
    client_for: Callable[..., Client],
    tmp_path: Path,
) -> None:
    """Re-uploading the exported people without one row, the preview said "people: 0
    added, 3 changed, 1 removed" (on the demo, "38 changed") although no row but the
    one edited differed from the event: every row of a known id counted as a change."""
    people = without_rows(tables(event, tmp_path)["people"], "p-dina")
    text = people.read_text(encoding="utf-8")
    people.write_text(text.replace("Amina Idrissi", "Amina El Idrissi"), encoding="utf-8")
    answer = upload(client_for(organizer), event.slug, [people], "remove")
    assert answer.startswith("200 "), answer
    assert "<li>people: 0 added, 1 changed, 1 removed</li>" in answer


def test_the_invitations_are_sent_after_saying_how_many(
    organizer: User, event: Event, client_for: Callable[..., Client]
) -> None:
    """The overview's "E-mail every participant a sign-in link" e-mailed everyone at
    the first click (120 people at the example brokerage day), with no word of how many.
    It now leads to a page that counts them; only its button sends."""
    client = client_for(organizer)
    overview = client.get(f"/organize/{event.slug}/").content.decode()
    link = re.search(r'<a href="([^"]+)" class="button neutral" id="invite">', overview)
    assert link is not None, "the overview's invitation leads to the confirmation page"
    asked = client.get(link.group(1))
    assert asked.status_code == 200
    html = asked.content.decode()
    assert not mail.outbox
    assert "3 participants will be e-mailed a sign-in link to their agenda." in html
    assert ">Send 3 e-mails</button>" in html
    sent = client.post(link.group(1))
    assert sent.status_code == 200
    assert len(mail.outbox) == 3


def test_the_mission_file_preview_speaks_of_one_file(
    organizer: User, event: Event, client_for: Callable[..., Client], settings: Any, tmp_path: Path
) -> None:
    """Replacing an event by its mission file (one file) previewed "The files are correct;
    storing them..." and "The uploaded files are kept for an hour", as if several."""
    settings.DATA_DIR = tmp_path / "data"
    Outcome.objects.create(event=event, assignment="r-2", kind="held", follow_up="call")
    core_event = make_core_event()
    without_r2 = dataclasses.replace(
        core_event, requests=tuple(r for r in core_event.requests if r.id != "r-2")
    )
    upload = SimpleUploadedFile("mission.yaml", dumps_event(without_r2).encode())
    answer = client_for(organizer).post("/events/import/", {"mission": upload, "replace": "on"})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "The mission file is correct; storing it makes the changes below." in html
    assert "The uploaded mission file is kept for an hour" in html
    assert "The files are correct" not in html


@pytest.mark.parametrize(
    ("status", "words"),
    [
        ("feasible", "a better one may exist: the proof of quality says by how much at most."),
        ("optimal", "none better exists (proved)."),
    ],
)
def test_a_finished_run_says_what_its_status_means(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    status: str,
    words: str,
) -> None:
    """A finished run's page ended on the solver's bare word, "feasible" or "optimal",
    under the figures: an organizer could not tell whether a better schedule existed."""
    now = timezone.now()
    run = Run.objects.create(
        event=event, state=RunState.DONE, started_at=now, finished_at=now, message=status
    )
    run.result = draft
    run.save(update_fields=["result"])
    html = client_for(organizer).get(f"/organize/{event.slug}/runs/{run.pk}/").content.decode()
    verdict = re.search(r'<p id="run-verdict">(.*?)</p>', html, re.S)
    assert verdict is not None
    assert words in verdict[1]
