"""The outputs zip's digest as the outputs page polls it (read without building the records
or wording the proof, the event's share kept under its data stamp) is the digest the build
names the zip by, and any change to what the zip is made from gives a new one at once, with
everything kept from the poll before (a stale share would give the older digest): the
event's rows, its bookings, the version's row, assignments and published state, what the
proof is worded from, and the code that makes the outputs (templates, stylesheet, catalog).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from liqa.core import i18n, templating
from liqa.core.outputs import pdf
from liqa.web.events.models import Booking, Event, MeetingRequest, Outcome, Person
from liqa.web.scheduling import digest_inputs, exports, fingerprint, moves, services
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import at

SLOTS = (at(9), at(9, 20), at(9, 40))
"""The starts of the test event's three slots (Tunis time)."""


@pytest.fixture(autouse=True)
def _fresh(settings: Any, tmp_path: Path) -> Iterator[None]:
    settings.DATA_DIR = tmp_path / "data"
    digest_inputs.EVENT_PARTS.clear()
    fingerprint.code_fingerprint.cache_clear()
    yield
    digest_inputs.EVENT_PARTS.clear()
    fingerprint.code_fingerprint.cache_clear()


def _ran(event: Event, organizer: User, base: ScheduleVersion | None = None) -> ScheduleVersion:
    """The draft a finished run made (its proof of quality in the report)."""
    run = services.start_run(event, organizer, base=base, time_limit=2.0)
    run.refresh_from_db()
    assert (run.state, run.result is not None) == (RunState.DONE, True), run.message
    assert run.result is not None
    return run.result


def _loaded(version: ScheduleVersion) -> ScheduleVersion:
    """The version as the next request loads it."""
    return ScheduleVersion.objects.get(pk=version.pk)


def _built_digest(version: ScheduleVersion) -> str:
    """The digest the build names the zip by (of the records and proofs it reads)."""
    return exports.outputs_digest(version, exports.material(version))


def _free_slot(version: ScheduleVersion) -> int:
    """The slot neither meeting uses (Amina attends both: the run put them apart)."""
    starts = {row.start for row in version.assignments.all()}
    return next(i for i, start in enumerate(SLOTS) if start not in starts)


def _book_r1(version: ScheduleVersion) -> None:
    request = MeetingRequest.objects.get(event=version.event, key="r-1")
    Booking.objects.create(event=version.event, request=request, slot_start=at(9), table=1)


def _run_of(version: ScheduleVersion) -> Run:
    return Run.objects.get(result=version)


CHANGES: dict[str, Callable[[ScheduleVersion], object]] = {
    "a person renamed (an update)": lambda v: Person.objects.filter(
        event=v.event, key="p-chen"
    ).update(name="Chen Lee"),
    "the event's title": lambda v: Event.objects.filter(pk=v.event_id).update(
        title={"en": "Tunis B2B 2031"}
    ),
    "an outcome recorded": lambda v: Outcome.objects.create(
        event=v.event, position=0, assignment="r-2", kind="held"
    ),
    "a booking (no data stamp change)": _book_r1,
    "a meeting pinned": lambda v: services.set_pinned(v, "r-1", True),
    "a meeting moved by hand": lambda v: moves.move(v, "r-2", _free_slot(v), 4),
    "the version's provenance": lambda v: ScheduleVersion.objects.filter(pk=v.pk).update(
        provenance={**v.provenance, "note": "edited"}
    ),
    "the version's unplaced": lambda v: ScheduleVersion.objects.filter(pk=v.pk).update(
        unplaced=[{"id": "r-3", "reason": "no_slot", "detail": "", "blocking": []}]
    ),
    "published": lambda v: publish(v, notify=False),
    "the run's gap": lambda v: Run.objects.filter(result=v).update(gap=0.25),
    "the run's message": lambda v: Run.objects.filter(result=v).update(message="time limit"),
    "the run no longer done": lambda v: Run.objects.filter(result=v).update(state=RunState.FAILED),
}


def test_the_polled_digest_is_the_one_the_build_names_the_zip_by(
    organizer: User, event: Event
) -> None:
    version = _ran(event, organizer)
    assert exports.outputs_digest(version) == _built_digest(version)
    _book_r1(version)  # a request's fixed start from its booking
    services.set_pinned(version, "r-2", True)
    moves.move(version, "r-2", _free_slot(version), 4)  # the proof's figures now too
    again = _loaded(version)
    assert again.hand_moves == 1
    assert exports.outputs_digest(again) == _built_digest(again)
    assert exports.outputs_state(again).path.name == f"v1-{_built_digest(again)}.zip"


@pytest.mark.parametrize("change", list(CHANGES))
def test_a_change_gives_a_new_digest_at_once(organizer: User, event: Event, change: str) -> None:
    version = _ran(event, organizer)
    before = exports.outputs_digest(version)  # what the poll keeps is warm
    assert exports.outputs_digest(_loaded(version)) == before
    CHANGES[change](version)
    after = exports.outputs_digest(_loaded(version))
    assert after != before
    assert after == _built_digest(_loaded(version))


def test_moving_the_replanned_versions_meeting_changes_a_moved_versions_digest(
    organizer: User, event: Event
) -> None:
    base = _ran(event, organizer)
    version = _ran(event, organizer, base=base)
    assert _run_of(version).base_id == base.pk
    moves.move(version, "r-2", _free_slot(version), 4)  # the proof now compares with base
    before = exports.outputs_digest(_loaded(version))
    moves.move(base, "r-2", _free_slot(base), 5)
    after = exports.outputs_digest(_loaded(version))
    assert after != before
    assert after == _built_digest(_loaded(version))


def _copied(source: Path, into: Path) -> Path:
    shutil.copytree(source, into)
    return into


def test_a_changed_template_or_stylesheet_gives_a_new_digest_with_the_next_process(
    draft: ScheduleVersion, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = exports.outputs_digest(draft)
    templates = _copied(templating.TEMPLATE_DIR, tmp_path / "templates")
    monkeypatch.setattr(templating, "TEMPLATE_DIR", templates)
    monkeypatch.setattr(pdf, "STYLESHEET", templates / "style.css")
    fingerprint.code_fingerprint.cache_clear()
    assert exports.outputs_digest(draft) == installed  # the same contents elsewhere

    report = templates / "report.html"
    report.write_text(report.read_text(encoding="utf-8") + "\n<!-- edited -->\n", "utf-8")
    assert exports.outputs_digest(draft) == installed  # hashed once per process
    fingerprint.code_fingerprint.cache_clear()  # as a new process
    edited = exports.outputs_digest(draft)
    assert edited != installed

    stylesheet = templates / "style.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\nbody{}\n", "utf-8")
    fingerprint.code_fingerprint.cache_clear()
    assert exports.outputs_digest(draft) not in (installed, edited)


def test_a_changed_catalog_gives_a_new_digest(
    draft: ScheduleVersion, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed = exports.outputs_digest(draft)
    locale = _copied(i18n.LOCALE_DIR, tmp_path / "locale")
    monkeypatch.setattr(i18n, "LOCALE_DIR", locale)
    fingerprint.code_fingerprint.cache_clear()
    assert exports.outputs_digest(draft) == installed
    catalog = locale / "fr" / "LC_MESSAGES" / "django.mo"
    catalog.write_bytes(catalog.read_bytes() + b"\0")
    fingerprint.code_fingerprint.cache_clear()
    assert exports.outputs_digest(draft) != installed
