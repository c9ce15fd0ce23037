"""Where the semantic signal's model time goes (issue #6): tokens, length, batch shape, quotes.

* ``tokens``: how many tokens the model reads (``passage:`` prefix and the two special
  tokens counted) for the distinct whole profiles and sentences of ``scale.py`` (seed 1) and
  of the evaluation sets.
* ``length``: CPU per text and per token against the text's length (v3 sentences joined),
  one OpenMP thread, 8 texts a call, best of 3.
* ``batch``: CPU per token with 8 or 32 texts a call, texts mixed or sorted by length (the
  engine concatenates a call's tokens: there is no padding to save).
* ``quotes``: with everyone's top 10 (``recommend_all``), the parties whose sentences the
  reasons asked for (``SemanticSpace.prepare``) against all parties.

Usage::

    nice -n 15 uv run python benchmarks/matchmaking/semantic_cost.py tokens quotes
    nice -n 15 uv run python benchmarks/matchmaking/semantic_cost.py length batch
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from scale import synthetic_people  # the benchmark next to this one

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.profiles import Party
from liqa.core.matching.recommend import build_matcher, recommend_all
from liqa.core.matching.semantic import SemanticSpace, normalize_text, profile_text, sentences
from liqa.core.matching.semantic import _engine as semantic_engine

HERE = Path(__file__).resolve().parent
SETS = {"v1": HERE / "evalset.yaml", "v2": HERE / "v2/evalset.yaml", "v3": HERE / "v3/evalset.yaml"}


def count(text: str) -> int:
    return int(semantic_engine().token_count(normalize_text(text), False))


def profiles_of(parties: Iterable[Party]) -> list[str]:
    found = (normalize_text(profile_text(p)) for p in parties)
    return list(dict.fromkeys(t for t in found if t))


def sentences_of(parties: Iterable[Party]) -> list[str]:
    return list(dict.fromkeys(s for p in parties for s in sentences(profile_text(p, "\n"))))


def tokens() -> None:
    print("| texts | count | tokens | mean | median | p90 | max | > 128 | > 512 |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    sets = {"scale.py seed 1": synthetic_people(5000, 1)}
    sets.update({name: load_dataset(path).parties for name, path in SETS.items()})
    for name, parties in sets.items():
        whole = profiles_of(parties)
        said = sentences_of(parties)
        new = [s for s in said if s not in set(whole)]
        for label, texts in (("whole profiles", whole), ("sentences", said), ("… new", new)):
            n = np.array([count(t) for t in texts] or [0])
            print(
                f"| {name}: {label} | {len(texts)} | {n.sum()} | {n.mean():.1f} "
                f"| {int(np.median(n))} | {int(np.percentile(n, 90))} | {n.max()} "
                f"| {(n > 128).sum()} | {(n > 512).sum()} |",
                flush=True,
            )


def cpu(texts: Sequence[str], size: int) -> float:
    model = semantic_engine()
    start = time.process_time()
    for i in range(0, len(texts), size):
        model.passage(list(texts[i : i + size]))
    return time.process_time() - start


def length() -> None:
    rng = random.Random(0)
    said = sentences_of(load_dataset(SETS["v3"]).parties)

    def joined(n: int) -> str:
        out: list[str] = []
        while True:
            sentence = rng.choice(said)
            if out and count(" ".join([*out, sentence])) > n:
                return " ".join(out)
            out.append(sentence)

    print("| at most tokens | texts | mean tokens | CPU ms per text | CPU ms per token |")
    print("|---:|---:|---:|---:|---:|")
    for n in (16, 32, 48, 64, 96, 128, 256, 510):
        k = max(8, min(64, 2048 // n))
        short = [s for s in said if count(s) <= n]
        texts = [joined(n) if n > 40 else rng.choice(short) for _ in range(k)]
        used = sum(count(t) for t in texts)
        best = min(cpu(texts, 8) for _ in range(3))
        print(
            f"| {n} | {k} | {used / k:.1f} | {1000 * best / k:.1f} | {1000 * best / used:.2f} |",
            flush=True,
        )


def batch() -> None:
    parties = load_dataset(SETS["v3"]).parties
    texts = profiles_of(parties)[:192] + sentences_of(parties)[:192]
    random.Random(1).shuffle(texts)
    used = sum(count(t) for t in texts)
    by_length = sorted(texts, key=count)
    print(f"{len(texts)} texts (v3 profiles and sentences), {used} tokens")
    print("| order | texts per call | CPU s (best of 2) | CPU ms per token |")
    print("|---|---:|---:|---:|")
    for size in (8, 32):
        for name, order in (("mixed", texts), ("sorted by length", by_length)):
            best = min(cpu(order, size) for _ in range(2))
            print(f"| {name} | {size} | {best:.2f} | {1000 * best / used:.3f} |", flush=True)


def quotes() -> None:
    asked: set[int] = set()
    prepare = SemanticSpace.prepare

    def counting(space: SemanticSpace, indices: Iterable[int]) -> None:
        wanted = list(indices)
        asked.update(wanted)
        prepare(space, wanted)

    SemanticSpace.prepare = counting  # type: ignore[method-assign, assignment]
    print("| set | parties | parties whose sentences were asked for | distinct sentences ", end="")
    print("| of which a whole profile | sentences of the parties asked for | quotes shown |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, path in SETS.items():
        parties = load_dataset(path).parties
        asked.clear()
        recs = recommend_all(build_matcher(parties), 10)
        shown = sum(bool(x.quotes) for v in recs.values() for r in v for x in r.reasons)
        whole = set(profiles_of(parties))
        said = sentences_of(parties)
        needed = sentences_of(parties[i] for i in sorted(asked))
        print(
            f"| {name} | {len(parties)} | {len(asked)} | {len(said)} "
            f"| {sum(s in whole for s in said)} | {len(needed)} | {shown} |",
            flush=True,
        )
    SemanticSpace.prepare = prepare  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("what", nargs="+", choices=["tokens", "length", "batch", "quotes"])
    for what in parser.parse_args().what:
        {"tokens": tokens, "length": length, "batch": batch, "quotes": quotes}[what]()


if __name__ == "__main__":
    main()
