"""Chinese numerals for integers, in groups of four digits (万, 亿), with one 零 for each run of
zeros inside the number. The written capitals (壹仟零伍) and the spoken numerals (一千零五) differ
only in their characters, so both are this one algorithm with different tables."""

from __future__ import annotations


def chinese_integer(number: int, digits: str, units: tuple[str, ...], big_units: tuple[str, ...]) -> str:
    """`digits` 零..九, `units` for 1/10/100/1000 within a group, `big_units` for the groups."""
    if number == 0:
        return digits[0]
    groups = []
    while number:
        number, group = divmod(number, 10000)
        groups.append(group)
    out: list[str] = []
    zero_pending = False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if group == 0:
            zero_pending = bool(out)
            continue
        if out and (zero_pending or group < 1000):
            out.append(digits[0])
        out.append(_group(group, digits, units) + big_units[index])
        zero_pending = False
    return "".join(out)


def _group(group: int, digits: str, units: tuple[str, ...]) -> str:
    out = []
    zero_run = started = False
    for position in (3, 2, 1, 0):
        digit = (group // 10**position) % 10
        if digit == 0:
            zero_run = started
            continue
        if zero_run:
            out.append(digits[0])
            zero_run = False
        out.append(digits[digit] + units[position])
        started = True
    return "".join(out)
