"""Customer records: create on the spot, look up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from pos.db.database import Database
from pos.db.models import Customer
from pos.db.numbering import next_value
from pos.domain.customers import pinyin_key, validate_customer
from pos.domain.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from pos.domain.roles import Role
from pos.services import audit
from pos.services.staff import Approval, StaffInfo, approve, require_role

# Customer numbers are one running sequence, kept in the day counter table under a fixed day.
_CUSTOMER_SEQUENCE_DAY = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class CustomerInfo:
    id: int
    number: str
    name: str
    phone: str
    address: str  # prints on box labels
    customer_type: str
    balance_fen: int
    return_ratio_permille: int = 0  # franchise contract (加盟合同), set by a manager
    contract_start: date | None = None  # no dates: no contract on file
    contract_end: date | None = None


def info(customer: Customer) -> CustomerInfo:
    return CustomerInfo(
        customer.id,
        customer.number,
        customer.name,
        customer.phone,
        customer.address,
        customer.customer_type,
        customer.balance_fen,
        customer.return_ratio_permille,
        customer.contract_start,
        customer.contract_end,
    )


def create_customer(
    db: Database,
    actor: StaffInfo | None,
    *,
    name: str,
    phone: str,
    address: str,
    customer_type: str = "wholesale",
    allow_duplicate_phone: bool = False,
    command_id: str | None = None,
) -> CustomerInfo:
    """Create a record. A phone number already on file is refused unless the caller confirms
    (allow_duplicate_phone), since it usually means the customer exists under another spelling.
    A franchise customer starts with no contract: a manager enters it (set_contract). A retry with
    the same command_id returns the record the first attempt made."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER, Role.ADMIN)
    name, phone, address, kind = validate_customer(name, phone, address, customer_type)
    with db.transaction() as session:
        if (done := audit.command_seen(session, command_id)) is not None:
            return info(_locked(session, done.entity_id))
        _refuse_duplicate_phone(session, phone, allow_duplicate_phone)
        number = f"C{next_value(session, 'customer', _CUSTOMER_SEQUENCE_DAY):06d}"
        full, initials = pinyin_key(name)
        customer = Customer(
            number=number,
            name=name,
            name_pinyin=full,
            name_initials=initials,
            phone=phone,
            address=address,
            customer_type=kind.value,
        )
        session.add(customer)
        session.flush()
        audit.record(
            session,
            actor_id=actor.id,
            action="customer.create",
            entity="customer",
            entity_id=number,
            detail={"name": name, "phone": phone, "type": kind.value},
            at=db.now(),
            command_id=command_id,
        )
        return info(customer)


def _refuse_duplicate_phone(session: Session, phone: str, allowed: bool, *, other_than: int | None = None) -> None:
    query = select(Customer).where(Customer.phone == phone)
    if other_than is not None:
        query = query.where(Customer.id != other_than)
    existing = session.scalars(query).all()
    if existing and not allowed:
        names = ", ".join(f"{c.name} ({c.number})" for c in existing)
        raise Conflict("Phone {phone} is already on file for {names}.", phone=phone, names=names)


@dataclass(frozen=True, slots=True)
class Contract:
    """A franchise contract (加盟合同): first and last day (both or neither) and the return ratio (‰)."""

    start: date | None
    end: date | None
    ratio_permille: int


def update_customer(
    db: Database,
    actor: StaffInfo | None,
    number: str,
    *,
    name: str,
    phone: str,
    address: str,
    customer_type: str,
    allow_duplicate_phone: bool = False,
    contract: Contract | None = None,
    approval: Approval | None = None,
    command_id: str | None = None,
) -> CustomerInfo:
    """Correct the record (name, phone, address that prints on box labels, type): any cashier may,
    and the audit keeps the old and the new value of every field changed. The balance is not part
    of it; the franchise contract is, with a manager's approval (login and PIN, checked in this
    transaction): the record and its contract are saved together or not at all. A retry with the
    same command_id is recorded once."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER, Role.ADMIN)
    name, phone, address, kind = validate_customer(name, phone, address, customer_type)
    if contract is not None:
        if approval is None:
            raise PermissionDenied("A franchise contract is entered with a manager's approval.")
        _check_contract(contract)
    with db.transaction() as session:
        if audit.command_seen(session, command_id) is not None:
            return info(_locked(session, number))
        customer = _locked(session, number)
        # after the record's lock: the approval's audit entry takes the log's head, which every act takes last
        approver = (
            approve(db, session, approval, Role.MANAGER, requester=actor) if contract is not None and approval else None
        )
        _refuse_duplicate_phone(session, phone, allow_duplicate_phone, other_than=customer.id)
        changes = _changes(customer, {"name": name, "phone": phone, "address": address, "customer_type": kind.value})
        if changes:
            customer.name, customer.phone, customer.address, customer.customer_type = name, phone, address, kind.value
            customer.name_pinyin, customer.name_initials = pinyin_key(name)
            audit.record(
                session,
                actor_id=actor.id,
                action="customer.update",
                entity="customer",
                entity_id=customer.number,
                detail=changes,
                at=db.now(),
                command_id=command_id,
            )
        if contract is not None and approver is not None:
            # one entry carries the command id (it is unique): the record's when it changed
            _apply_contract(session, db, approver, customer, contract, None if changes else command_id)
        return info(customer)


def set_contract(
    db: Database, manager: StaffInfo | None, number: str, *, start: date | None, end: date | None, ratio_permille: int
) -> CustomerInfo:
    """A manager enters (or corrects, or clears) a franchise customer's contract: its first and
    last day and the return ratio in ‰; audited with old and new values. Both dates or neither."""
    manager = require_role(manager, Role.MANAGER)
    contract = Contract(start, end, ratio_permille)
    _check_contract(contract)
    with db.transaction() as session:
        customer = _locked(session, number)
        _apply_contract(session, db, manager, customer, contract)
        return info(customer)


def _check_contract(contract: Contract) -> None:
    if not 0 <= contract.ratio_permille <= 1000:
        raise InvalidInput("The return ratio must be between 0% and 100%.")
    if (contract.start is None) != (contract.end is None):
        raise InvalidInput("A contract has both a first and a last day.")
    if contract.start is not None and contract.end is not None and contract.end < contract.start:
        raise InvalidInput("The contract ends before it starts.")


def _apply_contract(
    session: Session,
    db: Database,
    manager: StaffInfo,
    customer: Customer,
    contract: Contract,
    command_id: str | None = None,
) -> None:
    if customer.customer_type != "franchise" and contract.start is not None:
        raise Conflict(
            "{name} is not a franchise customer: only franchise customers have a contract.", name=customer.name
        )
    changes = _changes(
        customer,
        {
            "contract_start": contract.start,
            "contract_end": contract.end,
            "return_ratio_permille": contract.ratio_permille,
        },
    )
    if changes:
        customer.contract_start, customer.contract_end = contract.start, contract.end
        customer.return_ratio_permille = contract.ratio_permille
        audit.record(
            session,
            actor_id=manager.id,
            action="customer.contract",
            entity="customer",
            entity_id=customer.number,
            detail=changes,
            at=db.now(),
            command_id=command_id,
        )


def _locked(session: Session, number: str) -> Customer:
    """The record, locked on PostgreSQL so two stations' corrections cannot interleave."""
    customer = session.scalar(select(Customer).where(Customer.number == (number or "").strip()).with_for_update())
    if customer is None:
        raise NotFound("No customer with number {number}.", number=number)
    return customer


def _changes(customer: Customer, new: dict[str, object]) -> dict[str, dict[str, object]]:
    """{field: {"old": ..., "new": ...}} for every field whose value changes (dates as ISO text)."""

    def plain(value: object) -> object:
        return value.isoformat() if isinstance(value, date) else value

    return {
        key: {"old": plain(getattr(customer, key)), "new": plain(value)}
        for key, value in new.items()
        if getattr(customer, key) != value
    }


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_QUERY = 40
MIN_PHONE_ENDING = 4  # fewer digits match too many phones to mean "the one ending in ..."


def clean_query(text: str) -> str:
    """What a search box may hold: no control characters (a scanner burst, a paste), trimmed, and
    full-width digits and letters (a Chinese input method) as their plain forms."""
    text = unicodedata.normalize("NFKC", text or "")
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_QUERY]


def prefix(column: InstrumentedAttribute[str], text: str) -> ColumnElement[bool]:
    """column starts with text, as a range its index answers on both databases (the searched
    columns compare in code point order, see pos.db.models.base.searched)."""
    return (column >= text) & (column < text + "\U0010ffff")


def like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def search(db: Database, text: str, *, limit: int = 20) -> list[CustomerInfo]:
    """Customers whose phone, number, name, full pinyin or pinyin initials start with the text
    (zs or zhang finds 张三; 138 finds phones starting 138), or whose phone ends with 4 or more
    digits typed (8000 finds 13800138000); names also match inside. Results as you type: prefix
    lookups on indexed columns first (the phone's ending through its reversed copy), a
    contains-scan only to fill up."""
    query = clean_query(text)
    if not query:
        return []
    with db.read() as session:
        found: dict[int, Customer] = {}

        def take(condition: ColumnElement[bool], order: InstrumentedAttribute[str] | None = None) -> None:
            # In the order of the index that found them, so the first page is read off the index
            # instead of sorting every match ("1" matches nearly every phone).
            if len(found) >= limit:
                return
            chosen = select(Customer).where(condition)
            if order is not None:
                chosen = chosen.order_by(order)
            rows = session.scalars(chosen.limit(limit))
            for customer in rows:
                found.setdefault(customer.id, customer)

        def starting(column: InstrumentedAttribute[str], text: str) -> None:
            take(prefix(column, text), column)

        compact = query.replace(" ", "").replace("-", "")
        if compact.isdigit():
            starting(Customer.phone, compact)
            starting(Customer.number, "C" + compact)
            if len(compact) >= MIN_PHONE_ENDING:
                starting(Customer.phone_reversed, compact[::-1])
        elif compact.isascii() and compact.isalnum():
            lowered = compact.lower()
            if lowered[0] == "c" and lowered[1:].isdigit():
                starting(Customer.number, compact.upper())
            starting(Customer.name_initials, lowered)
            starting(Customer.name_pinyin, lowered)
        else:
            starting(Customer.name, query)
            take(Customer.name.like(f"%{like_escape(query)}%", escape="\\"))
        return [info(c) for c in list(found.values())[:limit]]


def get(db: Database, number: str) -> CustomerInfo:
    with db.read() as session:
        return info(get_by_number(session, number))


def get_by_number(session: Session, number: str) -> Customer:
    customer = session.scalar(select(Customer).where(Customer.number == number.strip()))
    if customer is None:
        raise NotFound("No customer with number {number}.", number=number)
    return customer
