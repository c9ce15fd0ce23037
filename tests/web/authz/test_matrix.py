"""The authorization matrix: every page and API endpoint × method × actor.

URLs come from the URL configuration and the OpenAPI schema; ``expectations.py`` says who
may call each. See ``actors.py`` for the world and the private data of A and B.
"""

from __future__ import annotations

import pytest

from tests.web.authz.actors import A_ALONE, A_EMAIL, A_PHONE, ACTORS, PRIVATE
from tests.web.authz.compute import Matrix
from tests.web.authz.expectations import ADMIN_ACTORS, SECRET_HOLDER
from tests.web.authz.matrix import leaks, normalized

pytestmark = pytest.mark.django_db


def _lines(items: list[str]) -> str:
    return "\n  " + "\n  ".join(items)


def test_every_url_has_an_expectation(matrix: Matrix) -> None:
    assert matrix.unlisted == [], "URLs without a rule:" + _lines(matrix.unlisted)


def test_matrix_covers_every_url_method_and_actor(matrix: Matrix) -> None:
    cells = {(c.name, c.method, c.actor) for c in matrix.cells}
    pairs = {(c.name, c.method) for c in matrix.cells}
    admin = {pair for pair in pairs if pair[0].startswith(("admin:", "admin/"))}
    app = pairs - admin
    print(
        f"\nauthorization matrix: {len(cells)} cells = {len(app)} URL×method × "
        f"{len(ACTORS)} actors + {len(admin)} admin URL×method × {len(ADMIN_ACTORS)} "
        f"({matrix.urls} URL patterns)"
    )
    assert len(cells) == len(app) * len(ACTORS) + len(admin) * len(ADMIN_ACTORS)
    assert len(cells) == len(matrix.cells)


def test_no_server_error_anywhere(matrix: Matrix) -> None:
    failures = [str(c) for c in matrix.cells if c.verdict == "server error"]
    assert failures == [], "500s:" + _lines(failures)


def test_every_cell_allows_or_denies_as_expected(matrix: Matrix) -> None:
    wrong = [str(c) for c in matrix.cells if c.verdict != c.expected]
    assert wrong == [], f"{len(wrong)} of {len(matrix.cells)} cells differ:" + _lines(wrong)


def test_denied_calls_leave_the_database_unchanged(matrix: Matrix) -> None:
    changed = [
        f"{c}: {'; '.join(c.writes)}" for c in matrix.cells if c.verdict == "denied" and c.writes
    ]
    assert changed == [], "denied, yet the database changed:" + _lines(changed)


def test_nobody_sees_private_data_of_others(matrix: Matrix) -> None:
    found = [
        f"{c}: {', '.join(leaks(c, PRIVATE))}"
        for c in matrix.cells
        if c.rule is not SECRET_HOLDER and leaks(c, PRIVATE)
    ]
    assert found == [], "private data leaked:" + _lines(found)


def test_private_data_is_visible_to_its_owner(matrix: Matrix) -> None:
    """The leak check can fail: A's and B's own pages do hold their private strings."""
    profile = matrix.cell("agendas:profile", "GET", "participant_a").body
    assert [marker in profile for marker in (A_EMAIL, A_PHONE)] == [True, True]
    requests = matrix.cell("agendas:requests", "GET", "participant_b").body
    assert "Bruno-Chen private note" in requests
    agenda = matrix.cell("agendas:me", "GET", "participant_a").body
    assert f'data-id="{A_ALONE}"' in agenda


def test_no_one_but_organizers_sees_a_draft(matrix: Matrix) -> None:
    changed = sorted(
        f"{method} {name} as {actor}"
        for (name, method, actor), before in matrix.before_draft.items()
        if normalized(matrix.cell(name, method, actor).body) != before
    )
    assert changed == [], "answers changed by an unpublished draft:" + _lines(changed)


def test_publishing_the_draft_changes_participant_answers(matrix: Matrix) -> None:
    """The draft check can fail: once version 2 is published, A's and B's agendas change."""
    changed = sorted(
        f"{method} {name} as {actor}"
        for (name, method, actor), after in matrix.published_draft.items()
        if matrix.before_draft[name, method, actor] != after
    )
    assert {
        "GET agendas:me as participant_a",
        "GET agendas:ics as participant_b",
        "GET api:schedules as participant_a",
        "GET agendas:pdf as participant_a",
        "GET agendas:feed as participant_a",
    } <= set(changed)
