"""Migration scheduling 0011 gives each mission version published before it what the
staleness check excused for it then (``ScheduleVersion.missing_required``): every visit it
lists as not made when it was planned with required visits missing, none otherwise; a
draft and a brokerage event's version stay null, and nothing else of the version changes.
Run forward on a fresh PostgreSQL schema (the migration tests' ``fresh``)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

from tests.web import test_migrations

pytestmark = pytest.mark.integration

fresh = test_migrations.fresh
"""A connection to an empty schema of the PostgreSQL test database (the migration tests')."""
ALIAS = test_migrations.ALIAS
T0 = datetime(2030, 3, 14, 8, 0, tzinfo=UTC)
BEFORE = [("scheduling", "0010_run_released")]
AFTER = [("scheduling", "0011_version_missing_required")]


def test_versions_published_before_keep_what_was_excused(fresh: BaseDatabaseWrapper) -> None:
    executor = MigrationExecutor(fresh)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps

    def model(label: str) -> Any:
        return old.get_model(label).objects.using(ALIAS)

    mission = model("events.Event").create(slug="m-2030", kind="trade_mission", title={"en": "M"})
    fair = model("events.Event").create(slug="b-2030", kind="brokerage", title={"en": "B"})
    missing, feasible = "missing required visits", "feasible"
    unplaced = [{"id": "vis-b", "reason": "capacity"}, {"id": "vis-a", "reason": "too_far"}]
    rows = [
        (mission, 1, missing, unplaced, T0),
        (mission, 2, feasible, [{"id": "vis-c", "reason": "capacity"}], T0),
        (mission, 3, missing, unplaced, None),  # a draft
        (fair, 1, missing, [{"id": "r-1", "reason": "no_common_slot"}], T0),
    ]
    for event, number, status, left, published in rows:
        provenance = {"method": "itinerary", "created_at": T0.isoformat(), "status": status}
        model("scheduling.ScheduleVersion").create(
            event=event, number=number, provenance=provenance, unplaced=left, published_at=published
        )

    executor.loader.build_graph()
    executor.migrate(AFTER)
    executor.loader.build_graph()
    new = executor.loader.project_state(AFTER).apps
    versions = new.get_model("scheduling.ScheduleVersion").objects.using(ALIAS)
    fields = ("event__slug", "number", "missing_required", "unplaced", "provenance__status")
    assert sorted(versions.values_list(*fields)) == [
        ("b-2030", 1, None, [{"id": "r-1", "reason": "no_common_slot"}], missing),
        ("m-2030", 1, ["vis-a", "vis-b"], unplaced, missing),
        ("m-2030", 2, [], [{"id": "vis-c", "reason": "capacity"}], feasible),
        ("m-2030", 3, None, unplaced, missing),
    ]
