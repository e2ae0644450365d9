"""Customer records: create on the spot, look up."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database
from pos.db.models import Customer
from pos.db.numbering import next_value
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.customers import pinyin_key, validate_customer
from pos.domain.roles import Role
from pos.services import audit
from pos.services.staff import StaffInfo, require_role

# Customer numbers are one running sequence, kept in the day counter table under a fixed day.
_CUSTOMER_SEQUENCE_DAY = date(2000, 1, 1)


@dataclass(frozen=True, slots=True)
class CustomerInfo:
    id: int
    number: str
    name: str
    phone: str
    address: str
    customer_type: str
    balance_fen: int


def info(customer: Customer) -> CustomerInfo:
    return CustomerInfo(
        customer.id, customer.number, customer.name, customer.phone, customer.address,
        customer.customer_type, customer.balance_fen,
    )


def create_customer(
    db: Database,
    actor: StaffInfo | None,
    *,
    name: str,
    phone: str,
    address: str,
    customer_type: str = "wholesale",
    return_ratio_permille: int = 0,
    allow_duplicate_phone: bool = False,
) -> CustomerInfo:
    """Create a record. A phone number already on file is refused unless the caller confirms
    (allow_duplicate_phone), since it usually means the customer exists under another spelling."""
    actor = require_role(actor, Role.CASHIER, Role.MANAGER, Role.ADMIN)
    name, phone, address, kind = validate_customer(name, phone, address, customer_type)
    if not 0 <= return_ratio_permille <= 1000:
        raise InvalidInput("The return ratio must be between 0% and 100%.")
    with db.transaction() as session:
        existing = session.scalars(select(Customer).where(Customer.phone == phone)).all()
        if existing and not allow_duplicate_phone:
            names = ", ".join(f"{c.name} ({c.number})" for c in existing)
            raise Conflict("Phone {phone} is already on file for {names}.", phone=phone, names=names)
        number = f"C{next_value(session, 'customer', _CUSTOMER_SEQUENCE_DAY):06d}"
        full, initials = pinyin_key(name)
        customer = Customer(
            number=number, name=name, name_pinyin=full, name_initials=initials, phone=phone, address=address,
            customer_type=kind.value, return_ratio_permille=return_ratio_permille,
        )
        session.add(customer)
        session.flush()
        audit.record(session, actor_id=actor.id, action="customer.create", entity="customer",
                     entity_id=number, detail={"name": name, "phone": phone, "type": kind.value},
                     at=db.now())
        return info(customer)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_QUERY = 40
MIN_PHONE_ENDING = 4  # fewer digits match too many phones to mean "the one ending in ..."


def clean_query(text: str) -> str:
    """What a search box may hold: no control characters (a scanner burst, a paste), trimmed, and
    full-width digits and letters (a Chinese input method) as their plain forms."""
    text = unicodedata.normalize("NFKC", text or "")
    return " ".join(_CONTROL.sub(" ", text).split())[:MAX_QUERY]


def _prefix(session: Session, column, prefix: str):  # noqa: ANN001, ANN202 - SQL expression
    """column starts with prefix, written so each database can use its index (SQLite: a range on
    the binary collation; PostgreSQL: LIKE with the wildcards escaped)."""
    if session.get_bind().dialect.name == "sqlite":
        return (column >= prefix) & (column < prefix + "\U0010ffff")
    return column.like(like_escape(prefix) + "%", escape="\\")


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
    with db.transaction() as session:
        found: dict[int, Customer] = {}

        def take(condition) -> None:  # noqa: ANN001
            if len(found) >= limit:
                return
            rows = session.scalars(select(Customer).where(condition).order_by(Customer.name).limit(limit))
            for customer in rows:
                found.setdefault(customer.id, customer)

        compact = query.replace(" ", "").replace("-", "")
        if compact.isdigit():
            take(_prefix(session, Customer.phone, compact))
            take(_prefix(session, Customer.number, "C" + compact))
            if len(compact) >= MIN_PHONE_ENDING:
                take(_prefix(session, Customer.phone_reversed, compact[::-1]))
        elif compact.isascii() and compact.isalnum():
            lowered = compact.lower()
            if lowered[0] == "c" and lowered[1:].isdigit():
                take(_prefix(session, Customer.number, compact.upper()))
            take(_prefix(session, Customer.name_initials, lowered))
            take(_prefix(session, Customer.name_pinyin, lowered))
        else:
            take(_prefix(session, Customer.name, query))
            take(Customer.name.like(f"%{like_escape(query)}%", escape="\\"))
        return [info(c) for c in list(found.values())[:limit]]


def get(db: Database, number: str) -> CustomerInfo:
    with db.transaction() as session:
        return info(get_by_number(session, number))


def get_by_number(session: Session, number: str) -> Customer:
    customer = session.scalar(select(Customer).where(Customer.number == number.strip()))
    if customer is None:
        raise NotFound("No customer with number {number}.", number=number)
    return customer
