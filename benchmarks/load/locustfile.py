"""Locust scenario: participants' phones reading their agendas, and delegates booking slots.

Started by ``run.py`` (which prepares the data and the server); by hand::

    LIQA_LOAD_USERS=/tmp/users.json uv run locust -f benchmarks/load/locustfile.py \\
        --headless --users 220 --spawn-rate 50 --run-time 5m --host http://127.0.0.1:8001

``LIQA_LOAD_USERS`` is the JSON file ``dataset.py`` wrote: one participant per entry, with
a signed-in session cookie, an API token and the requests they are a party to.

- :class:`Phone` (every user but the bookers): one participant each, signed in with their
  own session (pages) and token (API). A loop of: the agenda page (3 of 5 times), the
  ``.ics`` download or the schedule API (1 of 5 each), then a think time of 2 to 5 s
  (3.5 s on average), as someone glancing at their phone.
- :class:`Booker` (``LIQA_LOAD_BOOKERS``, default 20): a delegate of the brokerage day who
  books one of their accepted meetings into one of the first :data:`POPULAR_SLOTS` slots,
  once a second each on average (so 20 bookings a second), at times of their own: each
  delegate's bookings are a Poisson process of rate 1/s (:func:`poisson_pacing`), so the
  20 together are one of rate 20/s, as independent people make. They cancel their oldest
  booking once they hold two. (Until 2026-11-29 15:30 UTC the bookers used locust's
  ``constant_throughput(1)``, which kept them in step: the 20 bookings arrived in a burst
  every second; ``LIQA_LOAD_PACING=steps`` gives that back.)
  Several delegates ask the same popular hosts, so bookings race: a 201 (booked)
  and a 409 (someone was faster; the answer names who) are both correct answers.

Every request goes out with ``X-Forwarded-Proto: https``, as the TLS-terminating reverse
proxy of a production deployment sends it.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from locust import FastHttpUser, between, constant_throughput, events, task

POPULAR_SLOTS = 4
PROXY = {"X-Forwarded-Proto": "https"}

_DATA = json.loads(Path(os.environ["LIQA_LOAD_USERS"]).read_text(encoding="utf-8"))
_SLOTS: list[str] = _DATA["summary"]["slots"]
_PARTICIPANTS = itertools.cycle(_DATA["users"])
_DELEGATES = itertools.cycle(
    [u for u in _DATA["users"] if u["person"].startswith("p-d") and u["requests"]]
)
OUTCOMES: Counter[str] = Counter()
"""Booking answers by status, written to ``LIQA_LOAD_OUTCOMES`` at the end."""


class Phone(FastHttpUser):
    """One participant reading their agenda on a phone."""

    wait_time = between(2, 5)

    def on_start(self) -> None:
        """Take the next participant's credentials."""
        me = next(_PARTICIPANTS)
        self.slug = me["event"]
        self.page_headers = {
            **PROXY,
            "Cookie": f"sessionid={me['session']}",
            "Accept-Language": me["lang"],
        }
        self.api_headers = {**PROXY, "Authorization": f"Token {me['token']}"}

    @task(3)
    def agenda_page(self) -> None:
        """The participant's page: next meeting first, then the agenda by day."""
        with self.client.get(
            f"/me/{self.slug}/", headers=self.page_headers, name="agenda page", catch_response=True
        ) as response:
            if response.status_code != 200 or b'id="agenda"' not in (response.content or b""):
                response.failure(f"status {response.status_code} or no agenda")

    @task(1)
    def agenda_ics(self) -> None:
        """The .ics download a phone's calendar imports."""
        with self.client.get(
            f"/me/{self.slug}/agenda.ics",
            headers=self.page_headers,
            name="agenda .ics",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or b"BEGIN:VCALENDAR" not in (response.content or b""):
                response.failure(f"status {response.status_code} or no calendar")

    @task(1)
    def schedule_api(self) -> None:
        """The participant's published assignments through the API (a phone app)."""
        with self.client.get(
            f"/api/events/{self.slug}/schedules/",
            headers=self.api_headers,
            name="schedule API",
            catch_response=True,
        ) as response:
            if response.status_code != 200 or not response.json():
                response.failure(f"status {response.status_code} or no schedule")


def poisson_pacing(rate: float) -> Callable[[Any], float]:
    """A locust wait time making each user's task starts a Poisson process of ``rate`` per
    second: starts are drawn ahead (exponential gaps) and the user waits until the next one,
    whatever its task took, so independent users together offer ``users × rate``."""

    def wait(user: Any) -> float:
        now = time.monotonic()
        start: float = getattr(user, "_next_start", now) + random.expovariate(rate)
        user._next_start = start
        return max(0.0, start - now)

    return wait


class Booker(FastHttpUser):
    """A delegate booking accepted meetings into popular slots, once a second on average."""

    fixed_count = int(os.environ.get("LIQA_LOAD_BOOKERS", "20"))
    wait_time = (
        constant_throughput(1)
        if os.environ.get("LIQA_LOAD_PACING") == "steps"
        else poisson_pacing(1.0)
    )

    def on_start(self) -> None:
        """Take the next delegate's token and requests."""
        me = next(_DELEGATES)
        self.slug = me["event"]
        self.requests: list[str] = me["requests"]
        self.headers = {**PROXY, "Authorization": f"Token {me['token']}"}
        self.held: list[str] = []

    def _url(self, key: str) -> str:
        return f"/api/events/{self.slug}/requests/{key}/book/"

    @task
    def book(self) -> None:
        """Cancel the oldest booking when holding two, then book a meeting."""
        if len(self.held) >= 2:
            key = self.held.pop(0)
            with self.client.delete(
                self._url(key), headers=self.headers, name="booking cancel", catch_response=True
            ) as response:
                OUTCOMES[f"cancel {response.status_code}"] += 1
                if response.status_code != 204:
                    response.failure(f"status {response.status_code}")
        key = random.choice([k for k in self.requests if k not in self.held])
        slot = random.choice(_SLOTS[:POPULAR_SLOTS])
        with self.client.post(
            self._url(key),
            json={"slot": slot},
            headers=self.headers,
            name="booking",
            catch_response=True,
        ) as response:
            OUTCOMES[f"book {response.status_code}"] += 1
            if response.status_code == 201:
                self.held.append(key)
                response.success()
            elif response.status_code == 409 and "detail" in (response.json() or {}):
                response.success()  # a correct answer: the slot or the meeting is taken
            else:
                response.failure(f"status {response.status_code}: {response.text[:200]}")


def _write_outcomes(environment: Any, **_kwargs: Any) -> None:
    path = os.environ.get("LIQA_LOAD_OUTCOMES")
    if path:
        Path(path).write_text(json.dumps(dict(OUTCOMES), sort_keys=True), encoding="utf-8")


events.quitting.add_listener(_write_outcomes)  # type: ignore[no-untyped-call]  # locust is untyped
