"""The organizer after the mission: the overview says it is over, when its last meeting
ended (local time) and how many meetings have an outcome of each kind, with a link to the
follow-ups page; the follow-ups page names each follow-up's owner among the meeting's
attendees (refusing anyone else, the change kept in the history); the report page puts
the results first and the proof of quality below them, folded.

Found on an organizer's walk of the demo after it: the overview read as before the
mission, the Owner column stayed empty when the organizer recorded an outcome, and the
report opened with the solver's bound and gap.
"""

from __future__ import annotations

import dataclasses
import html
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.core import model as core
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event, Outcome
from liqa.web.events.records import event_record
from liqa.web.scheduling.domain import after_mission
from liqa.web.scheduling.models import Run, RunState, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import make_core_event, make_schedule, person_user

SLUG = "tunis-b2b-2030"
OVERVIEW = f"/organize/{SLUG}/"
FOLLOW_UPS = f"/organize/{SLUG}/follow-ups/"
REPORT = f"/organize/{SLUG}/report/"
FORM = {"assignment": "r-2", "kind": "held", "follow_up": "mou", "notes": "Draft MoU"}
AGO = timedelta(days=3650)
"""How far back the "past" schedule is moved: its day (2030) about ten years earlier."""


def _schedule(*, past: tuple[str, ...]) -> core.Schedule:
    """The factory's schedule with the meetings ``past`` moved ten years back."""
    schedule = make_schedule(make_core_event())
    moved = tuple(
        dataclasses.replace(a, start=a.start - AGO, end=a.end - AGO) if a.id in past else a
        for a in schedule.assignments
    )
    return dataclasses.replace(schedule, assignments=moved)


def published_past(event: Event, *, past: tuple[str, ...] = ("r-1", "r-2")) -> ScheduleVersion:
    version = store_schedule(event, _schedule(past=past))
    publish(version, notify=False)
    return version


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def _element(page: str, tag: str, element: str) -> str | None:
    found = re.search(rf'<{tag}[^>]* id="{element}"[^>]*>(.*?)</{tag}>', page, re.S)
    return None if found is None else found.group(1)


# --- 1. the overview after the mission ------------------------------------------------

OVER = {
    "en": ("held 1", "no-show 0", "not recorded yet 1", "Outcomes:"),
    "fr": ("tenu 1", "absence 0", "pas encore saisi 1", "Résultats :"),
    "ar": ("انعقد 1", "تغيّب 0", "لم يُسجَّل بعد 1", "النتائج:"),
}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_overview_says_the_event_is_over_with_its_outcomes_and_where_to_record_them(
    event: Event,
    organizer: User,
    client_for: Callable[[User | None], Client],
    lang: str,
) -> None:
    published_past(event)
    Outcome.objects.create(event=event, assignment="r-1", kind="held", owner="p-amina")
    page = client_for(organizer).get(OVERVIEW, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    section = _element(page, "section", "after-mission")
    assert section is not None, page
    held, no_show, unrecorded, label = OVER[lang]
    counts = _text(_element(section, "p", "outcome-counts") or "")
    assert counts == f"{label} {held} {no_show} {unrecorded}"
    for kind, n in (("held", 1), ("no_show", 0), ("unrecorded", 1)):
        assert re.search(rf'data-outcome="{kind}">[^<]* {n}</span>', section), kind
    assert f'href="{FOLLOW_UPS}"' in section
    over = _text(_element(section, "p", "mission-over") or "")
    # the last meeting (r-2) ended at 09:40 Tunis time, said in Tunis time
    assert "9:40" in over or "٩:٤٠" in over, over
    assert "2020" in over or "٢٠٢٠" in over, over
    if lang == "en":
        assert over.startswith("The event is over: its last meeting ended on "), over
        link = _text(_element(section, "a", "record-outcomes") or "")
        assert link == "Record the 1 outcome not recorded yet"


def test_the_overview_links_to_review_once_every_outcome_is_recorded(
    event: Event, organizer: User, client_for: Callable[[User | None], Client]
) -> None:
    published_past(event)
    Outcome.objects.create(event=event, assignment="r-1", kind="held")
    Outcome.objects.create(event=event, assignment="r-2", kind="no_show")
    section = _element(
        client_for(organizer).get(OVERVIEW).content.decode(), "section", "after-mission"
    )
    assert section is not None
    assert _text(_element(section, "p", "outcome-counts") or "") == (
        "Outcomes: held 1 no-show 1 not recorded yet 0"
    )
    assert _text(_element(section, "a", "record-outcomes") or "") == (
        "Review the outcomes and follow-ups"
    )


@pytest.mark.parametrize("past", [(), ("r-1",)], ids=["all-to-come", "last-to-come"])
def test_the_overview_says_nothing_of_it_before_the_last_meeting_ends(
    event: Event,
    organizer: User,
    client_for: Callable[[User | None], Client],
    past: tuple[str, ...],
) -> None:
    """r-1 over long ago and r-2 still to come: the mission is not over."""
    published_past(event, past=past)
    page = client_for(organizer).get(OVERVIEW).content.decode()
    assert page.count('id="follow-ups"') == 1  # the page, read
    assert 'id="after-mission"' not in page


def test_the_mission_is_over_at_its_last_meetings_end_as_an_instant(event: Event) -> None:
    """09:40 in Tunis (UTC+1) is 08:40 UTC: over then, not a minute before; the end is
    said in Tunis time."""
    record, schedule = event_record(event), _schedule(past=())
    end = datetime(2030, 3, 14, 8, 40, tzinfo=UTC)
    assert max(a.end for a in schedule.assignments) == end  # the factory's day and zone
    assert after_mission(record, schedule, end - timedelta(minutes=1)) is None
    after = after_mission(record, schedule, end)
    assert after is not None
    assert (after.ended, after.ended.utcoffset()) == (end, timedelta(hours=1))
    assert after.outcomes == {"held": 0, "no_show": 0, "unrecorded": 2}
    assert after.brokerage


# --- 2. the follow-up's owner on the follow-ups page -----------------------------------


def _row(page: str, key: str) -> str:
    found = re.search(rf'<tr data-id="{key}" id="outcome-{key}">(.*?)</tr>', page, re.S)
    assert found is not None, page
    return found.group(1)


def _stored(event: Event) -> list[tuple[str, str, str, str]]:
    return [
        (o.assignment, o.kind, o.follow_up, o.owner)
        for o in Outcome.objects.filter(event=event).order_by("assignment")
    ]


OWNER_NAMES = {
    "en": ("Amina Idrissi", "Chen Li", "No owner"),
    "fr": ("Amina Idrissi", "Chen Li", "Aucun responsable"),
    "ar": ("Amina Idrissi", "Chen Li", "بلا مسؤول"),
}


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_the_organizer_names_the_owner_among_the_attendees_and_the_column_shows_it(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
    lang: str,
) -> None:
    publish(draft, notify=False)
    boss = client_for(organizer)
    empty = _row(boss.get(FOLLOW_UPS, HTTP_ACCEPT_LANGUAGE=lang).content.decode(), "r-2")
    options = re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)</option>', empty)
    owners = options[options.index(("", OWNER_NAMES[lang][2])) :]  # the Owner list
    assert [value for value, _name in owners] == ["", "p-amina", "p-chen"]  # both sides
    response = boss.post(FOLLOW_UPS, {**FORM, "owner": "p-amina"}, HTTP_ACCEPT_LANGUAGE=lang)
    assert response.status_code == 302
    assert _stored(event) == [("r-2", "held", "mou", "p-amina")]
    row = _row(boss.get(FOLLOW_UPS, HTTP_ACCEPT_LANGUAGE=lang).content.decode(), "r-2")
    cell = re.search(r'<td data-owner="p-amina">(.*?)</td>', row).group(1)  # type: ignore[union-attr]
    amina = html.unescape(re.sub(r"</?bdi[^>]*>", "", cell))  # isolated in Arabic
    assert amina == OWNER_NAMES[lang][0]
    assert '<option value="p-amina" selected>' in row
    assert '<option value="p-chen">' in row


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
def test_a_correction_changes_the_owner_and_the_history_says_so(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
) -> None:
    """Chen records r-2 (and owns it); the organizer hands it to Amina, then to nobody;
    a correction that sends no owner keeps the one recorded."""
    publish(draft, notify=False)
    chen = client_for(person_user("chen@example.org"))
    assert chen.post(f"/me/{SLUG}/outcome/", FORM).status_code == 302
    boss = client_for(organizer)
    assert boss.post(FOLLOW_UPS, {**FORM, "owner": "p-amina"}).status_code == 302
    assert _stored(event) == [("r-2", "held", "mou", "p-amina")]
    assert boss.post(FOLLOW_UPS, {**FORM, "follow_up": "call"}).status_code == 302
    assert _stored(event) == [("r-2", "held", "call", "p-amina")]
    assert boss.post(FOLLOW_UPS, {**FORM, "owner": ""}).status_code == 302
    assert _stored(event) == [("r-2", "held", "mou", "")]
    entries = AuditEntry.objects.filter(event=SLUG, model="outcome").order_by("at", "id")
    owners = [(e.actor, e.changes.get("owner")) for e in entries]
    assert owners == [
        ("chen@example.org", [None, "p-chen"]),
        ("org", ["p-chen", "p-amina"]),
        ("org", None),  # the follow-up changed, not the owner
        ("org", ["p-amina", ""]),
    ]
    history = client_for(organizer).get(f"/organize/{SLUG}/history/").content.decode()
    assert "org changed · Outcome Amina Idrissi – Chen Li Owner: Chen Li → Amina Idrissi" in (
        _text(history)
    )


@pytest.mark.usefixtures("after_the_day")  # its meetings have taken place
@pytest.mark.parametrize(
    "owner", ["p-bruno", "p-nobody"], ids=["attends-another-meeting", "no-such-person"]
)
def test_an_owner_who_does_not_attend_the_meeting_is_refused_and_nothing_changes(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[[User | None], Client],
    owner: str,
) -> None:
    """Bruno attends r-1, not r-2: refused with the reason and the form as it was sent
    (on SQLite, and on PostgreSQL with ``DATABASE_URL``)."""
    publish(draft, notify=False)
    boss = client_for(organizer)
    assert boss.post(FOLLOW_UPS, {**FORM, "owner": "p-chen"}).status_code == 302
    response = boss.post(FOLLOW_UPS, {**FORM, "notes": "Typed again", "owner": owner})
    page = response.content.decode()
    assert response.status_code == 400
    error = _element(page, "p", "outcome-error")
    assert error is not None
    assert _text(error).startswith(
        "Choose the follow-up's owner among the meeting's attendees in the Owner list: "
        "nothing was saved."
    )
    assert _stored(event) == [("r-2", "held", "mou", "p-chen")]  # as it was
    assert AuditEntry.objects.filter(event=SLUG, model="outcome").count() == 1
    row = _row(page, "r-2")
    assert '<details class="outcome" open>' in row
    assert ">Typed again</textarea>" in row


# --- 3. the report page after the mission ----------------------------------------------


def with_run(version: ScheduleVersion) -> Run:
    """The run that made ``version``, finished with a proof (bound and gap)."""
    return Run.objects.create(
        event=version.event,
        state=RunState.DONE,
        message="feasible",
        objective={"table_changes": 4.0},
        bound=3.0,
        gap=0.25,
        result=version,
    )


PROOF_SUMMARY = {"en": "Proof of quality", "fr": "Preuve de qualité", "ar": "إثبات الجودة"}


@pytest.mark.parametrize("lang", ["en", "fr", "ar"])
def test_after_the_mission_the_report_opens_with_the_results_the_proof_below(
    event: Event,
    organizer: User,
    client_for: Callable[[User | None], Client],
    lang: str,
) -> None:
    run = with_run(published_past(event))
    page = client_for(organizer).get(REPORT, HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert page.count('id="report-proof"') == 1
    assert page.index('id="report"') < page.index('id="report-proof"')
    folded = _element(page, "details", "report-proof-after")
    assert folded is not None
    assert f"<summary>{PROOF_SUMMARY[lang]}</summary>" in folded
    proof = _text(_element(folded, "p", "report-proof") or "")
    assert proof.startswith(PROOF_SUMMARY[lang]), proof
    assert str(run.pk) in proof, proof


@pytest.mark.parametrize("past", [(), ("r-1",)], ids=["before", "during"])
def test_before_and_during_the_mission_the_report_opens_with_the_proof(
    event: Event,
    organizer: User,
    client_for: Callable[[User | None], Client],
    past: tuple[str, ...],
) -> None:
    with_run(published_past(event, past=past))
    page = client_for(organizer).get(REPORT).content.decode()
    assert page.count('id="report-proof"') == 1
    assert page.index('id="report-proof"') < page.index('id="report"')
    assert 'id="report-proof-after"' not in page
