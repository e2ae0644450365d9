"""Text that may reach a printer: names, categories, addresses, notes.

A thermal printer takes any byte below 0x20 (and DEL) as the start of a command: a product name
holding ESC p 0 kicks the drawer open without a sale. Such characters have no business in a
name, so forms and imports refuse them, and the printer layer drops any that got in anyway.
"""

from __future__ import annotations

import re

# C0 controls, DEL and C1 controls; line breaks included (a name is one line)
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def control_characters(text: str) -> list[str]:
    """The control characters in `text`, written as U+XXXX, in the order found, each once."""
    found = dict.fromkeys(f"U+{ord(ch):04X}" for ch in _CONTROL.findall(text))
    return list(found)


def without_control_characters(text: str) -> str:
    return _CONTROL.sub("", text)
