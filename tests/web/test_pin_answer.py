"""The pin's JSON answer (js/grid.js keeps the grid and shows it) says what the database
kept, read back after the write, never the value the client posted."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from liqa.web.events.models import Event
from liqa.web.scheduling.models import AssignmentRow, ScheduleVersion

TABLE = AssignmentRow._meta.db_table


@pytest.fixture
def never_pins_r2(db: None) -> Iterator[None]:
    """A database rule that keeps meeting ``r-2`` unpinned whatever is written: the
    server then does not keep what the client asked for."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION never_pin_r2() RETURNS trigger AS $$ BEGIN "
                "IF NEW.key = 'r-2' THEN NEW.pinned := false; END IF; RETURN NEW; END; "
                "$$ LANGUAGE plpgsql"
            )
            cursor.execute(
                f"CREATE TRIGGER never_pin_r2 BEFORE UPDATE ON {TABLE} "
                "FOR EACH ROW EXECUTE FUNCTION never_pin_r2()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER never_pin_r2 AFTER UPDATE OF pinned ON {TABLE} "
                f"WHEN NEW.key = 'r-2' AND NEW.pinned BEGIN "
                f"UPDATE {TABLE} SET pinned = 0 WHERE id = NEW.id; END"
            )
    yield
    with connection.cursor() as cursor:
        cursor.execute(
            f"DROP TRIGGER never_pin_r2 ON {TABLE}"
            if connection.vendor == "postgresql"
            else "DROP TRIGGER never_pin_r2"
        )
        if connection.vendor == "postgresql":
            cursor.execute("DROP FUNCTION never_pin_r2()")


def _pin(client: Client, event: Event, key: str, pinned: str) -> tuple[int, object]:
    answer = client.post(
        f"/organize/{event.slug}/versions/1/pin/",
        {"key": key, "pinned": pinned},
        HTTP_ACCEPT="application/json",
    )
    return answer.status_code, answer.json()


def test_the_answer_is_what_was_stored_when_the_database_keeps_another_value(
    organizer: User,
    event: Event,
    draft: ScheduleVersion,
    client_for: Callable[..., Client],
    never_pins_r2: None,
) -> None:
    client = client_for(organizer)
    assert _pin(client, event, "r-2", "1") == (200, {"key": "r-2", "pinned": False})
    assert not draft.assignments.get(key="r-2").pinned


def test_the_answer_says_the_pin_stored_for_a_value_the_server_reads_as_unpin(
    organizer: User, event: Event, draft: ScheduleVersion, client_for: Callable[..., Client]
) -> None:
    client = client_for(organizer)
    assert _pin(client, event, "r-2", "1") == (200, {"key": "r-2", "pinned": True})
    # anything but "1" unpins: the answer says the row is unpinned, as stored
    assert _pin(client, event, "r-2", "yes") == (200, {"key": "r-2", "pinned": False})
    assert not draft.assignments.get(key="r-2").pinned
