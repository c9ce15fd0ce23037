"""Scheduling: run records, background tasks, schedule versions, pins and publishing."""
