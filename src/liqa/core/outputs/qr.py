"""QR codes for printed agendas, as PNG data URIs (fast to lay out, crisp when scaled)."""

from __future__ import annotations

import base64
import io
from functools import cache

import qrcode
from PIL import Image


@cache
def qr_data_uri(data: str) -> str:
    """A ``data:image/png`` URI of a QR code encoding ``data`` (one pixel per module).

    Show it with CSS ``image-rendering: pixelated`` so it stays sharp at any size.
    """
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M, border=2)
    code.add_data(data)
    code.make(fit=True)
    matrix = code.get_matrix()
    size = len(matrix)
    pixels = bytes(0 if dark else 255 for row in matrix for dark in row)
    image = Image.frombytes("L", (size, size), pixels).convert("1")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")
