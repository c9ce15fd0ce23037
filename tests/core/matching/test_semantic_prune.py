"""Embedder.prune: removes this model's stored vectors that are not kept and older than the
grace period, and nothing else (real model, real files)."""

from __future__ import annotations

import time
from pathlib import Path

from liqa.core.matching.semantic import Embedder

KEPT, EDITED_AWAY = "Mobile payments for merchants.", "Dairy farming equipment."


def _files(store: Path) -> set[str]:
    return {path.stem for path in store.glob("*/*.f32")}


def test_prune_removes_only_this_models_old_vectors_not_kept(tmp_path: Path) -> None:
    store = tmp_path / "embeddings"
    embedder = Embedder(store)
    embedder.embed([KEPT, EDITED_AWAY], "passage")
    other = Embedder(store, model="another-model/v0")
    other.embed([EDITED_AWAY], "passage")
    keep = embedder.keys([KEPT], "passage")
    away = embedder.keys([EDITED_AWAY], "passage")
    foreign = other.keys([EDITED_AWAY], "passage")
    assert keep | away | foreign == _files(store)

    assert embedder.prune(keep, grace=3600) == 0  # written just now: within the grace
    assert embedder.prune(keep, grace=3600, now=time.time() + 7200) == 1

    assert _files(store) == keep | foreign
    assert Embedder(store).has([KEPT], "passage")
    assert not Embedder(store).has([EDITED_AWAY], "passage")
    assert embedder.prune(keep, grace=0, now=time.time() + 7200) == 0


def test_vectors_stored_before_the_list_stay_unless_kept_and_then_are_listed(
    tmp_path: Path,
) -> None:
    store = tmp_path / "embeddings"
    embedder = Embedder(store)
    embedder.embed([KEPT, EDITED_AWAY], "passage")
    for listed in store.glob("keys-*.txt"):  # as a store written before the list existed
        listed.unlink()
    keep = embedder.keys([KEPT], "passage")
    later = time.time() + 7200
    assert embedder.prune(set(), grace=0, now=later) == 0  # whose model: unknown
    assert len(_files(store)) == 2
    assert embedder.prune(keep, grace=0, now=later) == 0  # the kept one is now listed
    assert embedder.prune(set(), grace=0, now=later) == 1
    assert _files(store) == embedder.keys([EDITED_AWAY], "passage")
