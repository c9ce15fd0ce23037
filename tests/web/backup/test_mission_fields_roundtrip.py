"""Every field of the event's own records comes back from a backup as it was: a field the
mission-file schema names can still be lost between the rows, the core's record, the file
and the restore (a new column the web's ``*_record`` does not read, say). The event here
sets every such field to a value other than its default, so that a loss shows; a field
left at its default fails too, so that a new field gets a value here."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from django.db.models import Model, QuerySet

from liqa.web.backup.dump import backup_event
from liqa.web.backup.members import MISSION
from liqa.web.backup.restore import restore_backup
from liqa.web.events.models import (
    CandidateVisit,
    Event,
    Leg,
    MeetingRequest,
    Organization,
    Outcome,
    Person,
    ProgrammeItem,
    Venue,
)
from tests.web.backup.conftest import empty_database
from tests.web.backup.test_fields_covered import HELD_BY, LEFT_OUT, _always_left_out
from tests.web.factories import at

pytestmark = pytest.mark.integration

MODELS: tuple[type[Model], ...] = tuple(
    m for m, places in HELD_BY.items() if places[0][0] == MISSION
)


def _fields(model: type[Model]) -> dict[str, Any]:
    """The carried fields of ``model`` (as the guard of test_fields_covered has them), by
    name, with their defaults."""
    return {
        f.name: f.get_default()
        for f in model._meta.concrete_fields
        if not _always_left_out(f) and f.name not in LEFT_OUT.get(model, {})
    }


def rows(event: Event) -> dict[str, dict[str, dict[str, Any]]]:
    """Each record of the event's own rows by model and key: its carried fields' values."""
    found: dict[str, dict[str, dict[str, Any]]] = {}
    for model in MODELS:
        names = _fields(model)
        query: QuerySet[Any] = model._default_manager.filter(
            **({"pk": event.pk} if model is Event else {"event": event})
        )
        found[model.__name__] = {
            str(getattr(row, "key", None) or getattr(row, "assignment", None) or "event"): {
                name: getattr(row, name) for name in names
            }
            for row in query
        }
    return found


def _set_everything(event: Event) -> None:
    """Every field of the event's records at a value other than its default."""
    Event.objects.filter(pk=event.pk).update(
        goals={"en": "Deals"},
        description={"en": "Two days in Tunis"},
        languages=["en", "fr"],
        subgroups_max=2,
        subgroup_min_size=2,
        communique={"en": "A mission that delivered."},
        public=False,
        subgroup_max_size=3,
        together=[["p-amina", "p-bruno"]],
        apart=[["p-amina", "p-chen"]],
    )
    Leg.objects.filter(event=event).update(
        hotel="v-hall",
        day_start="08:00",
        day_end="18:30",
        lunch_start="12:30",
        lunch_end="14:30",
        lunch_minutes=45,
        lunch_venue="v-hall",
        max_visits_per_day=5,
        speed_kmh=30.0,
        detour_factor=1.4,
        buffer_minutes=10,
    )
    Venue.objects.filter(event=event).update(
        name_ar="قصر المؤتمرات", name_fr="Palais", fictional=True
    )
    Organization.objects.filter(event=event).update(
        name_ar="ألفا",
        name_fr="Alpha",
        short_name="AP",
        kind="agency",
        sector="Payments",
        themes=["fintech"],
        offers={"en": "Wallets"},
        seeks={"en": "Banks"},
        description={"en": "A wallet"},
        website="https://alpha.example",
        fictional=True,
    )
    Person.objects.filter(event=event).update(
        name_ar="أمينة",
        role="CEO",
        gender="female",
        phone="+212 600",
        themes=["fintech"],
        availability=[[at(9).isoformat(), at(12).isoformat()]],
        table=4,
        fictional=True,
    )
    MeetingRequest.objects.filter(event=event).update(
        priority=2,
        status="accepted",
        format="one_to_one",
        message="Payments",
        duration_minutes=20,
        session="morning",
        fixed_start=at(9, 20),
        attendees=[],
        after=[],
        created_at=datetime(2030, 1, 2, 10, tzinfo=UTC),
    )
    MeetingRequest.objects.filter(event=event, key="r-2").update(after=["r-1"])
    MeetingRequest.objects.filter(event=event, key="r-3").update(
        format="online", attendees=["p-bruno", "p-chen"]
    )
    CandidateVisit.objects.create(
        event=event,
        key="c-beta",
        position=0,
        host="o-beta",
        venue="v-hall",
        duration_minutes=45,
        windows=[[at(9).isoformat(), at(11).isoformat()]],
        max_visitors=2,
        priority=2,
        required=True,
        required_attendees=["p-amina"],
        themes=["fintech"],
        topic={"en": "Cards"},
    )
    ProgrammeItem.objects.create(
        event=event,
        key="welcome",
        position=0,
        kind="reception",
        title={"en": "Welcome"},
        start=at(8),
        end=at(8, 30),
        venue="v-hall",
        end_venue="v-hall",
        attendees=["p-amina"],
    )
    for position, key in enumerate(("r-1", "r-2")):
        Outcome.objects.create(
            event=event,
            assignment=key,
            kind="held",
            follow_up="mou",
            owner="p-amina",
            notes="Pilot",
            recorded_at=datetime(2030, 1, 3, tzinfo=UTC),
            position=position,
        )


@pytest.fixture
def archive(event: Event, tmp_path: Path) -> Path:
    _set_everything(event)
    path = tmp_path / "backup.zip"
    path.write_bytes(backup_event(event).content)
    return path


def test_every_field_of_the_events_records_comes_back(event: Event, archive: Path) -> None:
    before = rows(event)
    defaults = [
        f"{model.__name__}.{name}"
        for model in MODELS
        for name, default in _fields(model).items()
        if name != "position"  # a list's order: one leg, venue... is at 0 (the default)
        and before[model.__name__]
        and all(record[name] == default for record in before[model.__name__].values())
    ]
    empty = [model.__name__ for model in MODELS if not before[model.__name__]]
    assert (defaults, empty) == ([], []), "give these a value in _set_everything"
    empty_database()
    restored = restore_backup(archive).event
    after = rows(restored)
    lost = [
        f"{model}[{key}].{name}: {value!r} came back as {after[model].get(key, {}).get(name)!r}"
        for model, records in before.items()
        for key, record in records.items()
        for name, value in record.items()
        if after[model].get(key, {}).get(name) != value
    ]
    assert not lost, "lost across backup and restore:\n" + "\n".join(lost)
    assert after == before
