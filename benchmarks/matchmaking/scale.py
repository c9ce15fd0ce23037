"""Scale benchmark: all recommendations for N participants (default 5,000).

Participants are people of synthetic organizations whose profiles recombine the seeks and
offers sentences of the evaluation set (ar/fr/en), so tagging and TF-IDF see realistic
text. Usage::

    uv run python benchmarks/matchmaking/scale.py --people 5000 --seed 1
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import time
from pathlib import Path

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.profiles import Party
from liqa.core.matching.recommend import build_matcher, recommend_all
from liqa.core.model import Side

HERE = Path(__file__).resolve().parent


def synthetic_people(n: int, seed: int) -> list[Party]:
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
        for k in range(rng.randint(1, 5)):
            people.append(Party(f"p{org}-{k}", f"org{org}", side, f"Person {org}-{k}", want, give))
    return people[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--top", type=int, default=10)
    args = parser.parse_args()
    people = synthetic_people(args.people, args.seed)
    start, cpu_start = time.perf_counter(), time.process_time()
    matcher = build_matcher(people)
    built = time.perf_counter()
    recs = recommend_all(matcher, args.top)
    done, cpu_done = time.perf_counter(), time.process_time()
    listed = sum(len(v) for v in recs.values())
    load = os.getloadavg()[0]
    print(
        f"| {args.people} | {args.seed} | {built - start:.1f} | {done - built:.1f} "
        f"| {done - start:.1f} | {cpu_done - cpu_start:.1f} | {load:.1f} | {listed} "
        f"| {os.cpu_count()} | {platform.python_version()} |"
    )


if __name__ == "__main__":
    main()
