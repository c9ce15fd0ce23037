"""Evaluation metrics and the labelled evaluation set."""

import math
from pathlib import Path

import pytest

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.evaluation import evaluate, metrics
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


EVALSET_V2 = Path(__file__).parents[3] / "benchmarks" / "matchmaking" / "v2" / "evalset.yaml"


def test_metrics_hard_negatives_and_delegation_precision() -> None:
    ranked = {"q": ["a", "h", "b", "x", "y"], "host": ["q", "z", "w", "v", "u"]}
    relevant = {"q": {"a", "b"}, "host": {"q"}}
    hard = {"q": {"h", "k"}}
    languages = dict.fromkeys(["q", "a", "b", "h", "x", "y", "host", "z", "w", "v", "u"], "en")
    sides = {"q": "delegation", "host": "host"}
    result = metrics(ranked, relevant, languages, hard, sides)
    assert (result.delegation_queries, result.precision_at_5_delegation) == (1, 2 / 5)
    assert (result.hard_negatives, result.hard_negatives_in_top_5) == (2, 1)


def test_evalset_v2_shape() -> None:
    dataset = load_dataset(EVALSET_V2)
    delegation = [p for p in dataset.parties if p.side.value == "delegation"]
    relevant = dataset.relevant()
    assert (len(dataset.parties), len(delegation)) == (118, 40)
    assert (len(dataset.pairs), len(dataset.hard_negatives)) == (200, 40)
    assert sorted({dataset.languages[p.id] for p in delegation}) == ["ar", "en", "fr"]
    assert min(len(relevant[p.id]) for p in delegation) == 3
    assert sum(len(relevant[p.id]) >= 5 for p in delegation) == 25
    assert set(dataset.splits.values()) == {"dev", "test"}
    assert all(p.kind is not None for p in dataset.parties)
    expert = {frozenset((p.a, p.b)) for p in dataset.pairs}
    assert not any(frozenset((h.a, h.b)) in expert for h in dataset.hard_negatives)


def test_evaluate_split_restricts_the_queries() -> None:
    dataset = load_dataset(EVALSET_V2)
    report = evaluate(dataset, split="dev")
    dev = [
        p for p in dataset.parties if dataset.splits[p.id] == "dev" and p.id in dataset.relevant()
    ]
    assert report.results["liqa"].queries == len(dev)
    assert report.split == "dev"
    assert report.by_split == {}


def test_load_dataset_names_bad_kind_split_and_hard_negative(tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        "organizations:\n"
        "  - {id: a, side: delegation, lang: fr, kind: ministry, seeks: cloud}\n"
        "  - {id: b, side: host, lang: en, split: train, offers: cloud}\n"
        "  - {id: c, side: host, lang: en, offers: cloud}\n"
        "hard_negatives:\n"
        "  - {a: c, b: c, kind: rival, why: same}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_dataset(path)
    assert [(p.path, p.message) for p in caught.value.problems] == [
        (
            "organizations[0].kind",
            "a: `kind` must be one of academic, agency, association, company, government, other",
        ),
        ("organizations[1].split", "b: `split` must be dev or test"),
        (
            "hard_negatives[0].kind",
            "`kind` must be one of segment, competitor, both-seek, exclusion",
        ),
    ]
