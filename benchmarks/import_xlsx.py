"""Benchmark: import a 2,000-row XLSX of participants with ``liqa import``.

Generates a workbook as organizers keep it (French and Arabic headers, Arabic and French
names, dates and times in several formats, 150 organizations on their own sheet), then
times the real command line (``liqa import ... --out mission.yaml``, start-up and
writing the mission file included) and the core import alone, and writes
``benchmarks/results/import.md``.

    uv run python benchmarks/import_xlsx.py [--rows 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from openpyxl import Workbook

from liqa.core.model import Event, EventKind, Leg
from liqa.core.spreadsheets import import_event

RESULTS = Path(__file__).parent / "results" / "import.md"
NOTE = (
    "How to read it: the command's time is its start-up (importing every command module of "
    "`liqa`, see the `--help` row) plus the core import (reading and checking the rows) plus "
    "writing the mission file (the difference between the YAML and JSON rows is the YAML "
    "writer). The spreadsheet import itself is the last row.\n"
)
FIRST = [
    "Amal",
    "Youssef",
    "Salma",
    "Karim",
    "Nadia",
    "Hicham",
    "Sophie",
    "Jean-Marc",
    "Fatima Zahra",
    "Mehdi",
    "Léa",
    "Omar",
    "Inès",
    "Rachid",
    "Zineb",
    "Pierre",
]
LAST = [
    "Bennani",
    "El Idrissi",
    "Tazi",
    "Alaoui",
    "Chraïbi",
    "Benjelloun",
    "Martin",
    "Lefèvre",
    "Amrani",
    "Sefrioui",
    "Berrada",
    "Dubois",
    "Ouazzani",
    "Fassi-Fihri",
]
FIRST_AR = [
    "أمل",
    "يوسف",
    "سلمى",
    "كريم",
    "نادية",
    "هشام",
    "صوفي",
    "جان مارك",
    "فاطمة الزهراء",
    "مهدي",
    "ليا",
    "عمر",
    "إيناس",
    "رشيد",
    "زينب",
    "بيير",
]
SECTORS = ["Agroalimentaire", "Numérique", "Énergie", "Textile", "Logistique", "Santé"]
LANGS = ["arabe, français", "français, anglais", "ar, fr, en", "العربية", "English"]
DAY = date(2025, 3, 14)


def event() -> Event:
    """The base event: one day in Casablanca."""
    leg = Leg("casablanca", "Casablanca", "Africa/Casablanca", DAY, DAY)
    return Event("expo-2025", EventKind.TRADE_MISSION, {"fr": "Rencontres B2B"}, (leg,))


def workbook(path: Path, rows: int, seed: int = 7) -> Path:
    """A participants workbook with ``rows`` participants and their organizations."""
    rng = random.Random(seed)
    book = Workbook(write_only=True)
    orgs = book.create_sheet("Organisations")
    orgs.append(["Sigle", "Raison sociale", "الاسم بالعربية", "Côté", "Secteur", "Pays"])
    names = [f"Société {n:03d}" for n in range(150)]
    for n, name in enumerate(names):
        orgs.append(
            [
                f"ORG{n:03d}",
                name,
                f"شركة {n}",
                rng.choice(["Délégation", "hôte"]),
                rng.choice(SECTORS),
                rng.choice(["MA", "FR", "SN", "US"]),
            ]
        )
    people = book.create_sheet("Participants")
    people.append(
        [
            "Prénom",
            "Nom",
            "الاسم بالعربية",
            "Organisation",
            "Fonction",
            "Courriel",
            "Téléphone",
            "Langues",
            "Date",
            "De",
            "À",
        ]
    )
    for n in range(rows):
        first, last = rng.choice(FIRST), rng.choice(LAST)
        day: object = rng.choice(
            [
                DAY.strftime("%d/%m/%Y"),
                DAY.isoformat(),
                datetime.combine(DAY, datetime.min.time()),
                DAY.strftime("%d.%m.%Y"),
            ]
        )
        start = rng.choice(["09:00", "9h00", "9:00 AM", "08h30"])
        end = rng.choice(["17:00", "17h30", "5:00 PM", "18h00"])
        people.append(
            [
                first,
                f"{last} {n}",
                f"{rng.choice(FIRST_AR)} {n}",
                rng.choice(names),
                rng.choice(["Directeur général", "CEO", "Responsable export"]),
                f"p{n}@example.ma",
                f"+212 6{n:08d}",
                rng.choice(LANGS),
                day,
                start,
                end,
            ]
        )
    book.save(path)
    return path


def time_command(*arguments: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``python -m liqa ARGUMENTS``, from start to exit."""
    command = [sys.executable, "-m", "liqa", *arguments]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise SystemExit(
            f"liqa {arguments[0]} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return elapsed, cpu


def time_import(path: Path, out: Path) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``liqa import`` writing ``out``."""
    return time_command(
        "import",
        str(path),
        "--out",
        str(out),
        "--event-id",
        "expo-2025",
        "--event-city",
        "Casablanca",
        "--event-timezone",
        "Africa/Casablanca",
        "--event-start",
        "14/03/2025",
        "--event-end",
        "14/03/2025",
    )


def time_core(path: Path) -> tuple[float, float, int]:
    """Wall-clock and CPU seconds of the core import alone (no start-up, no mission file
    written), and the number of people imported."""
    began, cpu = time.perf_counter(), time.process_time()
    imported = import_event([path], event())
    return time.perf_counter() - began, time.process_time() - cpu, len(imported.event.people)


def main() -> None:
    """Run the benchmark and write the results file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = workbook(Path(folder) / "participants.xlsx", args.rows)
        size = path.stat().st_size
        folder_path = Path(folder)
        startup = [time_command("--help") for _ in range(args.repeat)]
        cli = [time_import(path, folder_path / "mission.yaml") for _ in range(args.repeat)]
        json_cli = [time_import(path, folder_path / "mission.json") for _ in range(args.repeat)]
        core = [time_core(path) for _ in range(args.repeat)]
    people = core[0][2]
    rows = [
        ("`liqa import … --out mission.yaml`: start-up, read, check, write YAML", cli),
        ("`liqa import … --out mission.json`: the same, writing JSON", json_cli),
        ("`liqa --help`: start-up of the command line alone", startup),
        ("core `import_event`: read and check the rows", [(w, c) for w, c, _ in core]),
    ]
    table = "\n".join(
        [
            "| measure | wall median (s) | wall max (s) | CPU median (s) | CPU max (s) |",
            "|---|---|---|---|---|",
        ]
        + [
            f"| {label} | {statistics.median(w for w, _ in runs):.2f} | "
            f"{max(w for w, _ in runs):.2f} | {statistics.median(c for _, c in runs):.2f} | "
            f"{max(c for _, c in runs):.2f} |"
            for label, runs in rows
        ]
    )
    load = os.getloadavg()[0]
    args.out.write_text(
        f"# Import benchmark: {args.rows:,}-row XLSX of participants\n\n"
        f"Generated by `uv run python benchmarks/import_xlsx.py --rows {args.rows} "
        f"--repeat {args.repeat}` on {time.strftime('%Y-%m-%d')}.\n\n"
        f"Workbook: {args.rows:,} participants (French/Arabic headers, first and last name "
        f"columns, dates as text, real date cells and four time formats) and 150 "
        f"organizations; {size / 1024:.0f} KiB. Imported people: {people:,}. Acceptance: "
        f"under 10 s.\n\n{table}\n\n"
        f"Machine: {platform.machine()}, Python {platform.python_version()}, "
        f"{os.cpu_count()} CPU cores shared with other jobs (load average {load:.1f} at the "
        f"end of the run): wall-clock time depends on that load, CPU time much less.\n\n"
        f"{NOTE}",
        encoding="utf-8",
    )
    print(args.out.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
