"""Evaluation metrics and the labelled evaluation set."""

import math
from pathlib import Path

import pytest

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.evaluation import metrics
from liqa.core.problems import InputError

EVALSET = Path(__file__).parents[3] / "benchmarks" / "matchmaking" / "evalset.yaml"


def test_metrics_exact_values_on_a_hand_computed_ranking() -> None:
    ranked = {"q": ["a", "x", "b", "y", "z", "c"]}
    relevant = {"q": {"a", "b", "c", "d"}}
    languages = {
        "q": "ar",
        "a": "en",
        "b": "ar",
        "c": "en",
        "d": "fr",
        "x": "en",
        "y": "en",
        "z": "ar",
    }
    result = metrics(ranked, relevant, languages)
    assert result.precision_at_5 == 2 / 5
    assert result.recall_at_10 == 3 / 4
    dcg = 1 + 1 / math.log2(4) + 1 / math.log2(7)
    ideal = sum(1 / math.log2(i + 2) for i in range(4))
    assert result.ndcg_at_10 == pytest.approx(dcg / ideal)
    assert result.precision_at_5_ceiling == 4 / 5
    assert dict(result.recall_by_kind) == {
        "same-language": 1.0,
        "ar-ar": 1.0,
        "cross-language": 2 / 3,
        "ar-en": 1.0,
        "ar-fr": 0.0,
    }


def test_evalset_has_sixty_organizations_in_three_languages() -> None:
    dataset = load_dataset(EVALSET)
    assert len(dataset.parties) >= 60
    assert sorted(set(dataset.languages.values())) == ["ar", "en", "fr"]
    assert all(pair.why for pair in dataset.pairs)


def test_load_dataset_names_unknown_ids_and_missing_rationale(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        "organizations:\n"
        "  - {id: a, side: delegation, lang: fr, seeks: cloud}\n"
        "  - {id: b, side: host, lang: de}\n"
        "pairs:\n"
        "  - {a: a, b: zz}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_dataset(path)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        ("organizations[1].lang", "b: `lang` must be ar, fr or en"),
        ("pairs[0].b", "unknown organization 'zz'"),
        ("pairs[0]", "give the expert's rationale in `why`"),
    ]
