"""Read ESC/POS bytes back: the printed text (decoded from the printer's encoding), barcodes, QR
codes, images, cuts and drawer pulses. For tests, for `pos printers decode`, and for anyone who
wants to know what a stored job will print."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Decoded:
    lines: list[str] = field(default_factory=list)
    barcodes: list[str] = field(default_factory=list)
    qrcodes: list[str] = field(default_factory=list)
    images: int = 0
    cuts: int = 0
    drawer_pulses: int = 0
    chinese_mode: bool = False
    # the paper each printed line takes, in font-A cells: its bytes (one cell a single byte, two a
    # two-byte character) times the character width set by GS ! when it was printed
    line_cells: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


# fixed-length commands: prefix -> total length in bytes
_FIXED = {
    b"\x1b@": 2,
    b"\x1b!": 3,
    b"\x1bE": 3,
    b"\x1b-": 3,
    b"\x1ba": 3,
    b"\x1bd": 3,
    b"\x1bt": 3,
    b"\x1b2": 2,
    b"\x1b3": 3,
    b"\x1bM": 3,
    b"\x1bG": 3,
    b"\x1bJ": 3,
    b"\x1bp": 5,
    b"\x1bR": 3,
    b"\x1c!": 3,
    b"\x1d!": 3,
    b"\x1dh": 3,
    b"\x1dw": 3,
    b"\x1dH": 3,
    b"\x1df": 3,
    b"\x1dB": 3,
    b"\x1dL": 4,
    b"\x1dW": 4,
    b"\x10\x04": 3,
    b"\x1b=": 3,
}


def decode(data: bytes, encoding: str = "gb18030") -> Decoded:
    out = Decoded()
    text = bytearray()
    i, n = 0, len(data)
    scale = 1

    def flush_line() -> None:
        out.lines.append(text.decode(encoding, errors="replace"))
        out.line_cells.append(len(text.rstrip(b" ")) * scale)
        text.clear()

    while i < n:
        byte = data[i]
        if byte == 0x0A:
            flush_line()
            i += 1
            continue
        if byte not in (0x1B, 0x1C, 0x1D, 0x10):
            text.append(byte)
            i += 1
            continue
        prefix = data[i : i + 2]
        if prefix == b"\x1c&":
            out.chinese_mode = True
            i += 2
        elif prefix == b"\x1c.":
            out.chinese_mode = False
            i += 2
        elif prefix == b"\x1bp":
            out.drawer_pulses += 1
            i += 5
        elif data[i : i + 3] == b"\x10\x14\x01":  # DLE DC4 1 m t: real-time drawer pulse
            out.drawer_pulses += 1
            i += 5
        elif prefix == b"\x1d!":
            scale = (data[i + 2] >> 4) + 1
            i += 3
        elif prefix == b"\x1bd":
            if text:
                flush_line()
            i += 3
        elif prefix in _FIXED:
            i += _FIXED[prefix]
        elif prefix == b"\x1dV":
            mode = data[i + 2]
            out.cuts += 1
            i += 4 if mode in (65, 66) else 3
        elif prefix == b"\x1dk":
            m = data[i + 2]
            if m <= 6:  # function A: NUL-terminated
                end = data.index(b"\x00", i + 3)
                out.barcodes.append(data[i + 3 : end].decode("ascii", errors="replace"))
                i = end + 1
            else:
                length = data[i + 3]
                payload = data[i + 4 : i + 4 + length].decode("ascii", errors="replace")
                out.barcodes.append(payload[2:] if payload.startswith("{") else payload)
                i += 4 + length
        elif prefix == b"\x1d(":  # GS ( k / GS ( L: pL pH then that many bytes
            length = data[i + 3] + 256 * data[i + 4]
            body = data[i + 5 : i + 5 + length]
            if data[i + 2 : i + 3] == b"k" and len(body) >= 3 and body[1:2] == b"P":
                out.qrcodes.append(body[3:].decode("utf-8", errors="replace"))
            elif data[i + 2 : i + 3] == b"L" and body[1:2] in (b"p", b"2"):
                out.images += 1
            i += 5 + length
        elif data[i : i + 3] == b"\x1dv0":  # raster image
            width_bytes = data[i + 4] + 256 * data[i + 5]
            height = data[i + 6] + 256 * data[i + 7]
            out.images += 1
            i += 8 + width_bytes * height
        else:
            raise ValueError(f"unknown ESC/POS command {data[i : i + 3]!r} at byte {i}")
    if text:
        flush_line()
    return out
