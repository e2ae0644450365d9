"""Print job bytes as stored: compressed, since they are kept for years.

A three-copy slip is mostly text and repeated commands and shrinks to a fifth or less; a PDF for
the preview printer is compressed already and is kept as it is. Stored bytes say which they are by
a prefix no printer's bytes start with (ESC/POS starts with a command, a PDF with %PDF), so jobs
stored before compression still read as they were.
"""

from __future__ import annotations

import zlib

PACKED = b"POSZ1"


def pack(data: bytes) -> bytes:
    packed = PACKED + zlib.compress(data, 6)
    return packed if len(packed) < len(data) else data


def unpack(stored: bytes) -> bytes:
    if stored.startswith(PACKED):
        return zlib.decompress(stored[len(PACKED) :])
    return stored
