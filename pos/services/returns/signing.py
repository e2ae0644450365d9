"""Signing a return slip (handler, customer, manager) and what the third signature sets off: the
goods back in stock and, for a settled order, the money back. A manager may set a slip aside."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Customer, Order, OrderLine, Payment, ReturnSlip, Signature, StockMovement
from pos.domain import return_slips
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.orders import OrderStatus
from pos.domain.roles import Role
from pos.domain.times import local
from pos.printing import layouts
from pos.printing.data import PrintMeta
from pos.printing.document import Document
from pos.services import audit, printing
from pos.services.lookup import lock_customer
from pos.services.printing import PrintContext
from pos.services.returns.slips import (
    CROSSED_AT_BENCH,
    ROLES,
    ReturnInfo,
    _open_slip,
    _refund_command,
    _signed_already,
    _slip,
    info,
)
from pos.services.staff import Approval, StaffInfo, approve, require_role

# A staff signature may be given by anyone on the staff; the manager's needs a manager.
_SIGNER_ROLES = {"handler": tuple(Role), "manager": (Role.MANAGER,)}


def _replayed(session: Session, number: str, command_id: str | None) -> ReturnInfo | None:
    """The slip as it is now when this command was done already (a retry after a lost reply): the
    act is not done twice, and not refused either because the first attempt changed what it checks."""
    if audit.command_seen(session, command_id) is None:
        return None
    return info(session, _slip(session, number))


@use_case
def sign(
    db: Database,
    actor: StaffInfo | None,
    number: str,
    role: str,
    *,
    signer: Approval | None = None,
    method: str = "pin",
    customer_name: str = "",
    image_png: bytes | None = None,
    station: str = "",
    context: PrintContext | None = None,
    printer_uri: str = "preview:",
    command_id: str | None = None,
) -> ReturnInfo:
    """Record one signature. Staff sign with their login code and PIN (`signer`, an Approval
    checked in this transaction and audited with the signature, so a signature refused leaves no
    approval behind); the manager's needs a manager, and the handler and the manager are different
    people. The customer signs on the pad (image) or on paper (recorded by `actor`). The third
    signature makes the slip complete: from then on it counts in the settlement, and money handed
    back (a settled order refunded by its original method) gets a refund receipt on `printer_uri`,
    queued in the same transaction, with a drawer pulse when it is cash; the result's `callout`
    says what to call out. A retry with the same command_id signs nothing again and returns the slip."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    if role not in ROLES:
        raise InvalidInput("A return slip is signed by the handler, the customer and a manager.")
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        slip = _open_slip(session, number)
        if any(s.role == role for s in slip.signatures):
            raise _signed_already(role, slip.number)
        staff_id, name = None, customer_name.strip()
        if role in ("handler", "manager"):
            if signer is None:
                raise InvalidInput("Staff sign with their login code and PIN.")
            if {s.role for s in slip.signatures} | {role} >= set(ROLES):
                # the rows this act locks come before the approval's audit entry, which takes
                # the audit log's head (every act takes it last): the customer, for a refund
                order = session.get(Order, slip.order_id)
                assert order is not None
                lock_customer(session, order.customer_id)
            person = approve(db, session, signer, *_SIGNER_ROLES[role], requester=None)
            other = next((s for s in slip.signatures if s.role in ("handler", "manager") and s.role != role), None)
            if other is not None and other.staff_id == person.id:
                raise Conflict("The handler and the manager must be different people.")
            staff_id, name, method = person.id, person.name, "pin"
        else:
            if method not in ("pad", "paper"):
                raise InvalidInput("The customer signs on the pad or on paper.")
            if method == "pad" and not image_png:
                raise InvalidInput("The signature pad is empty.")
            order = session.get(Order, slip.order_id)
            customer = session.get(Customer, order.customer_id) if order else None
            name = name or (customer.name if customer else "")
        slip.signatures.append(
            Signature(
                role=role,
                method=method,
                staff_id=staff_id,
                signer_name=name,
                image_png=image_png if method == "pad" else None,
                signed_at=db.now(),
            )
        )
        session.flush()
        complete = {s.role for s in slip.signatures} >= set(ROLES)
        slip.status = return_slips.transition(slip.status, "complete" if complete else "sign")
        detail: dict[str, object] = {"role": role, "method": method, "signer": name, "status": slip.status}
        if complete:
            slip.completed_at = db.now()
            refund = _take_effect(session, db, actor, slip, station)
            # the money handed back, for `pos audit verify` to hold the refund's payment row against
            detail["refund"] = None if refund is None else [refund.method, refund.amount_fen]
            if refund is not None:
                _queue_refund_receipt(
                    session, db, actor, slip, refund, context or PrintContext(station=station), printer_uri
                )
        audit.record(
            session,
            actor_id=actor.id,
            action="return.sign",
            entity="return_slip",
            entity_id=slip.number,
            detail=detail,
            at=db.now(),
            command_id=command_id,
        )
        return info(session, slip)


@use_case
def void(
    db: Database,
    actor: StaffInfo | None,
    approval: Approval,
    number: str,
    reason: str,
    *,
    command_id: str | None = None,
) -> ReturnInfo:
    """A manager sets a slip aside (with a reason), approving on the spot (login code and PIN,
    checked in this transaction and audited with it): it will never take effect. The units of a
    slip crossed out at the bench were not taken back; without the slip nothing returns them, so
    they are un-crossed and go back to being checked at the bench (tick them, or cross them out
    again onto a new slip): the order's total on screen and the amount settled stay one number.
    Refuses a slip complete or set aside already; a retry with the same command_id sets nothing
    aside again and returns the slip."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    if not (reason or "").strip():
        raise InvalidInput("Setting a return slip aside needs a reason.")
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        slip = _open_slip(session, number)
        manager = approve(db, session, approval, Role.MANAGER, requester=actor)
        slip.status, slip.void_reason = return_slips.transition(slip.status, "void"), reason.strip()
        uncrossed = []
        if slip.refund_method == CROSSED_AT_BENCH:
            for line in slip.lines:
                session.execute(
                    update(OrderLine)
                    .where(OrderLine.id == line.order_line_id)
                    .values(crossed=OrderLine.crossed - line.quantity)
                )
                position = session.scalar(select(OrderLine.position).where(OrderLine.id == line.order_line_id))
                uncrossed.append({"position": position, "quantity": line.quantity})
        audit.record(
            session,
            actor_id=actor.id,
            action="return.void",
            entity="return_slip",
            entity_id=slip.number,
            detail={"reason": reason.strip(), "uncrossed": uncrossed, "approved_by": manager.login_code},
            at=db.now(),
            command_id=command_id,
        )
        return info(session, slip)


def _take_effect(session: Session, db: Database, actor: StaffInfo, slip: ReturnSlip, station: str) -> Payment | None:
    """Complete: the goods return to stock; for an order not yet settled the settlement nets the
    amount off; for a settled one
    the money goes back, by the original method (a negative payment, which day end counts as a
    refund) or as credit on the customer's account; returns the refund payment, if any."""
    order = session.get(Order, slip.order_id)
    assert order is not None
    for line in slip.lines:  # the goods come back into stock
        product_id = session.scalar(select(OrderLine.product_id).where(OrderLine.id == line.order_line_id))
        session.add(
            StockMovement(
                product_id=product_id,
                quantity=line.quantity,
                kind="return",
                order_id=order.id,
                return_slip_id=slip.id,
                created_at=db.now(),
            )
        )
    if order.status != OrderStatus.SETTLED:
        return None
    total = sum(line.unit_price_fen * line.quantity for line in slip.lines)
    if slip.refund_method == "account":
        lock_customer(session, order.customer_id)  # after the order, as everywhere
        _move_balance(session, order.customer_id, -total)
        return None
    method = (
        session.scalar(
            select(Payment.method)
            .where(Payment.order_id == order.id, Payment.amount_fen > 0)
            .order_by(Payment.amount_fen.desc())
        )
        or "cash"
    )
    refund = Payment(
        command_id=_refund_command(slip),
        order_id=order.id,
        method=method,
        amount_fen=-total,
        tendered_fen=0,
        change_fen=0,
        cashier_id=actor.id,
        station=station,
        created_at=db.now(),
    )
    session.add(refund)
    if method == "account":  # goods bought on account: handing the money "back" is owing less
        _move_balance(session, order.customer_id, -total)
    return refund


def _move_balance(session: Session, customer_id: int, delta_fen: int) -> None:
    """One atomic `balance = balance + delta`, so two stations moving one balance never lose a change."""
    session.execute(
        update(Customer).where(Customer.id == customer_id).values(balance_fen=Customer.balance_fen + delta_fen)
    )


def _queue_refund_receipt(
    session: Session,
    db: Database,
    actor: StaffInfo,
    slip: ReturnSlip,
    refund: Payment,
    context: PrintContext,
    printer_uri: str,
) -> None:
    """The refund receipt goes to the spooler with the change that made it (sent after commit);
    cash also opens the drawer, as at settlement: a job of its own, ahead of the receipt."""
    data = printing.return_slip_data(session, slip)
    if refund.method == "cash":
        printing.queue_drawer(session, db, actor, context, printer_uri)

    def build(meta: PrintMeta) -> Document:
        return layouts.refund_receipt(data, refund.method, local(refund.created_at), meta)

    printing.queue_document(
        session,
        db,
        actor,
        context,
        kind="refund",
        label=slip.number,
        printer_uri=printer_uri,
        build=build,
        order_id=slip.order_id,
        return_slip_id=slip.id,
    )
