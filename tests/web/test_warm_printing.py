"""Warming before serving also imports what the first report.pdf needs (WeasyPrint, the
report's charts with matplotlib), so gunicorn's workers inherit it; the fonts are not
loaded there (Pango and fontconfig are each worker's own)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

CHILD = """
import json, os, sys
os.environ.update({"LIQA_DATA_DIR": sys.argv[1], "DATABASE_URL": "",
                   "LIQA_LOG_LEVEL": "WARNING"})
from liqa.web import runtime
runtime.configure()
runtime.migrate()
names = ("weasyprint", "matplotlib", "liqa.core.outputs.charts")
before = [name in sys.modules for name in names]
from liqa.web.agendas.warm import warm
warm(0)
from liqa.core.outputs import pdf
print(json.dumps({"before": before, "after": [name in sys.modules for name in names],
                  "fonts": pdf._renderer.cache_info().currsize}))
"""


def test_warming_imports_the_pdf_and_chart_libraries_but_loads_no_fonts(
    tmp_path: Path,
) -> None:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    found = json.loads(done.stdout.strip().splitlines()[-1])
    assert found == {"before": [False, False, False], "after": [True, True, True], "fonts": 0}
