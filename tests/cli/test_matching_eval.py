"""``liqa eval matchmaking``: the figures of liqa and both baselines, by language and split."""

from pathlib import Path

from typer.testing import CliRunner

from liqa.cli import app

V2 = Path(__file__).parents[2] / "benchmarks" / "matchmaking" / "v2" / "evalset.yaml"


def test_eval_matchmaking_prints_every_method_and_language_kind() -> None:
    result = CliRunner().invoke(
        app, ["eval", "matchmaking", str(V2), "--split", "dev"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    for text in (
        "precision@5",
        "recall@10",
        "nDCG@10",
        "hard negatives in top 5",
        "same-language",
        "cross-language",
        "ar-en",
        "fr-en",
        "queries of the dev split only",
    ):
        assert text in result.output
    methods = ("liqa", "shared-theme count", "same-language TF-IDF")
    for method in methods:
        assert sum(line.strip().startswith(method) for line in result.output.splitlines()) >= 2


def test_eval_matchmaking_refuses_an_unknown_split() -> None:
    result = CliRunner().invoke(app, ["eval", "matchmaking", str(V2), "--split", "train"])
    assert result.exit_code == 2
    assert "--split must be dev or test (got 'train')" in result.output


def test_eval_matchmaking_writes_the_split_table(tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(app, ["eval", "matchmaking", str(V2), "--output", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "| dev | liqa | 51 |" in text
    assert "| test | liqa | 56 |" in text
