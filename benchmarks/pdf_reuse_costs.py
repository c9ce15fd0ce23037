"""Benchmark: what the outputs zip's PDF reuse and its workers' priority cost (H6).

``fonts``
    :func:`liqa.core.outputs.pdf.fonts_digest` (part of every PDF's reuse key) in a fresh
    interpreter, each run in its own process (it is computed once per process), against
    one small PDF rendered in a warm process.
``kept``
    :class:`liqa.web.scheduling.exports.KeptPdfs` over an event folder of synthetic zips
    shaped as the demo's (351 members, 78 PDFs, a ``.pdfs.json`` of 78 keys beside each):
    reading the keys of 1 to 200 zips, and taking the 78 PDFs of the newest zip, each zip
    opened once (now) or once per PDF (the code before ``aed3462``, done here inline).
``nice``
    ``--docs`` documents rendered by a pool of 2 workers 10 nice steps below this process:
    unbounded (nice 19 under a process at 9 or more: the code before) and bounded at nice
    10 (``exports.PDF_MAX_NICENESS``), alternating, ``--runs`` times each; wall seconds.
    Meaningful under load only (run it with ``nice -n 15`` beside other work).

::

    nice -n 15 uv run python benchmarks/pdf_reuse_costs.py fonts kept nice --runs 3
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

FONTS = (
    "import time; t = time.perf_counter()\n"
    "from liqa.core.outputs.pdf import fonts_digest; fonts_digest()\n"
    "print(time.perf_counter() - t)\n"
)
"""Times the digest alone: the module is imported first (its own cost is not the digest's)."""


AGENDA = (
    "<html><body>"
    + "".join(
        f"<h2>Day {d}</h2>" + "<p>09:00–10:00 · Meeting with a partner, Casablanca</p>" * 30
        for d in range(4)
    )
    + "</body></html>"
)
"""A document of an agenda's size (four days, a few pages)."""


def fonts(runs: int) -> None:
    from liqa.core.outputs.pdf import WARM_UP, html_to_pdf

    code = "from liqa.core.outputs import pdf\n" + FONTS
    took = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    html_to_pdf(WARM_UP)  # warm: fonts and stylesheet loaded
    start = time.perf_counter()
    for _ in range(runs):
        html_to_pdf(AGENDA)
    pdf = (time.perf_counter() - start) / runs
    print(
        f"fonts_digest, fresh process: {min(took) * 1000:.1f}-{max(took) * 1000:.1f} ms; "
        f"one agenda-sized PDF, warm: {pdf * 1000:.0f} ms"
    )


def _zips(folder: Path, count: int) -> list[list[str]]:
    """``count`` zips shaped as the demo's; the keys of each one's PDFs."""
    from liqa.web.scheduling.exports import PDF_KEYS

    blob = os.urandom(30_000)
    keys = []
    for number in range(1, count + 1):
        name = f"v{number}-{hashlib.sha256(str(number).encode()).hexdigest()[:20]}"
        named = {}
        with zipfile.ZipFile(folder / f"{name}.zip", "w") as archive:
            for i in range(351):
                member = f"{('ar', 'fr', 'en')[i % 3]}/file{i}" + (".pdf" if i < 78 else ".ics")
                archive.writestr(member, blob[: 1000 + i])
                if i < 78:
                    named[member] = hashlib.sha256(f"{number}-{i}".encode()).hexdigest()
        (folder / f"{name}{PDF_KEYS}").write_text(json.dumps(named), encoding="utf-8")
        keys.append(list(named.values()))
    return keys


def kept(runs: int) -> None:
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "liqa.web.settings")
    django.setup()
    from liqa.web.scheduling.exports import KeptPdfs

    print(
        "| zips in the folder | keys read, ms | 78 PDFs, each zip opened once, ms "
        "| 78 PDFs, a zip opened per PDF, ms |\n|---|---|---|---|"
    )
    for count in (1, 10, 50, 200):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            newest = _zips(folder, count)[-1]
            read = once = each = float("inf")
            for _ in range(runs):
                start = time.perf_counter()
                with KeptPdfs(folder) as found:
                    read = min(read, time.perf_counter() - start)
                    start = time.perf_counter()
                    assert all(found(key) is not None for key in newest)
                    once = min(once, time.perf_counter() - start)
                start = time.perf_counter()
                for key in newest:  # as the code before: the zip opened for each PDF
                    zipped, member = found.found[key]
                    with zipfile.ZipFile(zipped) as archive:
                        archive.read(member)
                each = min(each, time.perf_counter() - start)
            print(f"| {count} | {read * 1000:.1f} | {once * 1000:.1f} | {each * 1000:.1f} |")


def nice(runs: int, docs: int) -> None:
    from liqa.core.outputs.pdf import PdfJob, PdfPool, bounded_niceness

    html = AGENDA
    parent = os.nice(0)
    sides = {"unbounded (before)": 19, "bounded at 10": 10}
    took: dict[str, list[float]] = {side: [] for side in sides}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(runs):
            for side, ceiling in sides.items():
                start = time.perf_counter()
                with PdfPool(2, 10, max_niceness=ceiling) as pool:
                    for n in range(docs):
                        pool.submit(PdfJob(html + f"<!-- {n} -->", Path(tmp) / f"{n}.pdf"))
                    pool.finish()
                took[side].append(time.perf_counter() - start)
    load = os.getloadavg()[0]
    for side, ceiling in sides.items():
        level = bounded_niceness(parent, 10, ceiling)
        walls = ", ".join(f"{t:.1f}" for t in took[side])
        print(
            f"{side}: this process at nice {parent}, workers at {level}: "
            f"{docs} PDFs in {walls} s (load {load:.1f} at the end)"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("measures", nargs="+", choices=["fonts", "kept", "nice"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--docs", type=int, default=16)
    args = parser.parse_args()
    for measure in args.measures:
        if measure == "fonts":
            fonts(args.runs)
        elif measure == "kept":
            kept(args.runs)
        else:
            nice(args.runs, args.docs)


if __name__ == "__main__":
    main()
