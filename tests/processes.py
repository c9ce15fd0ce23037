"""What the tests read of this process's children from ``/proc`` (Linux)."""

from __future__ import annotations

import os
from pathlib import Path


def niceness_of_descendants() -> dict[int, int]:
    """``{pid: niceness}`` of every live descendant of this process, read from ``/proc``."""
    parents: dict[int, int] = {}
    nice: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:  # ended meanwhile
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        parents[int(entry.name)] = int(fields[1])
        nice[int(entry.name)] = int(fields[16])
    found: dict[int, int] = {}
    todo = [os.getpid()]
    while todo:
        parent = todo.pop()
        for pid, of in parents.items():
            if of == parent:
                found[pid] = nice[pid]
                todo.append(pid)
    return found
