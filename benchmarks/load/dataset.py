"""The load test's data: the demo mission plus a generated brokerage day, planned and published.

Run inside the load database (``DATABASE_URL`` set) by ``run.py``; it can also be run alone::

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/liqa_load \\
        uv run python benchmarks/load/dataset.py --out /tmp/users.json

It imports ``examples/morocco-us-digital-2024/mission.yaml`` and a generated brokerage event
(:func:`brokerage_day`: ``PAIRS`` host and ``PAIRS`` delegation organizations of two people
each, every delegate with accepted requests to hosts, popular hosts asked more often), runs
the scheduler on both and publishes the result, gives every person with an e-mail address a
participant account, and writes one signed-in browser session and one API token per person
to a JSON file for the load test's simulated phones.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from liqa.core import model as core

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "examples" / "morocco-us-digital-2024" / "mission.yaml"
SLUG = "load-b2b-2030"
DAY = date(2030, 10, 16)
ZONE = "Africa/Casablanca"
PAIRS = 60
"""Host organizations and delegation organizations (two people each): 4 x PAIRS people."""
REQUESTS_PER_DELEGATE = 4
TABLES = 60
LANGS = ("ar", "fr", "en")


def _at(hour: int, minute: int = 0) -> datetime:
    return datetime(DAY.year, DAY.month, DAY.day, hour, minute, tzinfo=ZoneInfo(ZONE))


def brokerage_day(seed: int = 2030) -> core.Event:
    """A one-day brokerage event with ``4 * PAIRS`` people, all with e-mail addresses.

    Each delegate asks :data:`REQUESTS_PER_DELEGATE` host people, chosen with weights
    ``1 / rank`` so that a few hosts are in demand (bookings then compete for them); every
    request is accepted. Twenty 20-minute slots in two sessions, :data:`TABLES` tables.
    """
    rng = random.Random(seed)
    orgs: list[core.Organization] = []
    people: list[core.Person] = []
    hosts: list[str] = []
    delegates: list[str] = []
    for n in range(1, PAIRS + 1):
        for side, prefix, keys in (
            (core.Side.HOST, "h", hosts),
            (core.Side.DELEGATION, "d", delegates),
        ):
            org = f"o-{prefix}{n}"
            name = f"{'Host' if prefix == 'h' else 'Delegation'} company {n}"
            orgs.append(core.Organization(org, name, side, country="MA" if prefix == "h" else "FR"))
            for k in (1, 2):
                key = f"p-{prefix}{n}-{k}"
                people.append(
                    core.Person(
                        key,
                        f"{name} person {k}",
                        org,
                        role="Director" if k == 1 else "Engineer",
                        languages=(LANGS[(n + k) % 3],),
                        email=f"{prefix}{n}-{k}@load.example",
                    )
                )
                keys.append(key)
    weights = [1 / rank for rank in range(1, len(hosts) + 1)]
    requests: list[core.MeetingRequest] = []
    for delegate in delegates:
        chosen: set[str] = set()
        while len(chosen) < REQUESTS_PER_DELEGATE:
            chosen.add(rng.choices(hosts, weights)[0])
        for host in sorted(chosen):
            requests.append(
                core.MeetingRequest(
                    f"r-{len(requests) + 1}",
                    delegate,
                    host,
                    priority=rng.choice((1, 2, 3)),
                    status=core.RequestStatus.ACCEPTED,
                )
            )
    return core.Event(
        id=SLUG,
        kind=core.EventKind.BROKERAGE,
        title={"en": "Load test B2B day", "fr": "Journée B2B (test de charge)"},
        legs=(core.Leg("casablanca", "Casablanca", ZONE, DAY, DAY),),
        venues=(core.Venue("v-hall", "Exhibition hall", "Casablanca", ZONE, fictional=True),),
        organizations=tuple(orgs),
        people=tuple(people),
        requests=tuple(requests),
        brokerage=core.BrokerageSetup(
            venue="v-hall",
            slot_minutes=20,
            tables=TABLES,
            sessions=(
                core.Session("morning", _at(9), _at(12, 20)),
                core.Session("afternoon", _at(14), _at(17, 20)),
            ),
        ),
    )


def _plan_and_publish(row: Any, time_limit: float) -> int:
    """Run the scheduler on ``row`` (in this process) and publish; the assignment count."""
    from liqa.web.scheduling import publishing
    from liqa.web.scheduling.models import Run
    from liqa.web.scheduling.services import execute_run

    run = Run.objects.create(event=row, time_limit=time_limit)
    execute_run(run.pk)
    run.refresh_from_db()
    if run.result is None:
        raise SystemExit(f"planning {row.slug} failed: {run.state} {run.message}")
    publishing.publish(run.result, notify=False)
    return run.result.assignments.count()


def _credentials(row: Any) -> list[dict[str, Any]]:
    """A signed-in session cookie and an API token for every participant of ``row``."""
    from django.test import Client
    from rest_framework.authtoken.models import Token

    from liqa.web.accounts.models import Membership, Role
    from liqa.web.events.models import MeetingRequest

    accepted = list(
        MeetingRequest.objects.filter(event=row, status="accepted").values_list(
            "key", "requester", "target"
        )
    )
    out = []
    members = Membership.objects.filter(event=row, role=Role.PARTICIPANT).select_related("user")
    for n, member in enumerate(members.order_by("person")):
        client = Client()
        client.force_login(member.user)
        token, _created = Token.objects.get_or_create(user=member.user)
        out.append(
            {
                "event": row.slug,
                "person": member.person,
                "session": client.cookies["sessionid"].value,
                "token": token.key,
                "lang": LANGS[n % 3],
                "requests": [k for k, a, b in accepted if member.person in (a, b)],
            }
        )
    return out


def prepare(out: Path, time_limit: float = 20.0) -> dict[str, Any]:
    """Load both events into the configured database and write the credentials to ``out``."""
    from liqa.web import runtime

    runtime.configure()
    runtime.migrate()
    from liqa.web.accounts import services as accounts
    from liqa.web.events.services import import_event, import_mission_file

    started = time.monotonic()
    demo = import_mission_file(DEMO.read_bytes(), DEMO.name, replace=True)
    b2b = import_event(brokerage_day(), filename="generated", replace=True)
    summary: dict[str, Any] = {"events": {}}
    users: list[dict[str, Any]] = []
    for row in (demo, b2b):
        accounts.enrol_everyone(row)
        placed = _plan_and_publish(row, time_limit)
        found = _credentials(row)
        users += found
        summary["events"][row.slug] = {"participants": len(found), "assignments": placed}
    from liqa.web.events.records import event_record

    b2b_record = event_record(b2b)
    summary["slots"] = [s.start.isoformat() for s in b2b_record.brokerage.slots()]  # type: ignore[union-attr]
    summary["seconds"] = round(time.monotonic() - started, 1)
    summary["prepared_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    out.write_text(json.dumps({"summary": summary, "users": users}, indent=1), encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line: ``--out users.json`` [``--time-limit`` seconds per scheduler run]."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--time-limit", type=float, default=20.0)
    args = parser.parse_args(argv)
    summary = prepare(args.out, args.time_limit)
    print(json.dumps(summary["events"]), f"prepared in {summary['seconds']} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
