"""Why a meeting or visit was not placed names people and hosts by their names, in each
reader's script, never by their ids: the itinerary's required attendees and the visits in
the way, and an explanation stored when it gave people's ids (``reasons.with_names``)."""

from __future__ import annotations

from dataclasses import replace

from liqa.core.i18n import translator
from liqa.core.local_time import LocalDate
from liqa.core.model import CandidateVisit, Event
from liqa.core.problems import Message, Name, Names, PluralMessage, joined, translated
from liqa.core.scheduling.itinerary import Settings, plan_itinerary
from liqa.core.scheduling.reasons import event_names, with_names
from tests.core.scheduling.itinerary.factories import hou, mission, window

FAST = Settings(time_limit=5.0, max_no_improve=150)
NAMES = {"p-bruno": Name("Bruno Martin", ar="برونو مارتن"), "p-chen": Name("Chen Li", ar="تشن لي")}
FULL = Message(
    "every slot where {who} are free has all {tables} tables taken",
    who=joined(["p-bruno", "p-chen"]),
    tables=5,
)


def _in(text: str, lang: str) -> str:
    return str(translated(text, translator(lang).gettext, lang))


def test_a_stored_explanation_with_ids_reads_with_names_in_every_language() -> None:
    named = with_names(FULL, NAMES)
    assert named == "every slot where Bruno Martin and Chen Li are free has all 5 tables taken"
    arabic = _in(named, "ar")
    assert "برونو مارتن" in arabic
    assert "تشن لي" in arabic
    assert "p-bruno" not in arabic
    assert "p-chen" not in arabic
    assert "Bruno Martin" in _in(named, "fr")
    assert "p-bruno" in _in(FULL, "ar")  # the old words, as stored


def test_names_replace_ids_in_lists_and_plural_messages_and_nothing_else() -> None:
    words = PluralMessage(
        "{names} and {n} other meeting",
        "{names} and {n} other meetings",
        n=2,
        names=Names(["p-bruno", "p-bruno-2", NAMES["p-chen"]], "; "),
    )
    named = with_names(words, NAMES)
    assert isinstance(named, PluralMessage)
    assert named == "Bruno Martin; p-bruno-2; Chen Li and 2 other meetings"
    day = LocalDate(hou(12, 9).date())
    dated = Message("{who} on {day} in session {session}", who="p-chen", day=day, session="s1")
    assert with_names(dated, NAMES) == f"Chen Li on {day} in session s1"
    assert isinstance(with_names(dated, NAMES), Message)
    assert with_names("p-bruno", NAMES) == "Bruno Martin"
    assert with_names("p-bruno left", NAMES) == "p-bruno left"


def _named(event: Event) -> Event:
    """``event`` with Arabic names for delegate p4 and host h-port."""
    people = tuple(
        replace(p, name_ar="المندوب الرابع") if p.id == "p4" else p for p in event.people
    )
    orgs = tuple(
        replace(o, name="Port of Houston", name_ar="ميناء هيوستن", name_fr="Port de Houston")
        if o.id == "h-port"
        else o
        for o in event.organizations
    )
    return replace(event, people=people, organizations=orgs)


def test_event_names_give_each_person_and_organization_with_its_forms() -> None:
    names = event_names(_named(mission()))
    assert names["p4"] == "Delegate 4"
    assert names["p4"].in_script("ar") == "المندوب الرابع"
    assert names["h-port"].in_script("fr") == "Port de Houston"


def test_a_visit_lacking_its_required_attendee_names_them() -> None:
    visit = CandidateVisit(
        "vis-small",
        "h-energy",
        "v-h-energy",
        duration_minutes=60,
        max_visitors=4,
        required_attendees=("p4",),
    )
    schedule, _ = plan_itinerary(_named(mission(visits=[visit])), FAST)
    (unplaced,) = schedule.unplaced
    assert unplaced.reason == "capacity"
    assert "(Delegate 4)" in unplaced.detail
    assert "p4" not in unplaced.detail
    assert "المندوب الرابع" in _in(unplaced.detail, "ar")


def test_a_visit_that_lost_its_slot_names_the_visit_in_its_way_by_its_host() -> None:
    slot = window(hou(13, 10), hou(13, 12))
    visits = [
        CandidateVisit(
            "vis-big", "h-space", "v-h-space", duration_minutes=90, priority=3, windows=slot
        ),
        CandidateVisit(
            "vis-must",
            "h-port",
            "v-h-port",
            duration_minutes=90,
            priority=1,
            required=True,
            windows=slot,
        ),
    ]
    schedule, _ = plan_itinerary(_named(mission(visits=visits)), FAST)
    (unplaced,) = schedule.unplaced
    assert (unplaced.id, unplaced.reason, unplaced.blocking) == (
        "vis-big",
        "lower_value",
        ("vis-must",),
    )
    assert unplaced.detail.startswith("fits only by dropping Port of Houston;")
    assert "ميناء هيوستن" in _in(unplaced.detail, "ar")
    assert "Port de Houston" in _in(unplaced.detail, "fr")
