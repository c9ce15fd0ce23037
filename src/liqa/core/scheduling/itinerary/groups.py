"""Splitting the delegation into subgroups: themes close together, rules respected.

Members who must stay together form one block; blocks are dealt to at most ``K`` groups,
largest first, each to the group whose members share most of its themes, never into a
group holding someone it must stay apart from, and with the smaller group preferred on ties
so that sizes stay balanced. Groups below the minimum size are merged into the others.

Each day may split differently (:func:`day_partitions`): the mission-wide split, everyone
together, and splits that group the members by the themes of the hosts open that day; and
the afternoon may split differently from the morning (:class:`DaySplit`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from liqa.core.model import Event, Person


@dataclass(frozen=True)
class Subgroup:
    """A named set of delegation members who travel in one vehicle."""

    id: str
    members: tuple[str, ...]


Partition = tuple[Subgroup, ...]
"""One way to split the delegation: subgroups with disjoint members covering everyone."""

EVERYONE = "all"
"""Id of the subgroup that holds the whole delegation."""

GROUP_PREFIX = "group-"
"""Ids of the subgroups that split the delegation: ``group-a``, ``group-b``, …"""


def subgroup_id(n: int) -> str:
    """The id of the ``n``-th subgroup (from 0): ``group-a`` … ``group-z``, ``group-aa``."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return GROUP_PREFIX + out


def first_free_id(taken: Collection[str]) -> str:
    """The first subgroup id (``group-a``, then ``group-b``, …) not in ``taken``."""
    n = 0
    while subgroup_id(n) in taken:
        n += 1
    return subgroup_id(n)


def subgroup_letters(group_id: str) -> str | None:
    """The letters of a subgroup id (``"b"`` for ``group-b``), or None for an id of another
    form (``all``, or one a caller chose)."""
    letters = group_id.removeprefix(GROUP_PREFIX)
    if group_id.startswith(GROUP_PREFIX) and letters.isascii() and letters.isalpha():
        return letters
    return None


@dataclass(frozen=True)
class DaySplit:
    """A day segment's split in the morning and in the afternoon (the same: all day)."""

    morning: Partition
    afternoon: Partition

    @classmethod
    def whole(cls, partition: Partition) -> DaySplit:
        """One split for the whole segment."""
        return cls(partition, partition)

    @property
    def same(self) -> bool:
        """True when the afternoon keeps the morning's subgroups (no regroup at lunch)."""
        return _key(self.morning) == _key(self.afternoon)

    def halves(self) -> list[tuple[str, Partition]]:
        """(``""``, split) for a whole-day split, else ("morning", ...), ("afternoon", ...)."""
        if self.same:
            return [("", self.morning)]
        return [("morning", self.morning), ("afternoon", self.afternoon)]


def _key(partition: Partition) -> frozenset[frozenset[str]]:
    return frozenset(frozenset(g.members) for g in partition)


@dataclass(frozen=True)
class FixedSplits:
    """Splits decided beforehand (e.g. kept from a previous plan), not searched for.

    ``by_segment`` maps a segment's key (local day, leg id) to its split; every other
    segment uses ``default``. ``by_half`` gives the (morning, afternoon) splits of segments
    whose subgroups changed at lunch.
    """

    default: Partition
    by_segment: Mapping[tuple[date, str], Partition] = field(default_factory=dict)
    by_half: Mapping[tuple[date, str], tuple[Partition, Partition]] = field(default_factory=dict)

    def split_for(self, key: tuple[date, str]) -> Partition:
        """The split of the segment with this key."""
        return self.by_segment.get(key, self.default)

    def day_split_for(self, key: tuple[date, str]) -> DaySplit:
        """The morning and afternoon splits of the segment with this key."""
        if key in self.by_half:
            return DaySplit(*self.by_half[key])
        return DaySplit.whole(self.split_for(key))


def member_themes(event: Event, person: Person) -> frozenset[str]:
    """A member's themes: their own and their organization's."""
    org_themes: tuple[str, ...] = ()
    try:
        org_themes = event.organization(person.organization).themes
    except KeyError:
        org_themes = ()
    return frozenset(person.themes) | frozenset(org_themes)


def _blocks(people: Sequence[Person], together: Sequence[Sequence[str]]) -> list[list[str]]:
    parent = {p.id: p.id for p in people}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for group in together:
        present = [pid for pid in group if pid in parent]
        for other in present[1:]:
            parent[find(other)] = find(present[0])
    blocks: dict[str, list[str]] = {}
    for person in people:
        blocks.setdefault(find(person.id), []).append(person.id)
    return sorted(blocks.values(), key=lambda b: (-len(b), b[0]))


def split_delegation(
    event: Event,
    members: Sequence[Person],
    focus: frozenset[str] | None = None,
    count: int | None = None,
) -> list[Subgroup]:
    """At most ``event.subgroups_max`` subgroups of ``members`` (one when K = 1).

    ``focus`` limits the themes that bring members together (e.g. the themes of one day's
    hosts); ``count`` asks for fewer subgroups than the maximum.
    """
    ids = [p.id for p in members]
    most = event.subgroups_max if count is None else min(count, event.subgroups_max)
    k = max(1, min(most, len(ids) // max(1, event.subgroup_min_size) or 1))
    cap = event.subgroup_max_size or len(ids)
    k = max(1, min(max(1, event.subgroups_max), max(k, -(-len(ids) // max(1, cap)))))
    if k == 1:
        return [Subgroup(EVERYONE, tuple(ids))]
    themes = {p.id: member_themes(event, p) for p in members}
    if focus is not None:
        themes = {pid: t & focus for pid, t in themes.items()}
    apart = [set(group) for group in event.apart]
    groups: list[list[str]] = [[] for _ in range(k)]
    for block in _blocks(members, event.together):
        block_themes = frozenset().union(*(themes[pid] for pid in block))

        def score(
            g: list[str], block: list[str] = block, bt: frozenset[str] = block_themes
        ) -> tuple[bool, bool, float]:
            clash = _clash(apart, g, block)
            fits = len(g) + len(block) <= cap
            shared = sum(len(bt & themes[pid]) for pid in g)
            return (not clash, fits, 2.0 * shared / (1 + len(g)) - len(g))

        best = max(range(k), key=lambda i: score(groups[i]))
        groups[best].extend(block)
    groups = _merge_small([g for g in groups if g], event.subgroup_min_size, apart)
    order = {pid: i for i, pid in enumerate(ids)}
    return [
        Subgroup(subgroup_id(i), tuple(sorted(g, key=order.__getitem__)))
        for i, g in enumerate(groups)
    ]


def _clash(apart: Sequence[set[str]], group: Iterable[str], block: Iterable[str]) -> bool:
    here, there = set(group), set(block)
    return any(rule & here and rule & there for rule in apart)


def _merge_small(groups: list[list[str]], min_size: int, apart: list[set[str]]) -> list[list[str]]:
    """Groups below ``min_size`` join the smallest group they may join (apart rules)."""
    small = [g for g in groups if len(g) < min_size]
    if not small or len(groups) == 1:
        return groups
    keep = [g for g in groups if len(g) >= min_size] or [groups[0]]
    for g in small:
        if g in keep:
            continue
        allowed = [t for t in keep if not _clash(apart, t, g)] or keep
        min(allowed, key=len).extend(g)
    return keep


def day_partitions(
    event: Event,
    members: Sequence[Person],
    mission_wide: Partition,
    focus: frozenset[str],
) -> list[Partition]:
    """Candidate splits for one day, the mission-wide one first, without repeats.

    Everyone together, then splits into ``K`` (and two, when ``K > 2``) subgroups by the
    ``focus`` themes (the hosts open that day). Rules are not checked here: the caller
    drops candidates that break them.
    """
    candidates: list[Partition] = [mission_wide]
    if event.subgroups_max > 1:
        candidates.append((Subgroup(EVERYONE, tuple(p.id for p in members)),))
        counts = sorted({event.subgroups_max, 2}, reverse=True)
        for count in counts:
            candidates.append(tuple(split_delegation(event, members, focus, count)))
    out: list[Partition] = []
    seen: set[frozenset[frozenset[str]]] = set()
    for partition in candidates:
        key = frozenset(frozenset(g.members) for g in partition)
        if key not in seen:
            seen.add(key)
            out.append(partition)
    return out
