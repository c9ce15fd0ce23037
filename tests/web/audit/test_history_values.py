"""The history reads the values it showed as recorded in words too: a request's session
(``morning``), a version's requests not placed (``[{"id": "r-3", ...}]`` as JSON), a
version's provenance (its JSON), the requests a request comes after (``r-1``), a country
code (``MA``). Every field the history can record has a label and a value wording.

The changes are made through the models (the trail's receivers record them); the catalog
is filled later, so in French and Arabic the tests check the value is not the raw key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import translation
from django.utils.translation import pgettext

from liqa.core import model as core
from liqa.core.scheduling.brokerage.problem import Status
from liqa.web.audit import receivers, wording
from liqa.web.audit.actor import acting
from liqa.web.events.models import Event, MeetingRequest, Organization, Person
from liqa.web.events.records import event_record
from liqa.web.scheduling.records import store_schedule
from tests.web.factories import at, make_schedule
from tests.web.factories import history_changes as _changes

SLUG = "tunis-b2b-2030"
URL = f"/organize/{SLUG}/history/"
LANGUAGES = ("en", "fr", "ar")


def _line(client: Client, lang: str, context: str, label: str) -> str:
    """The first change line of the field labelled ``label`` (as read in ``lang``)."""
    with translation.override(lang):
        field = pgettext(context, label) if context else translation.gettext(label)
    lines = _changes(client.get(URL, HTTP_ACCEPT_LANGUAGE=lang).content.decode())
    found = [line for line in lines if line.startswith(field)]
    assert found, lines
    return found[0]


def _afternoon(event: Event) -> None:
    """A second brokerage session, in the afternoon."""
    assert event.brokerage is not None
    event.brokerage["sessions"].append(
        {"id": "afternoon", "start": at(14).isoformat(), "end": at(16).isoformat()}
    )
    event.save(update_fields=["brokerage"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_requests_session_reads_as_its_day_and_hours(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    _afternoon(event)
    with acting(organizer):
        request = MeetingRequest.objects.get(event=event, key="r-1")
        request.session = "afternoon"
        request.save()
    line = _line(client_for(organizer), lang, "audit field", "Session")
    if lang == "en":
        assert line == "Session: — → Mar 14, 2030 2:00\u202fPM–4:00\u202fPM (Tunis)"
    assert "afternoon" not in line
    assert "14" in line or "١٤" in line


def test_a_session_since_removed_shows_as_recorded(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    with acting(organizer):
        request = MeetingRequest.objects.get(event=event, key="r-1")
        request.session = "evening"
        request.save()
    assert _line(client_for(organizer), "en", "audit field", "Session") == ("Session: — → evening")


def _deleted_draft(event: Event, unplaced: tuple[str, ...]) -> None:
    """A draft re-planned from version 1 with ``unplaced`` not placed, then deleted (the
    trail keeps what it held: its number, provenance and requests not placed)."""
    store_schedule(event, make_schedule(event_record(event)))
    schedule = make_schedule(event_record(event), version=2)
    provenance = core.Provenance(
        "brokerage/cpsat",
        datetime(2030, 3, 1, 8, 30, tzinfo=UTC),
        status="optimal",
        parent_version=1,
    )
    draft = store_schedule(
        event,
        dataclasses.replace(
            schedule,
            provenance=provenance,
            unplaced=tuple(core.Unplaced(key, "no_common_slot") for key in unplaced),
        ),
    )
    draft.delete()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_requests_not_placed_read_as_their_two_parties(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    _deleted_draft(event, ("r-3",))
    line = _line(client_for(organizer), lang, "", "Not placed")
    arrow = "←" if lang == "ar" else "→"
    if lang == "en":
        assert line == "Not placed: Bruno Martin ↔ Chen Li (no slot where all can attend) → —"
    assert line.endswith(f" {arrow} —")
    assert "Bruno Martin" in line
    assert "Chen Li" in line
    for raw in ("r-3", "no_common_slot", "{"):
        assert raw not in line


def test_many_requests_not_placed_name_the_first_and_count_the_others(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    _deleted_draft(event, ("r-3", "r-1", "r-2", "r-gone"))
    line = _line(client_for(organizer), "en", "", "Not placed")
    assert line == (
        "Not placed: Bruno Martin ↔ Chen Li, Amina Idrissi ↔ Bruno Martin"
        " (no slot where all can attend) and 2 more → —"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_versions_provenance_reads_as_a_short_sentence(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    _deleted_draft(event, ())
    line = _line(client_for(organizer), lang, "audit field", "How it was made")
    if lang == "en":
        assert line == (
            "How it was made: optimal search (CP-SAT), proven the best possible,"
            " from version 1, made Mar 1, 2030 9:30\u202fAM (Tunis) → —"
        )
    for raw in ("cpsat", "parent_version", "{"):
        assert raw not in line
    assert _line(client_for(organizer), lang, "audit field", "Version number")


def test_the_requests_a_request_comes_after_read_as_their_parties(
    event: Event, organizer: User, client_for: Callable[..., Client]
) -> None:
    with acting(organizer):
        request = MeetingRequest.objects.get(event=event, key="r-3")
        request.after = ["r-1"]
        request.save()
    assert _line(client_for(organizer), "en", "audit field", "After the requests") == (
        "After the requests: — → Amina Idrissi ↔ Bruno Martin"
    )


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Country: Morocco → Tunisia"),
        ("fr", "Maroc → Tunisie"),
        ("ar", "المغرب ← تونس"),
    ],
)
def test_a_country_code_reads_as_the_countrys_name(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str, expected: str
) -> None:
    with acting(organizer):
        alpha = Organization.objects.get(event=event, key="o-alpha")
        alpha.country = "TN"
        alpha.save()
    assert _line(client_for(organizer), lang, "", "Country").endswith(expected)


def test_every_field_the_history_records_has_a_label() -> None:
    """The models' recorded fields, the version entry's and the event's counts."""
    recorded = {
        (spec.name, name)
        for model, spec in receivers.SPECS.items()
        for name in receivers.recorded_fields(model)
    }
    recorded |= {("schedule", n) for n in ("meetings", "pinned_meetings", "method")}
    recorded |= {("schedule", n) for n in ("assignments", "pinned")}  # entries made before
    recorded |= {
        ("event", n) for n in ("organizations", "people", "requests", "bookings", "versions")
    }
    unlabelled = {
        (model, name)
        for model, name in recorded
        if (model, name) not in wording.BY_MODEL
        and name not in wording.FIELDS
        and not any(field == name for field, _lang in wording.LOCALIZED)
    }
    assert unlabelled == set()


def test_every_status_and_record_key_the_history_shows_reads_in_words() -> None:
    """A version's status (the brokerage solver's four, the itinerary planner's) has words,
    and every audited record with a ``key`` field has it read as what it names: a status or
    a key the page would show raw fails here."""
    statuses = {str(s) for s in Status} | {"feasible", "infeasible", "missing required visits"}
    assert statuses - set(wording.STATUSES) == set()
    keyed = {
        spec.name
        for model, spec in receivers.SPECS.items()
        if "key" in receivers.recorded_fields(model)
    }
    assert keyed - set(wording.KEYED) == set()


@pytest.mark.parametrize(("lang", "expected"), [("en", "Beta Bank"), ("fr", "Banque Bêta")])
def test_an_organization_reads_by_its_french_name_on_the_french_page(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str, expected: str
) -> None:
    Organization.objects.filter(event=event, key="o-beta").update(name_fr="Banque Bêta")
    with acting(organizer):
        chen = Person.objects.get(event=event, key="p-chen")
        chen.organization = "o-beta"
        chen.save()
    assert _line(client_for(organizer), lang, "", "Organization").endswith(f" → {expected}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_persons_gender_reads_in_the_editing_forms_words(
    event: Event, organizer: User, client_for: Callable[..., Client], lang: str
) -> None:
    """The field says which form of a title (Directrice, مديرة) agrees with the person,
    labelled and valued as the editing form words them ("Gender", "female"; it read
    "Grammatical gender", then "feminine")."""
    with acting(organizer):
        amina = Person.objects.get(event=event, key="p-amina")
        amina.gender = "female"
        amina.save()
    line = _line(client_for(organizer), lang, "", "Gender")  # the editing form's label
    with translation.override(lang):
        label = translation.gettext("Gender")
    colon = " :" if lang == "fr" else ":"
    assert line.startswith(f"{label}{colon} — ")  # not "Genre grammatical", "الجنس النحوي"
    with translation.override(lang):
        female = translation.pgettext("gender", "female")  # the form's choice
    arrow = "←" if lang == "ar" else "→"
    assert line == f"{label}{colon} — {arrow} {female}"
    if lang == "en":
        assert line == "Gender: — → female"  # it read "feminine" while the form says "female"
