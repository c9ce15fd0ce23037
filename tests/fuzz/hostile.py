"""Hostile values shared by every fuzzing target: text, numbers, dates, zones, ids.

Each pool mixes values a careless organizer types, values a spreadsheet program writes,
and values an attacker chooses (bidi overrides, huge numbers, control characters).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f", "\u200e", "\u061c"]
"""Bidirectional controls: right-to-left override, isolates, marks."""

ARABIC = [
    "المديرية العامة لأمن نظم المعلومات",
    "سارة لمراني",
    "\u202eDGSSI\u202c",
    "p-\u0661\u0662",  # Arabic-Indic digits
    "١٢/٠٢/٢٠٢٤",
    "الإثنين ١٢ فبراير",
    "ﻻ",  # presentation form
    "ـ",  # tatweel alone
]

TEXTS = [
    "",
    " ",
    "\t",
    "\u00a0",
    "\u200b",
    "\ufeff",
    "null",
    "~",
    "yes",
    "NO",
    "NaN",
    ".inf",
    "-.inf",
    "0x1F",
    "1_000",
    "０１２",  # full-width digits
    "e\u0301",  # combining accent
    "Ünïcødé ✓ 🇲🇦",
    "'quoted'",
    '"double"',
    'a"b',
    "line\nbreak",
    "cr\rlf\r\n",
    "a,b;c\td",
    "=1+1",
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd",
    '=HYPERLINK("http://x","y")',
    "'=escaped",
    "{{ 7*7 }}",
    "<script>alert(1)</script>",
    "../../etc/passwd",
    "C:\\Windows",
    "%s%n%x",
    "x" * 300,
    "é" * 2000,
    *BIDI,
    *ARABIC,
]

DATES = [
    "2024-02-12",
    "2024-02-30",
    "2024-13-01",
    "2024-00-10",
    "0000-01-01",
    "0001-01-01",
    "9999-12-31",
    "10000-01-01",
    "2024-2-12",
    "12/02/2024",
    "02/30/2024",
    "2024-03-10",
    "2024-11-03",
    "2030-03-14",
    "2030-03-15",
]

TIMES = ["09:00", "9:00", "24:00", "23:59", "00:00", "25:61", "-1:00", "12:00:00", "9h30", "noon"]

INSTANTS = [
    "2024-02-12 09:00",
    "2024-02-12T09:00",
    "2024-02-12T09:00:00-06:00",
    "2024-02-12T09:00Z",
    "2024-02-12T09:00:00+25:00",
    "2024-02-12T09:00:00+14:00",
    "2024-02-12T09:00:00-1200",
    "2024-02-12 25:00",
    "2024-02-12 09:00:60",
    "2024-02-12 09:00:00.123456789",
    "2024-03-10 02:30",  # does not exist in America/Chicago (spring forward)
    "2024-11-03 01:30",  # happens twice in America/Chicago (fall back)
    "2030-03-14 09:00",
    "2030-03-14T23:59:59+01:00",
    "0001-01-01T00:00:00+14:00",
    "9999-12-31T23:59:59-12:00",
    "2024-02-12",
    "09:00",
]

ZONES = [
    "America/Chicago",
    "Africa/Tunis",
    "Mars/Olympus_Mons",
    "",
    "UTC",
    "UTC+25",
    "Etc/GMT+14",
    "EST5EDT",
    "america/chicago",
    "Europe/",
    "/etc/localtime",
    "../../../../etc/passwd",
    "localtime",
    "Factory",
    "posixrules",
    "Asia/Kolkata ",
    "Pacific/Chatham",
    "Africa/Casablanca",
]

IDS = [
    "p-lamrani",
    "DGSSI",
    "h-nasa",
    "houston",
    "v-hotel",
    "r-1",
    "p-amina",
    "o-alpha",
    "morning",
    "tunis",
    "-starts-with-dash",
    "has space",
    "a" * 200,
    "\u202ep-amina",
    "p-أمينة",
]

INTEGERS = [
    0,
    -1,
    1,
    3,
    4,
    59,
    1440,
    10**6,
    2**31,
    2**63,
    2**64 + 1,
    -(2**63) - 1,
    10**30,
    10**400,
]

FLOATS = [0.0, -0.0, 0.5, 1e-320, 1e308, -1e308, 90.000001, -180.5, 3.0]


def hostile_scalars() -> st.SearchStrategy[Any]:
    """One hostile scalar: text, number, boolean or null."""
    return st.one_of(
        st.sampled_from(TEXTS),
        st.sampled_from(DATES),
        st.sampled_from(TIMES),
        st.sampled_from(INSTANTS),
        st.sampled_from(ZONES),
        st.sampled_from(IDS),
        st.sampled_from(INTEGERS),
        st.sampled_from(FLOATS),
        st.integers(),
        st.floats(allow_nan=False, allow_infinity=False),
        st.booleans(),
        st.none(),
        st.text(max_size=30),
        st.text(alphabet=st.sampled_from(BIDI + list("abc-٠١٢ ")), max_size=12),
    )


def hostile_values() -> st.SearchStrategy[Any]:
    """A hostile scalar, or a small list or mapping of them (a wrong type)."""
    return st.recursive(
        hostile_scalars(),
        lambda inner: st.one_of(
            st.lists(inner, max_size=3),
            st.dictionaries(
                st.one_of(st.sampled_from(TEXTS + IDS), st.text(max_size=8)), inner, max_size=3
            ),
        ),
        max_leaves=6,
    )
