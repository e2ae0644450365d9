"""Signatures at the bench and completing the check."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import Box, BoxItem, Customer, Order, Signature
from pos.domain.check import Mode
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.orders import transition
from pos.domain.roles import Role
from pos.services import audit, printing, remote
from pos.services.bench.boxes import BenchPrinters, _copy3_in_box, revise_copy3
from pos.services.bench.shortfall import open_shortfall
from pos.services.bench.views import LIVE_BOX, LIVE_SIGNATURE, BenchView, _checking, _replayed, _unfinished, view
from pos.services.staff import Approval, StaffInfo, approve, require_role


@use_case
def sign_second_checker(
    db: Database, packer: StaffInfo | None, approval: Approval, number: str, *, command_id: str | None = None
) -> BenchView:
    """Customer absent: a second packer checks too, with their login and PIN (checked in this
    transaction and audited with the signature: a refusal leaves no approval behind). A retry with
    the same command_id signs nothing again and returns the check."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        if order.customer_mode != Mode.ABSENT:
            raise Conflict("A second packer signs only when the customer is absent.")
        second = approve(db, session, approval, Role.PACKER, Role.MANAGER, requester=None)
        checker = session.scalar(
            select(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE, Signature.role == "checker")
        )
        if checker is not None and checker.staff_id == second.id:
            raise Conflict("The second packer must be a different person from the first.")
        if session.scalar(
            select(Signature.id).where(
                Signature.order_id == order.id, LIVE_SIGNATURE, Signature.role == "second_checker"
            )
        ):
            raise Conflict("Order {number} has its second packer already.", number=order.number)
        session.add(
            Signature(
                order_id=order.id,
                role="second_checker",
                method="pin",
                staff_id=second.id,
                signer_name=second.name,
                signed_at=db.now(),
            )
        )
        audit.record(
            session,
            actor_id=second.id,
            action="bench.second_checker",
            entity="order",
            entity_id=order.number,
            detail={"approved_by": second.login_code, "station_user": packer.login_code},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return view(session, order)


@use_case
def sign_customer(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    *,
    image_png: bytes | None = None,
    on_paper: bool = False,
    command_id: str | None = None,
) -> BenchView:
    """Customer present: they confirm everything is in the boxes and sign (pad, or paper recorded
    by the packer). A retry with the same command_id signs nothing again (no superseded copy)."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        _customer_signs(session, db, packer, order, image_png, on_paper, command_id)
        return view(session, order)


def _customer_signs(
    session: Session,
    db: Database,
    packer: StaffInfo,
    order: Order,
    image_png: bytes | None,
    on_paper: bool,
    command_id: str | None = None,
) -> None:
    if not on_paper and not image_png:
        raise InvalidInput("The signature pad is empty.")
    if order.customer_mode != Mode.PRESENT:
        raise Conflict("The customer is absent: two packers sign instead.")
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    now = db.now()
    existing = session.scalar(
        select(Signature).where(Signature.order_id == order.id, LIVE_SIGNATURE, Signature.role == "customer")
    )
    if existing is not None:
        # signed again after a correction: the newest signature counts, the earlier one stays on
        # record as superseded (one live signature per role: it stops being live first)
        existing.superseded_at = now
        session.flush()
    signature = Signature(
        order_id=order.id,
        role="customer",
        method="paper" if on_paper else "pad",
        signer_name=customer.name,
        image_png=None if on_paper else image_png,
        signed_at=now,
    )
    session.add(signature)
    session.flush()
    audit.record(
        session,
        actor_id=packer.id,
        action="bench.customer_signed",
        entity="order",
        entity_id=order.number,
        detail={"method": "paper" if on_paper else "pad", "signature": signature.id},
        at=now,
        command_id=command_id,
    )
    if existing is not None:
        existing.superseded_by_id = signature.id
        audit.record(
            session,
            actor_id=packer.id,
            action="signature.superseded",
            entity="order",
            entity_id=order.number,
            detail={"role": "customer", "signature": existing.id, "by": signature.id},
            at=now,
        )
    session.flush()


@use_case
def complete(
    db: Database,
    packer: StaffInfo | None,
    number: str,
    *,
    signature_png: bytes | None = None,
    signed_on_paper: bool = False,
    copy3_confirmed_by: Approval | None = None,
    printers: BenchPrinters | None = None,
    command_id: str | None = None,
) -> BenchView:
    """The order is checked when every unit is ticked or crossed, every box with items is sealed
    (empty open boxes are discarded), the signatures are there and any return slip is signed or set
    aside. Copy 3 goes to the customer, or inside the box when they are absent (the other packer
    confirms with `copy3_confirmed_by`, login and PIN, checked here). The customer's signature,
    when given, is taken in the same transaction (sign-and-complete): a refusal leaves no signature
    and no approval behind. With `printers`, the final set of box labels prints with the check:
    "box i of n" on each, now that n is known (a label printed at sealing says only "box i"); and
    if anything was crossed out, copy 3 is printed again as a numbered revision with the net lines
    (unless it went into the box as one already). A retry with the same command_id returns the
    checked order."""
    packer = require_role(packer, Role.PACKER, Role.MANAGER)
    with db.transaction() as session:
        if (done := _replayed(session, number, command_id)) is not None:
            return done
        order = _checking(session, number)
        # before anything is audited: every act takes the audit log's head last
        confirmer = (
            approve(db, session, copy3_confirmed_by, Role.PACKER, Role.MANAGER, requester=None)
            if copy3_confirmed_by
            else None
        )
        if signature_png or signed_on_paper:
            _customer_signs(session, db, packer, order, signature_png, signed_on_paper)
        if confirmer is not None and order.customer_mode == Mode.ABSENT and order.copy3_to != "box":
            # the last box was sealed before everything was checked (the rest crossed out later)
            last = session.scalar(select(func.max(Box.number)).where(Box.order_id == order.id, LIVE_BOX)) or 0
            _copy3_in_box(session, db, order, packer, confirmer, last)
            if printers is not None:
                revise_copy3(session, db, packer, order, printers.context, printers.slips)
        for box in session.scalars(select(Box).where(Box.order_id == order.id, LIVE_BOX, Box.sealed_at.is_(None))):
            if not session.scalar(select(func.count()).select_from(BoxItem).where(BoxItem.box_id == box.id)):
                # set aside, not deleted: a tick that was packed into it and undone still points at it
                box.discarded_at = db.now()
        session.flush()
        if open_shortfall(session, order) is not None:
            raise Conflict(
                "Order {number} is short of what the customer paid for: call them first (Shift+F11, calls to "
                "make) and record that they were reached.",
                number=order.number,
            )
        current = view(session, order)
        if current.problems:
            raise Conflict(
                "Order {number} is not finished: {problem}", number=order.number, problem=_unfinished(current)
            )
        order.status = transition(order.status, "complete_check")
        order.checked_at = db.now()
        order.copy3_to = "customer" if order.customer_mode == Mode.PRESENT else "box"
        paid_first = remote.settle_paid(session, db, order)
        session.flush()
        if printers is not None and order.customer_mode == Mode.PRESENT:
            revise_copy3(session, db, packer, order, printers.context, printers.slips)
        if printers is not None and current.boxes:  # everything crossed out: no box, no label
            session.expire(order, ["boxes"])  # the empty ones set aside above are not labelled
            printing.queue_in_session(
                session,
                db,
                packer,
                printers.context,
                kind="box-label",
                number=order.number,
                printer_uri=printers.labels,
            )
        audit.record(
            session,
            actor_id=packer.id,
            action="bench.complete",
            entity="order",
            entity_id=order.number,
            detail={"boxes": len(current.boxes), "copy3": order.copy3_to, "settled": paid_first},
            at=db.now(),
            command_id=command_id,
        )
        session.flush()
        return view(session, order)
