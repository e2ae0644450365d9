"""Customer record rules (客户档案): what must be filled in, and how a name is found by pinyin."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

from pos.domain.errors import InvalidInput
from pos.domain.printable import control_characters

_PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{5,19}$")


class CustomerType(StrEnum):
    WHOLESALE = "wholesale"  # 批发
    FRANCHISE = "franchise"  # 加盟


def normalize_phone(phone: str) -> str:
    """Digits only (leading + kept), so '138 0013-8000' and '13800138000' are the same customer;
    full-width digits (a Chinese input method) count as plain ones."""
    text = unicodedata.normalize("NFKC", phone or "").strip()
    if not _PHONE_RE.match(text):
        raise InvalidInput("A phone number is 6 to 20 digits (spaces and '-' allowed).")
    return ("+" if text.startswith("+") else "") + re.sub(r"\D", "", text)


def customer_problems(name: str, phone: str, address: str, customer_type: str) -> dict[str, InvalidInput]:
    """What is wrong with a customer form, field by field in the form's order (name, phone,
    address, customer_type); empty when it can be saved."""
    problems: dict[str, InvalidInput] = {}
    name = (name or "").strip()
    if not name:
        problems["name"] = InvalidInput("The customer's name is required.")
    elif len(name) > 100:
        problems["name"] = InvalidInput("The customer's name is longer than 100 characters.")
    elif control_characters(name):
        problems["name"] = InvalidInput(
            "The customer's name holds control characters ({found}); type it again.",
            found=", ".join(control_characters(name)),
        )
    try:
        normalize_phone(phone)
    except InvalidInput as exc:
        problems["phone"] = exc
    address = (address or "").strip()
    if not address:
        problems["address"] = InvalidInput("The customer's address is required.")
    elif len(address) > 300:
        problems["address"] = InvalidInput("The customer's address is longer than 300 characters.")
    elif control_characters(address):
        problems["address"] = InvalidInput(
            "The customer's address holds control characters ({found}); type it again.",
            found=", ".join(control_characters(address)),
        )
    if customer_type not in {kind.value for kind in CustomerType}:
        problems["customer_type"] = InvalidInput("Customer type must be wholesale or franchise.")
    return problems


def validate_customer(name: str, phone: str, address: str, customer_type: str) -> tuple[str, str, str, CustomerType]:
    problems = customer_problems(name, phone, address, customer_type)
    if problems:
        raise next(iter(problems.values()))
    return (name or "").strip(), normalize_phone(phone), (address or "").strip(), CustomerType(customer_type)


def pinyin_key(name: str) -> tuple[str, str]:
    """'张三' -> ('zhangsan', 'zs'): full pinyin and initials, searched by prefix."""
    # Imported here: loading pypinyin's phrase dictionary takes a quarter of a second, which every
    # start paid before the first window although only saving a customer needs it.
    from pypinyin import Style, lazy_pinyin

    syllables = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="ignore")]
    return "".join(syllables), "".join(s[0] for s in syllables if s)
