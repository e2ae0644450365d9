"""Documents to ESC/POS bytes for Chinese-market thermal printers.

Text is encoded here, per printer, never by python-escpos's "magic encode": that picks a code
page per call and turns "￥120.00" or "：" alone into "?" (see PRINTING-NOTES.md). With a Chinese
encoding the printer is put in Chinese mode (FS &) and every string goes as GB18030/GBK/GB2312
bytes. A line the printer's charset cannot hold (a rare surname character on a GB2312 printer) is
printed as a bitmap when a CJK font is available, and with '?' for the missing characters otherwise.
python-escpos (Dummy printer) builds the QR code and raster image commands.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from escpos.constants import QR_ECLEVEL_M
from escpos.printer import Dummy

from pos.domain.printable import without_control_characters
from pos.printing.document import (
    Barcode,
    Columns,
    Cut,
    Document,
    DrawerPulse,
    Element,
    Feed,
    Image,
    QRCode,
    Rule,
    SignatureLine,
    Text,
)
from pos.printing.text_render import row_lines, signature_lines, text_lines
from pos.printing.textlayout import PRINTER_REPLACEMENT

if TYPE_CHECKING:
    from PIL import Image as PILImage  # imported where it is used: Pillow is slow to load

ESC, GS, FS, LF, DLE = b"\x1b", b"\x1d", b"\x1c", b"\n", b"\x10"
INIT = ESC + b"@"
CHINESE_ON, CHINESE_OFF = FS + b"&", FS + b"."
ALIGN = {"left": ESC + b"a\x00", "center": ESC + b"a\x01", "right": ESC + b"a\x02"}
CHINESE_ENCODINGS = ("gb18030", "gbk", "gb2312")
ENCODINGS = (*CHINESE_ENCODINGS, "utf-8", "cp437", "cp936")

_FONT_CANDIDATES = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simsun.ttc",
    "/System/Library/Fonts/PingFang.ttc",
)


@dataclass(frozen=True)
class EscposOptions:
    encoding: str = "gb18030"
    profile: str = "default"
    dots_per_line: int = 576  # 80 mm at 203 dpi; 384 for 58 mm
    partial_cut: bool = False
    bitmap_font: str = ""  # CJK font for lines the charset cannot hold; found automatically if empty

    @property
    def chinese(self) -> bool:
        return self.encoding in CHINESE_ENCODINGS


def find_cjk_font(preferred: str = "") -> str:
    for candidate in (preferred, *_FONT_CANDIDATES):
        if candidate and Path(candidate).exists():
            return candidate
    return ""


class EscposRenderer:
    def __init__(self, options: EscposOptions | None = None) -> None:
        self.options = options or EscposOptions()
        if self.options.encoding not in ENCODINGS:
            raise ValueError(f"unsupported printer encoding {self.options.encoding}")

    def render(self, document: Document) -> bytes:
        if document.elements and all(isinstance(e, DrawerPulse) for e in document.elements):
            # a drawer job is the real-time pulse alone: no ESC @ that would wait behind paper
            return b"".join(self._element(e, document.columns) for e in document.elements)
        out = bytearray(INIT)
        if self.options.chinese:
            out += CHINESE_ON
        for element in document.elements:
            out += self._element(element, document.columns)
        if self.options.chinese:
            out += CHINESE_OFF
        return bytes(out)

    def render_all(self, documents: list[Document]) -> bytes:
        return b"".join(self.render(d) for d in documents)

    # elements ---------------------------------------------------------------------------------
    def _element(self, element: Element, columns: int) -> bytes:
        if isinstance(element, Text):
            return self._text(element, columns)
        if isinstance(element, Columns):
            body = b"".join(self._line(line) for line in row_lines(element))
            return _bold(body) if element.bold else body
        if isinstance(element, Rule):
            return self._line(element.char * columns)
        if isinstance(element, SignatureLine):
            return b"".join(self._line(line) for line in signature_lines(element, columns))
        if isinstance(element, Barcode):
            return _barcode(element)
        if isinstance(element, QRCode):
            printer = Dummy(profile=self.options.profile)
            # level M: a slip handled at the counter and bench gets creased; L fails on a crease
            printer.qr(element.data, ec=QR_ECLEVEL_M, size=max(1, min(16, element.size)), native=True)
            qr: bytes = printer.output
            return ALIGN["center"] + qr + LF + ALIGN["left"]
        if isinstance(element, Image):
            return self._image(element)
        if isinstance(element, Feed):
            return LF * element.lines
        if isinstance(element, Cut):
            # feed past the cutter, then GS V 0 (full) / GS V 1 (partial)
            return ESC + b"d\x04" + GS + b"V" + (b"\x01" if element.partial or self.options.partial_cut else b"\x00")
        if isinstance(element, DrawerPulse):
            # DLE DC4 1 m t: real-time, so it opens the drawer at once even when the printer is out
            # of paper or has jobs buffered; ESC p would wait in line and fire when paper is loaded
            pin = b"\x00" if element.pin == 2 else b"\x01"
            units = max(1, min(8, round(element.on_ms / 100) or 1))  # t x 100 ms on, t x 100 ms off
            return DLE + b"\x14\x01" + pin + bytes([units])
        raise TypeError(f"unknown document element {element!r}")

    def _text(self, element: Text, columns: int) -> bytes:
        body = b"".join(self._line(line) for line in text_lines(element, columns))
        if element.underline:
            body = ESC + b"-\x01" + body + ESC + b"-\x00"
        if element.size > 1:
            n = element.size - 1
            body = GS + b"!" + bytes([(n << 4) | n]) + body + GS + b"!\x00"  # GS ! sizes CJK too
        return _bold(body) if element.bold else body

    def _line(self, line: str) -> bytes:
        return self.encode(line) + LF

    def encode(self, text: str) -> bytes:
        # Text is data; a control byte in it would be a command to the printer (ESC p kicks the
        # drawer). The renderer's own commands are added as bytes, never through here.
        text = without_control_characters(text)
        encoding = self.options.encoding
        if self.options.chinese:
            text = text.replace("¥", "￥")  # U+00A5 is 4 bytes in GB18030 and garbage on GBK printers
        if self.options.chinese and not all(_in_font(ch, encoding) for ch in text):
            # GB18030 can encode every character, but the printer's font holds GBK at most: bytes
            # for a character it lacks would print as garbage
            font = find_cjk_font(self.options.bitmap_font)
            if font:
                return self._bitmap_line(text, font)
            text = "".join(ch if _in_font(ch, encoding) else PRINTER_REPLACEMENT for ch in text)
        try:
            return text.encode(encoding)
        except UnicodeEncodeError:
            return text.encode(encoding, errors="replace")

    def _bitmap_line(self, text: str, font_path: str) -> bytes:
        image = _text_bitmap(text, font_path, self.options.dots_per_line)
        printer = Dummy(profile=self.options.profile)
        printer.image(image, center=False)
        line: bytes = printer.output
        return line

    def _image(self, element: Image) -> bytes:
        from PIL import Image as PILImage

        picture = PILImage.open(io.BytesIO(element.png)).convert("L")
        limit = min(element.max_width, self.options.dots_per_line)
        if picture.width > limit:
            picture = picture.resize((limit, max(1, picture.height * limit // picture.width)))
        printer = Dummy(profile=self.options.profile)
        printer.image(picture.convert("1"), center=True)
        picture_bytes: bytes = printer.output
        return picture_bytes + ALIGN["left"]


@lru_cache(maxsize=8192)
def _in_font(ch: str, encoding: str) -> bool:
    """Whether a Chinese printer's font has the character: GB2312 printers hold GB2312, the rest GBK."""
    if ch < "\x80":
        return True
    try:
        ch.encode("gb2312" if encoding == "gb2312" else "gbk")
    except UnicodeEncodeError:
        return False
    return True


def _bold(body: bytes) -> bytes:
    return ESC + b"E\x01" + body + ESC + b"E\x00"


def _barcode(element: Barcode) -> bytes:
    """GS k, written out here: python-escpos's barcode() prints a line on standard output."""
    height = bytes([max(1, min(255, element.height))])
    hri = b"\x02" if element.show_text else b"\x00"
    setup = ALIGN["center"] + GS + b"h" + height + GS + b"w\x02" + GS + b"H" + hri + GS + b"f\x00"
    if element.symbology == "EAN13":
        data = element.data.encode("ascii")
        command = GS + b"k\x43" + bytes([len(data)]) + data
    else:
        data = b"{B" + element.data.encode("ascii")
        command = GS + b"k\x49" + bytes([len(data)]) + data
    return setup + command + LF + ALIGN["left"]


@lru_cache(maxsize=256)
def _text_bitmap(text: str, font_path: str, width: int) -> PILImage.Image:
    from PIL import Image as PILImage
    from PIL import ImageDraw, ImageFont

    font = ImageFont.truetype(font_path, 24)
    image = PILImage.new("1", (width, 30), 1)
    ImageDraw.Draw(image).text((0, 2), text, font=font, fill=0)
    return image
