"""Fill unfinished messages in a .ts file from a small table (source -> translation).

    python tools/fill_translations.py resources/translations/pos_zh_CN.ts table.tsv

Each line of the table is `context<TAB>source<TAB>translation` (\\t and \\n written as such); only
messages marked unfinished are touched. For adding a handful of strings without Qt Linguist.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def unescape(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def fill(ts: Path, table: dict[tuple[str, str], str]) -> int:
    tree = ET.parse(ts)
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            key = (name, message.findtext("source") or "")
            if translation is not None and translation.get("type") == "unfinished" and key in table:
                translation.text = table[key]
                del translation.attrib["type"]
                filled += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return filled


def main(argv: list[str]) -> int:
    ts, source = Path(argv[0]), Path(argv[1])
    table = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        if line.strip():
            context, text, translated = line.split("\t")
            table[(context, unescape(text))] = unescape(translated)
    print(f"filled {fill(ts, table)} of {len(table)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
