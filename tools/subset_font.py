"""Make the font the PDFs embed: WenQuanYi Micro Hei Mono cut down to what a Chinese receipt
printer's font holds (ASCII and GBK), so the archive copy shows what the paper shows. Monospaced,
Latin half-width and CJK full-width, as on the printer.

    python tools/subset_font.py /usr/share/fonts/truetype/wqy/wqy-microhei.ttc

(Debian package fonts-wqy-microhei; Apache License 2.0, see resources/fonts/LICENSE.txt.) Writes
resources/fonts/WenQuanYiMicroHeiMono-GBK.ttf. Needs fontTools (pip install fonttools): a tool for
whoever updates the font, not a dependency of the app.
"""

from __future__ import annotations

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts" / "WenQuanYiMicroHeiMono-GBK.ttf"
MONO = 1  # the collection's second face: WenQuanYi Micro Hei Mono


def gbk_characters() -> set[int]:
    found = set(range(0x20, 0x7F))
    for high in range(0x81, 0xFF):
        for low in range(0x40, 0xFF):
            try:
                found.add(ord(bytes([high, low]).decode("gbk")))
            except UnicodeDecodeError:
                pass
    return found


def main(source: str) -> None:
    font = TTFont(source, fontNumber=MONO)
    wanted = gbk_characters() & set(font.getBestCmap())
    options = subset.Options()
    options.layout_features = []
    options.hinting = False
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.save(OUT)
    print(f"{OUT}: {len(wanted)} characters")


if __name__ == "__main__":
    main(sys.argv[1])
