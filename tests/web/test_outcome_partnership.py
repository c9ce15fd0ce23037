"""A meeting can end in a partnership: the follow-up the organizers' mission reports count
as a result ("start partnerships" is one of the seed mission's stated goals). The choices
stopped at a memorandum of understanding or an investment lead."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from django.contrib.auth.models import User
from django.test import Client

from liqa.core.model import FollowUp
from liqa.core.outputs.labels import follow_up_label
from liqa.web.events.models import Event, Outcome
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion
from liqa.web.scheduling.publishing import publish
from tests.web.factories import person_user


def test_a_participant_records_a_partnership_and_everyone_reads_it_in_their_language(
    event: Event,
    draft: ScheduleVersion,
    organizer: User,
    client_for: Callable[..., Client],
) -> None:
    ended = datetime(2020, 3, 2, 9, 0, tzinfo=UTC)  # Chen's meeting r-2 is over: its form shows
    AssignmentRow.objects.filter(version=draft, key="r-2").update(
        start=ended, end=ended + timedelta(minutes=20)
    )
    publish(draft, notify=False)
    chen = client_for(person_user("chen@example.org"))
    chen.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    agenda = chen.get(f"/me/{event.slug}/").content.decode()
    assert '<option value="partnership">Partenariat</option>' in agenda
    form = {"assignment": "r-2", "kind": "held", "follow_up": "partnership", "notes": ""}
    assert chen.post(f"/me/{event.slug}/outcome/", form).status_code == 302
    assert Outcome.objects.get(event=event, assignment="r-2").follow_up == "partnership"
    assert "Résultat : tenu · partenariat" in chen.get(f"/me/{event.slug}/").content.decode()
    boss = client_for(organizer)
    boss.post("/i18n/setlang/", {"language": "ar", "next": "/"})
    pipeline = boss.get(f"/organize/{event.slug}/follow-ups/").content.decode()
    assert '<td data-follow-up="partnership">شراكة</td>' in pipeline


def test_every_follow_up_has_words_in_each_language() -> None:
    assert [follow_up_label(FollowUp.PARTNERSHIP, lang) for lang in ("en", "fr", "ar")] == [
        "partnership",
        "partenariat",
        "شراكة",
    ]


def test_a_participants_outcome_not_among_the_choices_is_refused_in_their_language(
    event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    """It answered "unknown outcome or follow-up" in English whatever the reader's."""
    ended = datetime(2020, 3, 2, 9, 0, tzinfo=UTC)
    AssignmentRow.objects.filter(version=draft, key="r-2").update(
        start=ended, end=ended + timedelta(minutes=20)
    )
    publish(draft, notify=False)
    chen = client_for(person_user("chen@example.org"))
    chen.post("/i18n/setlang/", {"language": "fr", "next": "/"})
    form = {"assignment": "r-2", "kind": "held", "follow_up": "dinner", "notes": ""}
    answer = chen.post(f"/me/{event.slug}/outcome/", form)
    assert answer.status_code == 400
    assert answer.content.decode() == (
        "Choisissez dans les listes ce qui s'est passé et la suite : rien n'a été enregistré."
    )
    assert not Outcome.objects.filter(event=event, assignment="r-2").exists()
