"""Events: the core's records stored as rows, the mission-file import and the public page."""
