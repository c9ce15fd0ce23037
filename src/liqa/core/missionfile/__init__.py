"""The mission file: a human-editable YAML (or JSON) description of a whole event.

Reading reports every problem at once, each with file, line, field path and a hint;
writing produces a file that loads back to an equal :class:`~liqa.core.model.Event`.
The format is documented in ``docs/reference/mission-file.md`` and its JSON Schema is
``mission.schema.json`` in this package.
"""

from __future__ import annotations

from liqa.core.missionfile.loading import load_event, parse_event, validate_file, validate_text
from liqa.core.missionfile.reading import MAX_BYTES
from liqa.core.missionfile.schema import mission_schema
from liqa.core.missionfile.summary import summary
from liqa.core.missionfile.writing import dump_event, dumps_event, event_to_data

__all__ = [
    "MAX_BYTES",
    "dump_event",
    "dumps_event",
    "event_to_data",
    "load_event",
    "mission_schema",
    "parse_event",
    "summary",
    "validate_file",
    "validate_text",
]
