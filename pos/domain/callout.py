"""唱收唱付: calling out what was received and what is given back.

On screen and on the customer display amounts are figures ("收您 ¥100.00  找您 ¥20.50"); spoken,
they are read the way people say them ("收您一百元，找您二十元五角"): ordinary numerals (not the
capitals of written amounts), 十 alone for ten to nineteen at the start (十五元), one 零 for a run
of zeros inside the number (一千零五元), and 零 before 分 when 角 is zero (二十元零五分).

两 or 二: a two that counts a unit of its own is 两, a two that is a digit of a longer count is 二.
- 两 before 千 wherever it stands (两千, 一万两千, 两万两千);
- 两 before 百, 万 or 亿 when it opens the number or follows 零, 万 or 亿 (两百五十, 一万零两百,
  两万, 两亿), but 二 inside a count (一千二百, 十二万, 二十二万);
- 二 before 十 and in the units (二十, 十二元, 一百零二元, 二十万零二元 for 200,002);
- the whole amount of a unit is 两 when it is exactly two: 两元, 两角 (0.20), 两分 (0.02).

A mixed payment names each method before the cash: "微信 ¥974.00，收您现金 ¥2,000.00，找您 ¥0.00",
spoken "微信九百七十四元，收您现金两千元，不用找零". Cash alone keeps "收您 ¥100.00  找您 ¥20.50".
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pos.domain.money import Money
from pos.domain.numerals import chinese_integer

_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")
_BIG = ("", "万", "亿", "万亿")
# 两: a two before 千, or before 百 万 亿 opening the number or a group (see the module docstring)
_TWO_OF_A_UNIT = re.compile(r"二(?=千)|(?:(?<=^)|(?<=[零万亿]))二(?=[百万亿])")

METHOD_NAMES = {"cash": "现金", "wechat": "微信", "alipay": "支付宝", "bank": "银行转账", "account": "挂账"}
METHOD_NAMES_ENGLISH = {
    "cash": "cash",
    "wechat": "WeChat",
    "alipay": "Alipay",
    "bank": "Bank transfer",
    "account": "On account",
}


def spoken_integer(number: int) -> str:
    """十五, 两百五十, 一千二百, 一万两千, 二十万零二; a bare 2 is 二 (the caller adds 两 before a unit)."""
    text = chinese_integer(number, _DIGITS, _UNITS, _BIG)
    if text.startswith("一十"):
        text = text[1:]  # 十五, not 一十五, when it leads
    return _TWO_OF_A_UNIT.sub("两", text)


def _count(number: int) -> str:
    """A count directly before its unit (元, 角, 分): 两元, not 二元."""
    return "两" if number == 2 else spoken_integer(number)


def spoken_amount(amount: Money) -> str:
    """一百元, 二十元五角, 一千零五元, 五角, 二十元零五分, 两元两角, 两分."""
    fen = abs(amount.fen)
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    parts = []
    if yuan or not rest:
        parts.append(_count(yuan) + "元")
    if jiao:
        parts.append(_count(jiao) + "角")
    if cents:
        if yuan and not jiao:
            parts.append("零")
        parts.append(_count(cents) + "分")
    return ("负" if amount.fen < 0 else "") + "".join(parts)


SCREEN_SEPARATOR = "  "  # between what was received and the change; a screen may wrap only here
PART_SEPARATOR = "，"  # between the parts of a mixed payment's call-out; a screen may wrap after it
PART_SEPARATOR_ENGLISH = ", "
_ANY_SEPARATOR = re.compile(f"{SCREEN_SEPARATOR}|{PART_SEPARATOR}|{PART_SEPARATOR_ENGLISH}")


def pole_callout_lines(screen: str) -> tuple[str, str]:
    """A screen call-out on a 2×20 pole display: what was received and the change; for a mixed
    payment its last two parts (the cash and the change), which are what the customer counts."""
    parts = _ANY_SEPARATOR.split(screen)
    return (parts[-2], parts[-1]) if len(parts) > 1 else (parts[0], "")


@dataclass(frozen=True)
class CallOut:
    """What the cashier calls out: the cash handed over and the change, after what was paid
    otherwise (`others`: method and amount, in the order tendered; empty for cash alone)."""

    tendered: Money
    change: Money
    others: tuple[tuple[str, Money], ...] = ()

    @classmethod
    def for_payments(cls, payments: Iterable[tuple[str, Money, Money]], change: Money) -> CallOut:
        """From (method, amount applied, cash handed over) in the order tendered. A payment that is
        not cash at all is called out as received: "收您 ¥233.00  找您 ¥0.00" stays for one method.
        Goods put on account (挂账) are not money received: they are named as such, never "收您"."""
        payments = list(payments)
        cash = [p for p in payments if p[0] == "cash"]
        others = tuple((method, amount) for method, amount, _ in payments if method != "cash")
        if not cash and len(others) == 1 and others[0][0] != "account":
            return cls(others[0][1], change)
        return cls(Money(sum(p[2].fen for p in cash)), change, others)

    @property
    def mixed(self) -> bool:
        return bool(self.others)

    @property
    def _cash(self) -> bool:
        return not self.others or bool(self.tendered) or bool(self.change)

    def screen(self, symbol: str = "¥") -> str:
        if not self.mixed:
            return f"收您 {self.tendered.format(symbol)}{SCREEN_SEPARATOR}找您 {self.change.format(symbol)}"
        parts = [f"{METHOD_NAMES.get(m, m)} {a.format(symbol)}" for m, a in self.others]
        if self._cash:
            parts += [f"收您现金 {self.tendered.format(symbol)}", f"找您 {self.change.format(symbol)}"]
        return PART_SEPARATOR.join(parts)

    def screen_english(self, symbol: str = "¥") -> str:
        if not self.mixed:
            return f"Received {self.tendered.format(symbol)}{SCREEN_SEPARATOR}Change {self.change.format(symbol)}"
        parts = [f"{METHOD_NAMES_ENGLISH.get(m, m)} {a.format(symbol)}" for m, a in self.others]
        if self._cash:
            parts += [f"cash received {self.tendered.format(symbol)}", f"change {self.change.format(symbol)}"]
        return PART_SEPARATOR_ENGLISH.join(parts)

    def spoken(self) -> str:
        parts = [f"{METHOD_NAMES.get(m, m)}{spoken_amount(a)}" for m, a in self.others]
        if self._cash:
            parts.append(("收您现金" if self.mixed else "收您") + spoken_amount(self.tendered))
            parts.append(f"找您{spoken_amount(self.change)}" if self.change else "不用找零")
        return "，".join(parts)

    def spoken_english(self) -> str:
        parts = [f"{METHOD_NAMES_ENGLISH.get(m, m)} {a.yuan} yuan" for m, a in self.others]
        if self._cash:
            parts.append(f"{'cash received' if self.mixed else 'Received'} {self.tendered.yuan} yuan")
            parts.append(f"your change {self.change.yuan} yuan")
        return ", ".join(parts)
