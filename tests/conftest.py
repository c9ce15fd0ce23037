"""Settings every test shares.

The CLI speaks the process locale where a command has no language option
(``liqa.cli.common.process_language``): tests that expect its English words must not
depend on the locale of the machine that runs them, so the locale variables are set to
``C.UTF-8`` (English) for the whole run. A test that wants another language sets them
itself (``monkeypatch.setenv`` or a subprocess's ``env``).
"""

from __future__ import annotations

import os

for _variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "C.UTF-8"
