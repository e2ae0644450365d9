"""唱收唱付: calling out what was received and what is given back.

On screen and on the customer display amounts are figures ("收您 ¥100.00  找您 ¥20.50"); spoken,
they are read the way people say them ("收您一百元，找您二十元五角"): ordinary numerals (not the
capitals of written amounts), 十 alone for ten to nineteen at the start (十五元), 两 for a leading
two hundred/thousand (两千元), one 零 for a run of zeros inside the number (一千零五元), and 零
before 分 when 角 is zero (二十元零五分).
"""

from __future__ import annotations

from dataclasses import dataclass

from pos.domain.money import Money
from pos.domain.numerals import chinese_integer

_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")
_BIG = ("", "万", "亿", "万亿")


def spoken_integer(number: int) -> str:
    text = chinese_integer(number, _DIGITS, _UNITS, _BIG)
    if text.startswith("一十"):
        text = text[1:]  # 十五, not 一十五, when it leads
    if text.startswith(("二百", "二千", "二万", "二亿")):
        text = "两" + text[1:]  # people say 两千, 两百 at the front
    return text


def spoken_amount(amount: Money) -> str:
    """一百元, 二十元五角, 一千零五元, 五角, 二十元零五分."""
    fen = abs(amount.fen)
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    parts = []
    if yuan or not rest:
        parts.append(spoken_integer(yuan) + "元")
    if jiao:
        parts.append(_DIGITS[jiao] + "角")
    if cents:
        if yuan and not jiao:
            parts.append("零")
        parts.append(_DIGITS[cents] + "分")
    return ("负" if amount.fen < 0 else "") + "".join(parts)


SCREEN_SEPARATOR = "  "  # between what was received and the change; a screen may wrap only here


@dataclass(frozen=True)
class CallOut:
    tendered: Money
    change: Money

    def screen(self, symbol: str = "¥") -> str:
        return f"收您 {self.tendered.format(symbol)}{SCREEN_SEPARATOR}找您 {self.change.format(symbol)}"

    def screen_english(self, symbol: str = "¥") -> str:
        return f"Received {self.tendered.format(symbol)}{SCREEN_SEPARATOR}Change {self.change.format(symbol)}"

    def spoken(self) -> str:
        if not self.change:
            return f"收您{spoken_amount(self.tendered)}，不用找零"
        return f"收您{spoken_amount(self.tendered)}，找您{spoken_amount(self.change)}"

    def spoken_english(self) -> str:
        return f"Received {self.tendered.yuan} yuan, your change {self.change.yuan} yuan"
