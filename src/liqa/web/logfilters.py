"""Keep personal data out of logs: e-mail addresses and secrets in URLs are redacted.

Used by ``LOGGING`` in the settings (filter ``redact``). Secrets are the magic sign-in
links (``/accounts/link/<secret>/``), the private calendar feeds (``/feeds/<secret>.ics``)
and any ``token=``, ``secret=`` or ``key=`` query parameter; API tokens after ``Token``.
"""

from __future__ import annotations

import logging
import re

REDACTED = "[redacted]"

_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(/accounts/link/)[^/\s\"'?#]+"), rf"\1{REDACTED}"),
    (re.compile(r"(/feeds/)[^/\s\"'?#]+?(\.ics)"), rf"\1{REDACTED}\2"),
    (re.compile(r"([?&](?:token|secret|key)=)[^&\s\"'#]+", re.IGNORECASE), rf"\1{REDACTED}"),
    (re.compile(r"(\bToken\s+)[0-9a-fA-F]{20,}"), rf"\1{REDACTED}"),
)


def redact(text: str) -> str:
    """``text`` with e-mail addresses and URL secrets replaced by placeholders."""
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


class RedactPersonalData(logging.Filter):
    """Rewrite a record's message (and traceback) with :func:`redact`; never drops one."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact ``record`` in place so every later handler sees the redacted text."""
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        return True
