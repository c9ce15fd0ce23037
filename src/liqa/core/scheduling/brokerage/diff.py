"""What changed between two timetables: moved, dropped and added meetings, per person."""

from __future__ import annotations

from dataclasses import dataclass

from liqa.core.scheduling.brokerage.problem import Placement, Problem, Timetable


@dataclass(frozen=True)
class Change:
    """One meeting whose slot or table changed, or that appeared or disappeared."""

    meeting: str
    before: Placement | None
    after: Placement | None

    @property
    def kind(self) -> str:
        """``moved`` (slot or table changed), ``dropped`` or ``added``."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "dropped"
        return "moved"


@dataclass(frozen=True)
class ScheduleDiff:
    """Every change, and for each person the meetings of theirs that changed."""

    changes: tuple[Change, ...]
    per_person: dict[str, tuple[str, ...]]

    def ids(self, kind: str) -> list[str]:
        """Meeting ids of one kind of change, sorted."""
        return sorted(c.meeting for c in self.changes if c.kind == kind)

    @property
    def moved(self) -> list[str]:
        """Meetings placed in both timetables with another slot or table."""
        return self.ids("moved")

    @property
    def dropped(self) -> list[str]:
        """Meetings of the previous timetable that are no longer placed."""
        return self.ids("dropped")

    @property
    def added(self) -> list[str]:
        """Meetings placed now that were not placed before."""
        return self.ids("added")


def diff(
    previous: Timetable, current: Timetable, problem: Problem, old_problem: Problem | None = None
) -> ScheduleDiff:
    """Compare ``previous`` with ``current``; people come from ``problem`` (and ``old_problem``
    for meetings that no longer exist)."""
    before, after = previous.by_meeting(), current.by_meeting()
    people = {}
    for source in (old_problem, problem):
        if source is not None:
            people.update({m.id: m.people for m in source.meetings})
    changes = []
    for mid in sorted(set(before) | set(after)):
        b, a = before.get(mid), after.get(mid)
        if b is not None and a is not None and (b.slot, b.table) == (a.slot, a.table):
            continue
        changes.append(Change(mid, b, a))
    per_person: dict[str, list[str]] = {}
    for change in changes:
        for pid in people.get(change.meeting, ()):
            per_person.setdefault(pid, []).append(change.meeting)
    return ScheduleDiff(tuple(changes), {p: tuple(v) for p, v in sorted(per_person.items())})
