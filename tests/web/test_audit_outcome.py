"""Outcomes in the history: who recorded or corrected what came of a meeting, and when,
whether a participant on their agenda or an organizer on the follow-ups page; the history
page says it in words (the meeting by its parties, what happened, the follow-up, its owner)
in English, French and Arabic."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from liqa.web.audit import domain
from liqa.web.audit.models import AuditEntry
from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import history_changes, person_user

pytestmark = pytest.mark.usefixtures("after_the_day")  # the meetings have taken place

SLUG = "tunis-b2b-2030"
FORM = {"assignment": "r-2", "kind": "held", "follow_up": "mou", "notes": "Draft MoU"}


def _outcome_entries() -> list[tuple[str, str, str, dict[str, Any]]]:
    found = AuditEntry.objects.filter(event=SLUG, model="outcome").order_by("at", "id")
    return [(e.actor, e.key, e.action, e.changes) for e in found]


def _record_then_correct(client_for: Callable[..., Client], organizer: User) -> None:
    """Chen records r-2 on the agenda; the organizer corrects it on the follow-ups page."""
    chen = client_for(person_user("chen@example.org"))
    assert chen.post(f"/me/{SLUG}/outcome/", FORM).status_code == 302
    correction = {**FORM, "kind": "no_show", "follow_up": "none", "notes": ""}
    assert (
        client_for(organizer).post(f"/organize/{SLUG}/follow-ups/", correction).status_code == 302
    )


def test_recording_and_correcting_are_each_one_entry_by_whoever_saved(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    _record_then_correct(client_for, organizer)
    assert _outcome_entries() == [
        (
            "chen@example.org",
            "r-2",
            "created",
            {
                "assignment": [None, "r-2"],
                "kind": [None, "held"],
                "follow_up": [None, "mou"],
                "owner": [None, "p-chen"],
                "notes": [None, "Draft MoU"],
            },
        ),
        (
            "org",
            "r-2",
            "changed",
            {
                "kind": ["held", "no_show"],
                "follow_up": ["mou", "none"],
                "notes": ["Draft MoU", ""],
            },
        ),
    ]
    created, changed = AuditEntry.objects.filter(event=SLUG, model="outcome").order_by("at", "id")
    assert (created.user, changed.user) == (person_user("chen@example.org"), organizer)


def test_saving_the_same_outcome_again_records_nothing(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    """Its ``recorded_at`` moves on each save; the entry's own time says when."""
    publish(draft, notify=False)
    boss = client_for(organizer)
    for _ in range(2):
        assert boss.post(f"/organize/{SLUG}/follow-ups/", FORM).status_code == 302
    assert [action for _actor, _key, action, _changes in _outcome_entries()] == ["created"]
    assert Outcome.objects.get(event=event).recorded_at is not None


def test_refused_input_records_nothing(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    response = client_for(organizer).post(f"/organize/{SLUG}/follow-ups/", {**FORM, "kind": "x"})
    assert (response.status_code, _outcome_entries()) == (400, [])


def test_the_history_filters_an_outcome_by_the_meetings_people(
    event: Event, draft: ScheduleVersion, organizer: User, client_for: Callable[..., Client]
) -> None:
    publish(draft, notify=False)
    client_for(organizer).post(f"/organize/{SLUG}/follow-ups/", FORM)  # no owner: the parties
    found = {
        key: [(e.model, e.key) for e in domain.history(event, person=key).entries]
        for key in ("p-amina", "p-chen", "p-bruno")
    }
    assert found == {"p-amina": [("outcome", "r-2")], "p-chen": [("outcome", "r-2")], "p-bruno": []}


@pytest.mark.parametrize(
    ("lang", "head", "lines"),
    [
        (
            "en",
            "changed</span> · Outcome <bdi>Amina Idrissi – Chen Li</bdi>",
            [
                "What happened: held → no-show",
                "Follow-up: memorandum of understanding → none",
                "Notes: Draft MoU → —",
                "Meeting: — → Amina Idrissi ↔ Chen Li",
                "What happened: — → held",
                "Follow-up: — → memorandum of understanding",
                "Owner: — → Chen Li",
                "Notes: — → Draft MoU",
            ],
        ),
        (
            "fr",
            "modification</span> · Résultat <bdi>Amina Idrissi – Chen Li</bdi>",
            [
                "Ce qui s'est passé : tenu → absence",
                "Suite : protocole d'accord → aucune",
                "Notes : Draft MoU → —",
                "Rendez-vous : — → Amina Idrissi ↔ Chen Li",
                "Ce qui s'est passé : — → tenu",
                "Suite : — → protocole d'accord",
                "Responsable : — → Chen Li",
                "Notes : — → Draft MoU",
            ],
        ),
        (
            "ar",
            "تعديل</span> · النتيجة <bdi>Amina Idrissi – Chen Li</bdi>",
            [
                "ماذا حدث: انعقد ← تغيّب",
                "المتابعة: مذكرة تفاهم ← لا شيء",
                "ملاحظات: Draft MoU ← —",
                "اللقاء: — ← \u2066Amina Idrissi\u2069 ↔ \u2066Chen Li\u2069",
                "ماذا حدث: — ← انعقد",
                "المتابعة: — ← مذكرة تفاهم",
                "المسؤول: — ← Chen Li",
                "ملاحظات: — ← Draft MoU",
            ],
        ),
    ],
)
def test_the_history_page_says_it_in_words(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[..., Client],
    lang: str,
    head: str,
    lines: list[str],
) -> None:
    """The correction (newest first), then Chen's entry: the meeting by its two parties
    (isolated in Arabic), what happened and the follow-up in words, Chen as its owner."""
    publish(draft, notify=False)
    _record_then_correct(client_for, organizer)
    page = client_for(organizer).get(f"/organize/{SLUG}/history/", HTTP_ACCEPT_LANGUAGE=lang)
    html = page.content.decode()
    assert html.count(head) == 1
    assert history_changes(html)[: len(lines)] == lines
