"""Migrations: every model change has one, and a fresh PostgreSQL schema migrates from zero
to the latest with data in place (so data migrations run over real rows)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.integration

ALIAS = "fresh_schema"
T0 = datetime(2030, 3, 14, 8, 0, tzinfo=UTC)


@pytest.mark.django_db
def test_every_model_change_has_its_migration() -> None:
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert out.getvalue() == "No changes detected\n"


@pytest.fixture
def fresh(django_db_setup: None, django_db_blocker: Any) -> Iterator[BaseDatabaseWrapper]:
    """A connection to an empty schema of the PostgreSQL test database (dropped after)."""
    if connections["default"].vendor != "postgresql":
        pytest.skip("migrations are tested forward on PostgreSQL; run with DATABASE_URL")
    schema = f"liqa_migrations_{os.getpid()}"
    default = connections.settings["default"]
    options = {**default.get("OPTIONS", {}), "options": f"-c search_path={schema}"}
    connections.settings[ALIAS] = {**default, "OPTIONS": options}
    with django_db_blocker.unblock():
        connection = connections[ALIAS]
        with connection.cursor() as cursor:
            cursor.execute(f"CREATE SCHEMA {schema}")
        try:
            yield connection
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f"DROP SCHEMA {schema} CASCADE")
            connection.close()
            del connections[ALIAS]
            del connections.settings[ALIAS]


def _first_liqa_migrations(executor: MigrationExecutor) -> list[tuple[str, str]]:
    """The first migration of each liqa app (whatever apps liqa has now)."""
    graph = executor.loader.graph
    return sorted(
        node
        for node in graph.root_nodes()
        if type(graph.nodes[node]).__module__.startswith("liqa.web.")
    )


def _insert_first_state(apps: Any) -> None:
    """One of each main record, written with the models of the first migrations."""

    def model(label: str) -> Any:
        return apps.get_model(label).objects.using(ALIAS)

    user = model("auth.User").create(username="olga", email="olga@example.org")
    event = model("events.Event").create(slug="mig-2030", kind="brokerage", title={"en": "M"})
    model("events.Organization").create(event=event, key="o-1", name="Org", side="host")
    model("events.Person").create(event=event, key="p-1", name="Pia", organization="o-1")
    model("events.MeetingRequest").create(event=event, key="r-1", requester="p-1", target="o-1")
    version = model("scheduling.ScheduleVersion").create(
        event=event,
        number=1,
        provenance={"method": "hand", "created_at": T0.isoformat()},
        published_at=T0,
    )
    model("scheduling.AssignmentRow").create(
        version=version, key="r-1", start=T0, end=T0.replace(hour=9), attendees=["p-1"]
    )
    model("scheduling.Run").create(event=event, state="done", result=version, created_by=user)
    model("accounts.Membership").create(user=user, event=event, role="organizer")
    model("agendas.HostConfirmation").create(
        event=event, assignment="r-1", organization="o-1", attendees=["p-1"], confirmed_at=T0
    )


def test_fresh_schema_migrates_from_zero_to_latest_keeping_data(
    fresh: BaseDatabaseWrapper,
) -> None:
    executor = MigrationExecutor(fresh)
    assert executor.loader.applied_migrations == {}
    firsts = _first_liqa_migrations(executor)
    executor.migrate(firsts)
    _insert_first_state(executor.loader.project_state(firsts).apps)

    executor.loader.build_graph()
    leaves = executor.loader.graph.leaf_nodes()
    executor.migrate(leaves)
    executor.loader.build_graph()
    assert executor.migration_plan(leaves) == []
    latest = executor.loader.project_state(leaves).apps

    def rows(label: str, *fields: str) -> list[tuple[object, ...]]:
        query = latest.get_model(label).objects.using(ALIAS)
        return list(query.values_list(*fields))

    assert rows("events.Event", "slug", "kind") == [("mig-2030", "brokerage")]
    assert rows("events.Person", "key", "organization") == [("p-1", "o-1")]
    assert rows("events.MeetingRequest", "key", "status") == [("r-1", "proposed")]
    assert rows("scheduling.AssignmentRow", "key", "start") == [("r-1", T0)]
    assert rows("scheduling.Run", "state", "result__number") == [("done", 1)]
    # published before 'notified' was recorded: unknown, not a claim either way
    assert rows("scheduling.ScheduleVersion", "number", "notified") == [(1, None)]
    assert rows("accounts.Membership", "user__email", "role") == [("olga@example.org", "organizer")]
    assert rows("agendas.HostConfirmation", "assignment", "attendees") == [("r-1", ["p-1"])]


def test_a_versions_moves_made_by_hand_are_counted_from_the_trail_once(
    fresh: BaseDatabaseWrapper,
) -> None:
    """Migration scheduling 0009 gives each existing version the count the proof of quality
    read from the audit trail before: the ``changed`` entries of its assignments that moved
    a start or a table since it was made; not a pin, not an entry of an older version of the
    same number, of another event, or of version 10 (whose keys start ``v10/``)."""
    executor = MigrationExecutor(fresh)
    before = [("scheduling", "0008_run_keep_published"), ("audit", "0001_initial")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps

    def model(label: str) -> Any:
        return old.get_model(label).objects.using(ALIAS)

    event = model("events.Event").create(slug="mig-2030", kind="brokerage", title={"en": "M"})
    other = model("events.Event").create(slug="other-2030", kind="brokerage", title={"en": "O"})
    for number in (1, 2, 10):
        model("scheduling.ScheduleVersion").create(event=event, number=number)
    model("scheduling.ScheduleVersion").create(event=other, number=1)
    model("scheduling.ScheduleVersion").update(created_at=T0)
    start: list[object] = [T0.isoformat(), T0.replace(hour=9).isoformat()]
    later = T0.replace(hour=10)

    def entry(key: str, changes: dict[str, list[object]], **fields: Any) -> None:
        fields = {"event": "mig-2030", "action": "changed", "at": later, **fields}
        model("audit.AuditEntry").create(
            actor="olga", model="assignment", key=key, changes=changes, **fields
        )

    entry("v1/r-1", {"start": start, "end": start})
    entry("v1/r-2", {"table": [1, 4]})
    entry("v1/r-1", {"pinned": [False, True]})
    entry("v1/r-1", {"start": start}, at=T0.replace(hour=7))  # the v1 an import replaced
    entry("v1/r-1", {"start": [None, start[0]]}, action="created")
    entry("v1/r-1", {"start": start}, event="other-2030")
    entry("v10/r-1", {"start": start})
    entry("v2/r-1", {"table": [None, 2]})

    executor.loader.build_graph()
    after = [("scheduling", "0009_version_hand_moves")]
    executor.migrate(after)
    executor.loader.build_graph()
    new = executor.loader.project_state(after).apps
    counted = new.get_model("scheduling.ScheduleVersion").objects.using(ALIAS)
    assert sorted(counted.values_list("event__slug", "number", "hand_moves")) == [
        ("mig-2030", 1, 2),
        ("mig-2030", 2, 1),
        ("mig-2030", 10, 1),
        ("other-2030", 1, 1),
    ]
