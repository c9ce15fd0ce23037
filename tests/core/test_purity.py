"""The core must never import Django: the web app is a shell around it."""

import subprocess
import sys


def test_core_imports_no_django() -> None:
    code = (
        "import pkgutil, importlib, sys, liqa.core\n"
        "for m in pkgutil.walk_packages(liqa.core.__path__, 'liqa.core.'):\n"
        "    importlib.import_module(m.name)\n"
        "bad = sorted(n for n in sys.modules if n == 'django' or n.startswith('django.'))\n"
        "print(len(bad), bad[:5])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "0 []"
