"""QR codes for printed agendas, as PNG data URIs (fast to lay out, crisp when scaled)."""

from __future__ import annotations

import base64
import io
from functools import cache

import qrcode
from PIL import Image

MASK_PATTERN = 0
"""Every QR code uses this mask (a checkerboard; the one the library scored best for most
of the demo's addresses). Without a fixed mask the library draws each code with all 8
masks and scores them: 8 times the work, about 2 CPU-s of the demo's outputs on a slow
core. Any mask is valid; the score only avoids patterns some scanners misread, and the
tests decode the printed codes back with ``zbarimg``."""


@cache
def qr_data_uri(data: str) -> str:
    """A ``data:image/png`` URI of a QR code encoding ``data`` (one pixel per module).

    Show it with CSS ``image-rendering: pixelated`` so it stays sharp at any size.
    """
    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_M, border=2, mask_pattern=MASK_PATTERN
    )
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (size, size), pixels).convert("1")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
