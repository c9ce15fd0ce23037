"""Background tasks: thin wrappers that take ids and call the services."""

from __future__ import annotations

from django.tasks import task

from liqa.web.scheduling import exports, services


@task()
def plan_run(run_id: int) -> None:
    """Execute the scheduler run with this id (see :func:`services.execute_run`)."""
    services.execute_run(run_id)


@task()
def build_outputs_task(version_id: int) -> None:
    """Build the outputs zip of the version with this id (see :func:`exports.build_outputs`)."""
    exports.build_outputs(version_id)
