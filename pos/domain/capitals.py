"""Amounts in Chinese capitals (大写金额) by the People's Bank of China's rules for writing bills
(《支付结算办法》附件《正确填写票据和结算凭证的基本规定》):

1. Capitals up to 元 end in 整 (or 正); after 角 整 may be written or not; after 分 never.
2. A zero in the middle of the figures is written 零: ¥1,409.50 → 壹仟肆佰零玖元伍角.
3. Several zeros in a row are one 零: ¥6,007.14 → 陆仟零柒元壹角肆分.
4. When the 万 place or the 元 place is zero (alone or ending a run of zeros) and the 千 place or
   the 角 place is not, one 零 may be written there or not: ¥1,680.32 → 壹仟陆佰捌拾元零叁角贰分 or
   壹仟陆佰捌拾元叁角贰分; ¥107,000.53 → 壹拾万柒仟元零伍角叁分 or 壹拾万零柒仟元伍角叁分.
5. When 角 is zero and 分 is not, 零 follows 元: ¥16,409.02 → 壹万陆仟肆佰零玖元零贰分,
   ¥325.04 → 叁佰贰拾伍元零肆分.
6. 拾 always has its digit: 壹拾元 for ten, 壹拾伍万 (a bare 拾 is easily turned into 叁拾).

`capitals` writes one canonical form: 零 where rule 4 leaves a choice at the 元 place (so the
zero is visible), none at a 万 or 亿 place before a non-zero 千 (壹拾万柒仟), and 整 after 角 too.
`accepted` lists every form the rules allow for an amount, with or without the 人民币 prefix the
bill's printed label usually supplies; `read_capitals` reads any of them back to fen.
"""

from __future__ import annotations

import itertools
import re

DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_BIG = ("", "万", "亿", "万亿")


def _group(group: int) -> str:
    """One group of four digits, a run of zeros inside it as one 零 (rules 2, 3, 6)."""
    out: list[str] = []
    zero_run = False
    for position in (3, 2, 1, 0):
        digit = (group // 10**position) % 10
        if digit == 0:
            zero_run = bool(out)
            continue
        if zero_run:
            out.append("零")
            zero_run = False
        out.append(DIGITS[digit] + _UNITS[position])
    return "".join(out)


def _integer_forms(number: int) -> list[str]:
    """Every accepted way of writing the 元 part; the first is the canonical one."""
    groups = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    pieces: list[list[str]] = []
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            continue
        upper = groups[index + 1] if index + 1 < len(groups) else None
        if upper is None:
            joints = [""]
        elif upper and upper % 10 == 0 and group >= 1000:
            joints = ["", "零"]  # rule 4: the 万 (亿) place is zero, the 千 place is not: 零 or none
        elif upper and group >= 1000:
            joints = [""]  # no zero between the groups at all
        else:
            joints = ["零"]  # zeros in the middle (a whole group of them, or 000x): one 零
        pieces.append([joint + _group(group) + _BIG[index] for joint in joints])
    return ["".join(combo) for combo in itertools.product(*pieces)]


def _forms(fen: int) -> list[str]:
    if fen < 0:
        return ["负" + text for text in _forms(-fen)]
    if fen == 0:
        return ["零元整", "零元正"]
    yuan, rest = divmod(fen, 100)
    jiao, cents = divmod(rest, 10)
    heads = [text + "元" for text in _integer_forms(yuan)] if yuan else [""]
    if jiao:
        middles = (
            ["零" + DIGITS[jiao] + "角", DIGITS[jiao] + "角"] if yuan and yuan % 10 == 0 else [DIGITS[jiao] + "角"]
        )
    else:
        middles = ["零"] if yuan and cents else [""]  # rule 5: 元零贰分
    if cents:
        tails = [DIGITS[cents] + "分"]
    elif jiao:
        tails = ["整", "", "正"]  # rule 1: after 角 整 may be left out
    else:
        tails = ["整", "正"]
    return [h + m + t for h, m, t in itertools.product(heads, middles, tails)]


def capitals(fen: int) -> str:
    """The canonical capitals of an amount in fen: 壹仟陆佰捌拾元零叁角贰分, 壹拾万柒仟元零伍角叁分."""
    return _forms(fen)[0]


def accepted(fen: int) -> frozenset[str]:
    """Every form the People's Bank rules accept for the amount, with and without 人民币."""
    forms = _forms(fen)
    return frozenset(forms) | frozenset("人民币" + form for form in forms)


_NUMBER = {c: i for i, c in enumerate(DIGITS)}
_SMALL = {"拾": 10, "佰": 100, "仟": 1000}
_SHAPE = re.compile(
    r"(?:人民币)?(负)?(?:(.+)元)?(?:零?([壹贰叁肆伍陆柒捌玖])角)?(?:零?([壹贰叁肆伍陆柒捌玖])分)?[整正]?"
)


def read_capitals(text: str) -> int:
    """The amount in fen of capitals in any accepted form; ValueError when it is not capitals."""
    match = _SHAPE.fullmatch(text)
    if match is None or text in ("", "人民币"):
        raise ValueError(f"not an amount in capitals: {text!r}")
    sign, whole, jiao, cents = match.groups()
    total = section = digit = 0
    for char in whole or "":
        if char in _NUMBER:
            digit = _NUMBER[char]
        elif char in _SMALL:
            if not digit:
                raise ValueError(f"{char} without its digit: {text!r}")
            section += digit * _SMALL[char]
            digit = 0
        elif char == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif char == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
        else:
            raise ValueError(f"not an amount in capitals: {text!r}")
    fen = (total + section + digit) * 100 + (_NUMBER[jiao] * 10 if jiao else 0) + (_NUMBER[cents] if cents else 0)
    return -fen if sign else fen


def is_valid(text: str) -> bool:
    """True when `text` is capitals written by the rules (any accepted form) for the amount it reads as."""
    try:
        return text in accepted(read_capitals(text))
    except ValueError:
        return False
