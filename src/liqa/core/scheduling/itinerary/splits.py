"""The candidate splits of the delegation for each day segment, named once for the mission.

A segment's options are its candidate splits kept all day, then, where the subgroups can
regroup for lunch, every (morning, afternoon) pair of two different candidates.
"""

from __future__ import annotations

from collections.abc import Sequence

from liqa.core.model import Event, Person
from liqa.core.scheduling.itinerary.check import check_partitions
from liqa.core.scheduling.itinerary.groups import (
    EVERYONE,
    DaySplit,
    FixedSplits,
    Partition,
    Subgroup,
    day_partitions,
    first_free_id,
    split_delegation,
)
from liqa.core.scheduling.itinerary.reach import Reach
from liqa.core.scheduling.itinerary.segments import Segment


def segment_splits(
    event: Event,
    members: list[Person],
    segments: list[Segment],
    groups: Sequence[Subgroup] | FixedSplits | None,
    visit_themes: list[set[str]],
    reach: list[Reach],
    regroups: Sequence[bool] = (),
) -> tuple[list[tuple[DaySplit, ...]], list[int]]:
    """Per segment, its candidate day splits; and the segments where none keeps every rule.

    Fixed ``groups`` give each segment one split (or morning and afternoon splits where
    the segment can regroup, ``regroups[s]``). Otherwise each segment offers the
    candidates of :func:`day_partitions` for the themes of the visits it can reach
    (``reach[s][i]``: a reason it cannot, and the visit's window), those that
    :func:`check_partitions` accepts, named so that one id stands for one set of members
    over the whole mission (where none is accepted, the mission-wide split is kept): each
    all day first, in that order, then, where ``regroups[s]``, every ordered pair of two
    of them as (morning, afternoon).
    """
    can = list(regroups) or [False] * len(segments)
    if groups is not None:
        fixed = groups if isinstance(groups, FixedSplits) else FixedSplits(tuple(groups))
        out_fixed: list[tuple[DaySplit, ...]] = []
        for s, seg in enumerate(segments):
            split = fixed.day_split_for(seg.key)
            out_fixed.append((split if can[s] else DaySplit.whole(split.morning),))
        return out_fixed, []
    mission_wide = tuple(split_delegation(event, members))
    names = _Names(mission_wide)
    out: list[tuple[DaySplit, ...]] = []
    unsplittable: list[int] = []
    for s, segment in enumerate(segments):
        focus = frozenset(
            theme
            for idx, themes in enumerate(visit_themes)
            if reach[s][idx][0] is None and reach[s][idx][1] is not None
            for theme in themes
        )
        candidates = day_partitions(event, members, mission_wide, focus)
        valid = [p for p in candidates if not check_partitions(event, [(segment.label, p)])]
        if not valid:
            unsplittable.append(s)
            valid = candidates[:1]
        named = [names.partition(p) for p in valid]
        options = [DaySplit.whole(p) for p in named]
        if can[s]:
            options += [DaySplit(a, b) for a in named for b in named if a is not b]
        out.append(tuple(options))
    return out, unsplittable


class _Names:
    """One id per set of members: the mission-wide split's ids first, then each new set the
    first letter not taken yet (``all`` takes none), so that no letter is skipped."""

    def __init__(self, mission_wide: Partition) -> None:
        self.ids: dict[frozenset[str], str] = {frozenset(g.members): g.id for g in mission_wide}
        self.used = set(self.ids.values())

    def partition(self, partition: Partition) -> Partition:
        return tuple(Subgroup(self._id(g), g.members) for g in partition)

    def _id(self, group: Subgroup) -> str:
        key = frozenset(group.members)
        if key not in self.ids:
            everyone = group.id == EVERYONE and EVERYONE not in self.used
            name = EVERYONE if everyone else first_free_id(self.used)
            self.ids[key] = name
            self.used.add(name)
        return self.ids[key]
