"""The codes services put in their refusals and results, in the UI language.

Services speak in stable codes (roles, states, document kinds, payment methods, check problems);
a Chinese sentence must not carry "manager" or "printed" in it. A value no table knows (a typed,
unknown one) is shown as it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

CONTEXT = "Vocabulary"

ROLES = {
    "cashier": QT_TRANSLATE_NOOP("Vocabulary", "cashier"),
    "packer": QT_TRANSLATE_NOOP("Vocabulary", "packer"),
    "manager": QT_TRANSLATE_NOOP("Vocabulary", "manager"),
    "admin": QT_TRANSLATE_NOOP("Vocabulary", "admin"),
}
# who signs: a return slip's handler, customer and manager; an order's checkers
SIGNERS = {
    "handler": QT_TRANSLATE_NOOP("Vocabulary", "handler"),
    "customer": QT_TRANSLATE_NOOP("Vocabulary", "customer"),
    "manager": QT_TRANSLATE_NOOP("Vocabulary", "department manager"),
    "checker": QT_TRANSLATE_NOOP("Vocabulary", "checker"),
    "second_checker": QT_TRANSLATE_NOOP("Vocabulary", "second checker"),
}
# states of orders, return slips and print jobs: their values do not clash
STATES = {
    "open": QT_TRANSLATE_NOOP("Vocabulary", "open"),
    "awaiting_pay": QT_TRANSLATE_NOOP("Vocabulary", "waiting for the transfer"),
    "printed": QT_TRANSLATE_NOOP("Vocabulary", "printed, waiting for the bench"),
    "checking": QT_TRANSLATE_NOOP("Vocabulary", "being checked"),
    "checked": QT_TRANSLATE_NOOP("Vocabulary", "checked"),
    "settled": QT_TRANSLATE_NOOP("Vocabulary", "settled"),
    "voided": QT_TRANSLATE_NOOP("Vocabulary", "voided"),
    "draft": QT_TRANSLATE_NOOP("Vocabulary", "draft"),
    "awaiting_signatures": QT_TRANSLATE_NOOP("Vocabulary", "awaiting signatures"),
    "complete": QT_TRANSLATE_NOOP("Vocabulary", "complete"),
    "void": QT_TRANSLATE_NOOP("Vocabulary", "voided"),
    "pending": QT_TRANSLATE_NOOP("Vocabulary", "waiting to print"),
    "sending": QT_TRANSLATE_NOOP("Vocabulary", "being sent"),
    "done": QT_TRANSLATE_NOOP("Vocabulary", "printed"),
    "sent": QT_TRANSLATE_NOOP("Vocabulary", "sent, unconfirmed"),
    "failed": QT_TRANSLATE_NOOP("Vocabulary", "held: check the paper"),
    "cancelled": QT_TRANSLATE_NOOP("Vocabulary", "cancelled"),
}
# order transitions (pos.domain.orders), worded to follow "An order that is … cannot"
ACTIONS = {
    "print_for_checking": QT_TRANSLATE_NOOP("Vocabulary", "be printed for checking"),
    "start_check": QT_TRANSLATE_NOOP("Vocabulary", "start checking"),
    "complete_check": QT_TRANSLATE_NOOP("Vocabulary", "finish checking"),
    "reset_check": QT_TRANSLATE_NOOP("Vocabulary", "go back to the bench queue"),
    "settle": QT_TRANSLATE_NOOP("Vocabulary", "be settled"),
    "take_now": QT_TRANSLATE_NOOP("Vocabulary", "be taken now unpacked"),
    "void": QT_TRANSLATE_NOOP("Vocabulary", "be voided"),
    "send_notice": QT_TRANSLATE_NOOP("Vocabulary", "get a payment notice"),
    "reopen": QT_TRANSLATE_NOOP("Vocabulary", "be opened again"),
    "record_transfer": QT_TRANSLATE_NOOP("Vocabulary", "have a transfer recorded"),
}
KINDS = {
    "sales-slip": QT_TRANSLATE_NOOP("Vocabulary", "sales slip"),
    "receipt": QT_TRANSLATE_NOOP("Vocabulary", "receipt"),
    "return-slip": QT_TRANSLATE_NOOP("Vocabulary", "return slip"),
    "box-label": QT_TRANSLATE_NOOP("Vocabulary", "box label"),
    "slip-revision": QT_TRANSLATE_NOOP("Vocabulary", "revised customer's copy"),
    "report": QT_TRANSLATE_NOOP("Vocabulary", "day-end report"),
    "shipping-voucher": QT_TRANSLATE_NOOP("Vocabulary", "shipping voucher"),
    "payment-notice": QT_TRANSLATE_NOOP("Vocabulary", "payment notice"),
    "drawer": QT_TRANSLATE_NOOP("Vocabulary", "cash drawer"),
}
METHODS = {
    "cash": QT_TRANSLATE_NOOP("Vocabulary", "cash"),
    "bank": QT_TRANSLATE_NOOP("Vocabulary", "bank transfer"),
    "wechat": QT_TRANSLATE_NOOP("Vocabulary", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("Vocabulary", "Alipay"),
    "account": QT_TRANSLATE_NOOP("Vocabulary", "on account"),
}
# why a check cannot be completed yet (pos.domain.check.completion_problems)
PROBLEMS = {
    "units_left": QT_TRANSLATE_NOOP("Vocabulary", "items still to tick or cross out"),
    "box_open": QT_TRANSLATE_NOOP("Vocabulary", "a box is not sealed"),
    "nothing_packed": QT_TRANSLATE_NOOP("Vocabulary", "nothing is packed"),
    "checker": QT_TRANSLATE_NOOP("Vocabulary", "the checker has not signed"),
    "customer_signature": QT_TRANSLATE_NOOP("Vocabulary", "the customer has not signed"),
    "second_checker": QT_TRANSLATE_NOOP("Vocabulary", "the second packer has not signed"),
    "return_unsigned": QT_TRANSLATE_NOOP("Vocabulary", "a return slip lacks signatures"),
}
SEPARATORS = (QT_TRANSLATE_NOOP("Vocabulary", " or "), QT_TRANSLATE_NOOP("Vocabulary", ", "))
_COPY = QT_TRANSLATE_NOOP("Vocabulary", "copy {copy}")
_BOX = QT_TRANSLATE_NOOP("Vocabulary", "box {box}")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def word(table: dict[str, str], code: str) -> str:
    """`code` from `table` in the UI language; an unknown code as it is."""
    return _t(table[code]) if code in table else code


def role_name(code: str) -> str:
    return word(ROLES, code)


def method_name(code: str) -> str:
    return word(METHODS, code)


def state_name(code: str) -> str:
    return word(STATES, code)


def kind_name(code: str) -> str:
    return word(KINDS, code)


def roles_text(codes: str) -> str:
    """'manager or admin', as require_role words it."""
    return _t(" or ").join(role_name(code.strip()) for code in codes.split(" or "))


def _listed(table: dict[str, str]) -> Callable[[str], str]:
    return lambda text: _t(", ").join(word(table, part.strip()) for part in text.split(","))


_KIND = "|".join(map(re.escape, KINDS))
_DOCUMENT = re.compile(rf"^(?P<kind>{_KIND}) (?P<number>\S+)(?: copy (?P<copy>\d+))?(?: box (?P<box>\d+))?$")


def document_text(text: str) -> str:
    """'return-slip R20261127-0002', 'sales-slip S… copy 2', 'box-label S… box 3' (the printing
    service's words for one printed document) in the UI language."""
    match = _DOCUMENT.match(text)
    if match is None:
        return text
    words = [kind_name(match["kind"]), match["number"]]
    if match["copy"]:
        words.append(_t(_COPY).format(copy=match["copy"]))
    if match["box"]:
        words.append(_t(_BOX).format(box=match["box"]))
    return " ".join(words)


# Error details that hold codes, by the name the services give them, and how each is worded.
DETAILS: dict[str, Callable[[str], str]] = {
    "roles": roles_text,
    "role": lambda code: word(SIGNERS, code),
    "status": state_name,
    "action": lambda code: word(ACTIONS, code.replace(" ", "_")),
    "kind": kind_name,
    "kinds": _listed(KINDS),
    "method": method_name,
    "problems": _listed(PROBLEMS),
    "what": document_text,
}


def detail_text(key: str, value: object) -> object:
    """An error detail as a person reads it: codes worded, anything else untouched."""
    wording = DETAILS.get(key)
    return wording(value) if wording is not None and isinstance(value, str) else value
