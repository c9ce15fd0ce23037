"""Same-language text similarity: TF-IDF vectors over stems, compared by cosine.

A weaker signal than themes: it only compares texts written in the same language, and
rewards shared wording (product names, niche terms) that the thesaurus does not list.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liqa.core.matching.normalize import tokens

type Matrix = npt.NDArray[np.float32]


@dataclass(frozen=True)
class TfidfSpace:
    """L2-normalized TF-IDF rows of every party that has text in one language.

    ``rows[i]`` is the row of party ``i`` (all zeros when it has no text in the language).
    Only stems found in two or more texts are kept as columns: the others cannot make two
    texts alike, though they still count in each row's length.
    """

    lang: str
    vocabulary: Mapping[str, int]
    rows: Matrix


def tfidf_space(texts: Sequence[str | None], lang: str) -> TfidfSpace:
    """Build the space of ``texts`` (one per party; ``None`` or ``""`` for no text)."""
    bags = [Counter(tokens(text, lang)) if text else Counter[str]() for text in texts]
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n_docs = sum(1 for bag in bags if bag)
    vocabulary = {term: i for i, term in enumerate(sorted(t for t, n in df.items() if n >= 2))}
    rows = np.zeros((len(bags), len(vocabulary)), dtype=np.float32)
    for i, bag in enumerate(bags):
        if not bag:
            continue
        weights = {
            term: (1.0 + math.log(count)) * (math.log((1 + n_docs) / (1 + df[term])) + 1.0)
            for term, count in bag.items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        for term, weight in weights.items():
            column = vocabulary.get(term)
            if column is not None:
                rows[i, column] = weight / norm
    return TfidfSpace(lang, vocabulary, rows)


def similarity(space: TfidfSpace, rows: slice | Sequence[int]) -> Matrix:
    """Cosine similarity of the given parties (rows) with every party (columns)."""
    block: Matrix = space.rows[rows] @ space.rows.T
    return block
