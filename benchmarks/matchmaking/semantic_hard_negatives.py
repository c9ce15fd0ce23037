"""Hard negatives in a top 5 with the semantic signal off and on, by kind (competitor,
segment, exclusion …); the pairs themselves are listed for the *dev* queries only.

    nice -n 15 uv run python benchmarks/matchmaking/semantic_hard_negatives.py
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from liqa.core.matching.evalset import load_dataset
from liqa.core.matching.recommend import build_matcher, ranked_ids
from liqa.core.matching.rules import MatchRules
from liqa.core.matching.scoring import MatchSettings

HERE = Path(__file__).resolve().parent
SETS = {"v2": HERE / "v2" / "evalset.yaml", "v3": HERE / "v3" / "evalset.yaml"}


def main() -> None:
    for name, path in SETS.items():
        ds = load_dataset(path)
        relevant = ds.relevant()
        queries = [p.id for p in ds.parties if p.id in relevant]
        tops = {}
        for label, weight in (("off", 0.0), ("on", MatchSettings().semantic_weight)):
            matcher = build_matcher(ds.parties, MatchRules(), MatchSettings(semantic_weight=weight))
            tops[label] = {
                q: items[:5] for q, items in ranked_ids(matcher, 5, readers=queries).items()
            }
        for split in ("dev", "test"):
            counts: dict[str, Counter[str]] = {"off": Counter(), "on": Counter()}
            listed = []
            for neg in ds.hard_negatives:
                for q, other in ((neg.a, neg.b), (neg.b, neg.a)):
                    if q not in relevant or ds.splits.get(q) != split:
                        continue
                    for label in ("off", "on"):
                        if other in tops[label].get(q, []):
                            counts[label][neg.kind] += 1
                    if split == "dev" and other in tops["on"][q] and other not in tops["off"][q]:
                        listed.append(f"  {q} → {other} ({neg.kind}): {neg.why}")
            kinds = sorted(set(counts["off"]) | set(counts["on"]))
            words = ", ".join(f"{k} {counts['off'][k]} → {counts['on'][k]}" for k in kinds)
            total = f"{sum(counts['off'].values())} → {sum(counts['on'].values())}"
            print(f"{name} {split}: hard negatives in a top 5, off → on: {total} ({words})")
            for line in listed:
                print(line)


if __name__ == "__main__":
    main()
