"""Text measured in printer cells, as a Chinese thermal printer prints it.

Such a printer prints each single-byte character one cell wide and each two-byte (GB) character two
cells wide, whatever Unicode says of it: `×`, `±`, `°`, `“”`, `—`, `·` and `①` are "ambiguous"
width in Unicode but two GBK bytes, so two cells on paper. So cells are counted from the GBK bytes.
A character outside GBK (CJK Extension B, emoji) is not in the printer's font; it prints as a
replacement (`PRINTER_REPLACEMENT`) or a bitmap, two cells either way.
"""

from __future__ import annotations

from functools import lru_cache

PRINTER_REPLACEMENT = "〓"  # GB2312 A1FE, the type-setter's mark for a missing glyph; two cells


@lru_cache(maxsize=8192)
def char_cells(ch: str) -> int:
    if ch < "\x80":
        return 1
    try:
        return len(ch.encode("gbk"))
    except UnicodeEncodeError:
        return 2


def cells(text: str) -> int:
    if text.isascii():
        return len(text)
    return sum(char_cells(ch) for ch in text)


def truncate(text: str, width: int) -> str:
    """At most `width` cells; never splits a wide character."""
    if cells(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = char_cells(ch)
        if used + w > width:
            break
        out.append(ch)
        used += w
    return "".join(out)


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` cells. Breaks at spaces for Latin words where it can; CJK text may
    break between any two characters, as Chinese typesetting does."""
    if width <= 0:
        return [text]
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in _tokens(paragraph):
            w = cells(word)
            if used + w <= width:
                line, used = line + word, used + w
                continue
            if word.isspace():
                lines.append(line.rstrip())
                line, used = "", 0
                continue
            if line.strip():
                lines.append(line.rstrip())
            line, used = "", 0
            while cells(word) > width:  # a token longer than the line: hard break
                piece = truncate(word, width)
                lines.append(piece)
                word = word[len(piece) :]
            line, used = word, cells(word)
        lines.append(line.rstrip())
    return lines


def _tokens(text: str) -> list[str]:
    """Latin words and spaces stay whole; each wide character is a token of its own."""
    tokens: list[str] = []
    current = ""
    for ch in text:
        if char_cells(ch) == 2 or ch.isspace():
            if current:
                tokens.append(current)
                current = ""
            tokens.append(ch)
        else:
            current += ch
    if current:
        tokens.append(current)
    return tokens


def pad(text: str, width: int, align: str = "left") -> str:
    """Exactly `width` cells (truncating if needed)."""
    text = truncate(text, width)
    gap = width - cells(text)
    if align == "right":
        return " " * gap + text
    if align == "center":
        left = gap // 2
        return " " * left + text + " " * (gap - left)
    return text + " " * gap
