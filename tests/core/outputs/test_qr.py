"""QR codes on printed agendas decode back to the live agenda's address (zbarimg)."""

from __future__ import annotations

import base64
import io
import subprocess
from pathlib import Path

import pytest
from PIL import Image

from liqa.core.outputs.agenda import build_agenda
from liqa.core.outputs.qr import qr_data_uri
from liqa.core.outputs.settings import OutputSettings
from tests.core.outputs.mission import make_event, make_schedule

PREFIX = "data:image/png;base64,"


def decode(uri: str, tmp_path: Path) -> list[str]:
    """What ``zbarimg`` reads in the PNG of ``uri`` (scaled up: one pixel per module)."""
    assert uri.startswith(PREFIX)
    image = Image.open(io.BytesIO(base64.b64decode(uri.removeprefix(PREFIX))))
    path = tmp_path / "qr.png"
    image.convert("L").resize((image.width * 8, image.height * 8), Image.Resampling.NEAREST).save(
        path
    )
    out = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout.splitlines()


@pytest.mark.parametrize(
    "url",
    [
        "http://localhost:8000/ar/events/morocco-us-digital-2024/agenda/p-lamrani/",
        "https://liqa.example.org/fr/events/ma-us-2024/agenda/org-dgssi/",
        "http://127.0.0.1:8000/en/events/e/agenda/p%C3%A9-x/",
    ],
)
def test_qr_code_decodes_to_its_address(url: str, tmp_path: Path) -> None:
    assert decode(qr_data_uri(url), tmp_path) == [url]


def test_agenda_qr_code_decodes_to_the_live_agenda_page(tmp_path: Path) -> None:
    agenda = build_agenda(make_event(), make_schedule(), "p-benali", "fr", OutputSettings())
    assert decode(agenda.qr_image, tmp_path) == [
        "http://localhost:8000/fr/events/ma-us-2024/agenda/p-benali/"
    ]
