"""Customer records: create on the spot, look up."""

from __future__ import annotations

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
    require_role(actor, Role.CASHIER, Role.MANAGER, Role.ADMIN)
    assert actor is not None
    name, phone, address, kind = validate_customer(name, phone, address, customer_type)
    if not 0 <= return_ratio_permille <= 1000:
        raise InvalidInput("The return ratio must be between 0% and 100%.")
    with db.transaction() as session:
        existing = session.scalars(select(Customer).where(Customer.phone == phone)).all()
        if existing and not allow_duplicate_phone:
            names = ", ".join(f"{c.name} ({c.number})" for c in existing)
            raise Conflict("Phone {phone} is already on file for {names}.", phone=phone, names=names)
        number = f"C{next_value(session, 'customer', _CUSTOMER_SEQUENCE_DAY):06d}"
        customer = Customer(
            number=number, name=name, name_pinyin=pinyin_key(name), phone=phone, address=address,
            customer_type=kind.value, return_ratio_permille=return_ratio_permille,
        )
        session.add(customer)
        session.flush()
        audit.record(session, actor_id=actor.id, action="customer.create", entity="customer",
                     entity_id=number, detail={"name": name, "phone": phone, "type": kind.value},
                     at=db.now())
        return info(customer)


def get_by_number(session: Session, number: str) -> Customer:
    customer = session.scalar(select(Customer).where(Customer.number == number.strip()))
    if customer is None:
        raise NotFound("No customer with number {number}.", number=number)
    return customer
