"""Run records and schedule versions with their assignments."""

from liqa.web.scheduling.models.notifications import Notification
from liqa.web.scheduling.models.runs import Run, RunState
from liqa.web.scheduling.models.versions import AssignmentRow, ScheduleVersion

__all__ = ["AssignmentRow", "Notification", "Run", "RunState", "ScheduleVersion"]
