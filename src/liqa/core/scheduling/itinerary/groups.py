"""Splitting the delegation into subgroups: themes close together, rules respected.

Members who must stay together form one block; blocks are dealt to at most ``K`` groups,
largest first, each to the group whose members share most of its themes, never into a
group holding someone it must stay apart from, and with the smaller group preferred on ties
so that sizes stay balanced. Groups below the minimum size are merged into the others.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from liqa.core.model import Event, Person


@dataclass(frozen=True)
class Subgroup:
    """A named set of delegation members who travel in one vehicle."""

    id: str
    members: tuple[str, ...]


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


def split_delegation(event: Event, members: Sequence[Person]) -> list[Subgroup]:
    """At most ``event.subgroups_max`` subgroups of ``members`` (one when K = 1)."""
    ids = [p.id for p in members]
    k = max(1, min(event.subgroups_max, len(ids) // max(1, event.subgroup_min_size) or 1))
    if k == 1:
        return [Subgroup("all", tuple(ids))]
    themes = {p.id: member_themes(event, p) for p in members}
    apart = [set(group) for group in event.apart]
    groups: list[list[str]] = [[] for _ in range(k)]
    for block in _blocks(members, event.together):
        block_themes = frozenset().union(*(themes[pid] for pid in block))

        def score(
            g: list[str], block: list[str] = block, bt: frozenset[str] = block_themes
        ) -> tuple[bool, float]:
            clash = any(rule & set(g) and rule & set(block) for rule in apart)
            shared = sum(len(bt & themes[pid]) for pid in g)
            return (not clash, 2.0 * shared / (1 + len(g)) - len(g))

        best = max(range(k), key=lambda i: score(groups[i]))
        groups[best].extend(block)
    groups = [g for g in groups if g]
    small = [g for g in groups if len(g) < event.subgroup_min_size]
    if small and len(groups) > 1:
        keep = [g for g in groups if len(g) >= event.subgroup_min_size] or [groups[0]]
        for g in small:
            if g in keep:
                continue
            target = min(keep, key=len)
            target.extend(g)
        groups = keep
    order = {pid: i for i, pid in enumerate(ids)}
    return [
        Subgroup(f"group-{chr(ord('a') + i)}", tuple(sorted(g, key=order.__getitem__)))
        for i, g in enumerate(groups)
    ]
