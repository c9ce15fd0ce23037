"""Background tasks: thin wrappers that take ids and call the services."""

from __future__ import annotations

from django.tasks import task

from liqa.web.scheduling import services


@task()
def plan_run(run_id: int) -> None:
    """Execute the scheduler run with this id (see :func:`services.execute_run`)."""
    services.execute_run(run_id)
