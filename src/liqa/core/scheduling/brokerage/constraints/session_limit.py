"""At most ``max_meetings_per_session`` meetings per participant in one session."""

from __future__ import annotations

from collections import defaultdict

from liqa.core.problems import Message
from liqa.core.scheduling.brokerage.context import ModelContext
from liqa.core.scheduling.brokerage.problem import Problem, Timetable, Violation

LABEL = "session_limit"


def post(ctx: ModelContext) -> None:
    """Per participant and session: sum of their meetings' literals ≤ the limit."""
    problem = ctx.problem
    index = {m.id: i for i, m in enumerate(problem.meetings)}
    for pid, mine in problem.meetings_of().items():
        limit = problem.session_limit(pid)
        if limit is None:
            continue
        per_session: dict[str, list[object]] = defaultdict(list)
        for meeting in mine:
            i = index[meeting.id]
            for t in ctx.domains[i]:
                per_session[problem.slots[t].session].append(ctx.x[i, t])
        for session, lits in per_session.items():
            if len(lits) > limit:
                ctx.model.add(sum(lits) <= limit).with_name(f"{LABEL}[{pid},{session}]")  # type: ignore[arg-type]


def violations(problem: Problem, timetable: Timetable) -> list[Violation]:
    """Every participant and session over the limit."""
    meetings = {m.id: m for m in problem.meetings}
    known = {p.id for p in problem.participants}
    count: dict[tuple[str, str], list[str]] = defaultdict(list)
    for placement in timetable.placements:
        meeting = meetings.get(placement.meeting)
        if meeting is None or not 0 <= placement.slot < len(problem.slots):
            continue
        for pid in meeting.people:
            count[pid, problem.slots[placement.slot].session].append(meeting.id)
    out = []
    for (pid, s), mids in sorted(count.items()):
        limit = problem.session_limit(pid) if pid in known else problem.max_meetings_per_session
        if limit is None or len(mids) <= limit:
            continue
        out.append(
            Violation(
                LABEL,
                Message(
                    "{participant} has {count} meetings in session {session} (limit {limit})",
                    participant=problem.label(pid),
                    count=len(mids),
                    session=s,
                    limit=limit,
                ),
                tuple(mids),
            )
        )
    return out
