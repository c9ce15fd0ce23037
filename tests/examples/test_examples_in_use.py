"""The demo mission works with the rest of liqa: the CLI accepts it, matchmaking reads it."""

from __future__ import annotations

from typer.testing import CliRunner

from liqa.cli import app
from liqa.core.matching.profiles import event_parties
from liqa.core.matching.recommend import build_matcher, ranked_ids
from liqa.core.matching.rules import event_rules
from liqa.core.model import Event
from tests.examples.conftest import DEMO


def test_cli_validate_demo_exits_0_with_a_summary() -> None:
    result = CliRunner().invoke(app, ["validate", str(DEMO)])
    assert result.exit_code == 0, result.output
    assert f"{DEMO} is valid" in result.output
    for line in ("Leg houston", "Leg silicon-valley", "Organizations", "People", "Requests"):
        assert line in result.output


def test_matchmaking_finds_the_cyber_hosts_for_dgssi_and_identity_for_add(demo: Event) -> None:
    matcher = build_matcher(event_parties(demo), event_rules(demo))
    best = ranked_ids(matcher, 3, readers=["DGSSI", "ADD"])
    assert set(best["DGSSI"]) == {"h-tx-cyber", "h-redwood-ti", "h-shieldwall"}
    assert best["ADD"][0] == "h-trustid"
