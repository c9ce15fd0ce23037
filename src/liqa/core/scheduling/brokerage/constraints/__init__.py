"""One module per family of brokerage constraints.

Each family has a ``LABEL`` (or several), a ``post(ctx)`` that adds it to a CP-SAT model and
a ``violations(problem, timetable)`` that checks a finished timetable independently of
any solver. The greedy baseline and :func:`check_schedule` use the same definitions.
"""
