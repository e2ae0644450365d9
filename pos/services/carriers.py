"""The carriers the shop sends by and their rates: listed for the cashier's quote, set by a manager
(audited with the old and new rates), shared by every station through the database."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Carrier
from pos.domain.errors import InvalidInput, NotFound
from pos.domain.freight import Basis, Rate
from pos.domain.money import Money
from pos.domain.roles import Role
from pos.services import audit
from pos.services.staff import StaffInfo, require_role

MAX_DAYS = 60


@dataclass(frozen=True)
class CarrierInfo:
    name: str
    rate: Rate
    days_to_arrive: int
    active: bool


def rate_of(row: Carrier) -> Rate:
    return Rate(Basis(row.basis), row.first_kg_fen, row.further_kg_fen, row.per_box_fen, row.minimum_fen)


def _info(row: Carrier) -> CarrierInfo:
    return CarrierInfo(row.name, rate_of(row), row.days_to_arrive, row.active)


def _detail(row: Carrier) -> dict[str, object]:
    return {
        "basis": row.basis,
        "first_kg_fen": row.first_kg_fen,
        "further_kg_fen": row.further_kg_fen,
        "per_box_fen": row.per_box_fen,
        "minimum_fen": row.minimum_fen,
        "days_to_arrive": row.days_to_arrive,
        "active": row.active,
    }


def list_carriers(db: Database, *, include_inactive: bool = False) -> list[CarrierInfo]:
    with db.transaction() as session:
        query = select(Carrier).order_by(Carrier.position, Carrier.id)
        if not include_inactive:
            query = query.where(Carrier.active.is_(True))
        return [_info(row) for row in session.scalars(query)]


def _named(session: Session, name: str, *, lock: bool = False) -> Carrier | None:
    query = select(Carrier).where(Carrier.name == name)
    return session.scalar(query.with_for_update() if lock else query)


@use_case
def save_carrier(
    db: Database, actor: StaffInfo | None, name: str, rate: Rate, days_to_arrive: int, *, active: bool = True
) -> CarrierInfo:
    """Add a carrier or change one's rate, days or whether it is offered: a manager's act."""
    actor = require_role(actor, Role.MANAGER)
    name = " ".join((name or "").split())
    if not name or len(name) > 40:
        raise InvalidInput("A carrier's name is 1 to 40 characters.")
    if isinstance(days_to_arrive, bool) or not isinstance(days_to_arrive, int) or not 0 <= days_to_arrive <= MAX_DAYS:
        raise InvalidInput("Days to arrive is a whole number from 0 to {most}.", most=MAX_DAYS)
    with db.transaction() as session:
        row = _named(session, name, lock=True)
        before = _detail(row) if row is not None else None
        if row is None:
            after_last = session.scalar(select(func.coalesce(func.max(Carrier.position) + 1, 0)))
            row = Carrier(name=name, position=after_last)
            session.add(row)
        row.basis, row.first_kg_fen, row.further_kg_fen = rate.basis.value, rate.first_kg_fen, rate.further_kg_fen
        row.per_box_fen, row.minimum_fen = rate.per_box_fen, rate.minimum_fen
        row.days_to_arrive, row.active = days_to_arrive, active
        row.updated_at, row.updated_by_id = db.now(), actor.id
        session.flush()
        audit.record(
            session,
            actor_id=actor.id,
            action="carrier.save",
            entity="carrier",
            entity_id=name,
            detail={"before": before, "after": _detail(row)},
            at=db.now(),
        )
        return _info(row)


def quote(db: Database, name: str, *, boxes: int, grams: int) -> Money:
    """What the carrier charges for these boxes and this weight, for the cashier to tell the customer."""
    with db.transaction() as session:
        return rate_of(offered(session, name)).fee(boxes=boxes, grams=grams)


def offered(session: Session, name: str) -> Carrier:
    """The carrier of this name that the shop still sends by, or NotFound."""
    row = _named(session, (name or "").strip())
    if row is None or not row.active:
        raise NotFound("No carrier '{name}': choose one of the carriers in settings.", name=name)
    return row
