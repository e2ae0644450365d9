"""What a print request prints: the documents planned from what is stored now, each with its
job reference and reprint marks (queue stores them; prerender renders them ahead)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from pos.db.models import Order, Payment, PrintJob, ReturnSlip
from pos.domain.errors import Conflict, InvalidInput
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.roles import Role
from pos.domain.times import local
from pos.printing import layouts
from pos.printing.connections import PrinterConfig
from pos.printing.data import BoxLabelData, PrintMeta
from pos.printing.document import Document, Element
from pos.services.lookup import get_order, lock_return_slip
from pos.services.printing.records import KINDS, REFUND, REVISION, PrintContext
from pos.services.printing.slip_data import box_label_data, receipt_data, return_slip_data, sales_slip_data
from pos.services.staff import StaffInfo, require_role


@dataclass(frozen=True)
class _Planned:
    """One document to print: what it is, and how to build it once its marks are known."""

    kind: str
    copy: int
    box_number: int
    order_id: int | None
    return_slip_id: int | None
    build: Callable[[PrintMeta], Document]
    # what the document is built from, for the kinds rendered ahead (see prerender): the same data
    # and marks make the same document, so one rendered ahead is taken without building it again
    data: object = None


def _plan(
    session: Session, kind: str, number: str, copies: tuple[int, ...], boxes: tuple[int, ...], *, lock: bool = True
) -> list[_Planned]:
    """The documents for one print request, from what is stored now. The order (or return slip)
    is held until commit, so two stations printing or reprinting it at once take turns: the
    second sees the first's job and numbers its reprint after it. Without `lock` (rendering
    ahead, in a read) the order is only read; return slips are always held."""
    if kind == "sales-slip":
        order = get_order(session, number, lock=lock)
        if not order.lines:
            raise Conflict("Order {number} has no lines to print.", number=order.number)
        sales = sales_slip_data(session, order)
        return [
            _Planned(kind, c, 0, order.id, None, lambda meta: layouts.sales_slip(sales, meta), sales) for c in copies
        ]
    if kind == REVISION:
        order = get_order(session, number, lock=lock)
        sales = sales_slip_data(session, order)
        if not any(line.crossed for line in sales.lines):
            raise Conflict(
                "Nothing was crossed out on order {number}: the customer's copy printed for checking is right.",
                number=order.number,
            )
        return [_Planned(kind, 3, 0, order.id, None, lambda meta: layouts.sales_slip(sales, meta), sales)]
    if kind == "receipt":
        order = get_order(session, number, lock=lock)
        paid = receipt_data(session, order)
        return [_Planned(kind, 0, 0, order.id, None, lambda meta: layouts.receipt(paid, meta), paid)]
    if kind == "return-slip":
        slip = lock_return_slip(session, number)
        images = {s.role: s.image_png for s in slip.signatures if s.image_png}
        returned = return_slip_data(session, slip)
        return [_Planned(kind, 0, 0, slip.order_id, slip.id, lambda meta: layouts.return_slip(returned, meta, images))]
    if kind == REFUND:
        slip = lock_return_slip(session, number)
        refund = session.scalar(select(Payment).where(Payment.command_id == f"refund-{slip.number}"))
        if refund is None:
            raise Conflict("Return slip {number} was not refunded: there is no refund receipt.", number=slip.number)
        returned, method, at = return_slip_data(session, slip), refund.method, local(refund.created_at)
        return [
            _Planned(
                kind, 0, 0, slip.order_id, slip.id, lambda meta: layouts.refund_receipt(returned, method, at, meta)
            )
        ]
    if kind == "box-label":
        order = get_order(session, number, lock=lock)
        chosen = [b for b in order.boxes if not boxes or b.number in boxes]
        if not chosen:
            raise Conflict("Order {number} has no boxes to label.", number=order.number)
        return [
            _Planned(kind, 0, b.number, order.id, None, _box_label(label), label)
            for b in chosen
            for label in (box_label_data(session, order, b),)
        ]
    raise InvalidInput("Unknown document kind '{kind}': use {kinds}.", kind=kind, kinds=", ".join(KINDS))


def _revisions(order_id: int | None) -> tuple[ColumnElement[bool], ...]:
    """The revised customer's copies of an order that were not cancelled: originals and reprints."""
    return PrintJob.kind == REVISION, PrintJob.order_id == order_id, PrintJob.status != PrintJobStatus.CANCELLED


def _revision_marks(session: Session, order_id: int | None, reprint: bool) -> tuple[int, int]:
    """(revision, reprint) for a revised customer's copy: a new one is the next revision; a reprint
    is the latest revision again, marked 重印 with its own count."""
    earlier = session.scalars(select(PrintJob.reprint).where(*_revisions(order_id))).all()
    made = sum(1 for r in earlier if not r)
    if not reprint or not made:
        return made + 1, 0
    return made, len(earlier) - made + 1


def revision_of(session: Session, job: PrintJob) -> int:
    """The revision number a stored job printed (0 for any other document): redirecting it to
    another printer builds the same revision again."""
    if job.kind != REVISION:
        return 0
    made = select(func.count()).where(*_revisions(job.order_id), PrintJob.reprint == 0, PrintJob.id <= job.id)
    return max(session.scalar(made) or 0, 1)


def _previous_prints(session: Session, planned: _Planned) -> int:
    query = (
        select(func.count())
        .select_from(PrintJob)
        .where(
            PrintJob.kind == planned.kind,
            PrintJob.copy == planned.copy,
            PrintJob.box_number == planned.box_number,
            PrintJob.status != PrintJobStatus.CANCELLED,
        )
    )
    if planned.return_slip_id is not None:
        query = query.where(PrintJob.return_slip_id == planned.return_slip_id)
        completed = session.scalar(select(ReturnSlip.completed_at).where(ReturnSlip.id == planned.return_slip_id))
        if completed is not None:
            # printed for checking while unsigned, then once more when complete: not a reprint
            query = query.where(PrintJob.created_at >= completed)
    else:
        query = query.where(PrintJob.order_id == planned.order_id)
        if planned.kind == "box-label":
            checked = session.scalar(select(Order.checked_at).where(Order.id == planned.order_id))
            if checked is not None:
                # "box i" at sealing, then the final "box i of n" set when the check completes: not a reprint
                query = query.where(PrintJob.created_at >= checked)
    return session.scalar(query) or 0


@dataclass(frozen=True)
class Made:
    plan: _Planned
    ref: str
    document: Document
    earlier: int  # prints before this one: 0 for the first, n for the nth reprint
    key: str  # data and marks, for the documents rendered ahead; "" for other kinds


def check_copies(copies: tuple[int, ...]) -> None:
    if any(c not in (1, 2, 3) for c in copies) or not copies:
        raise InvalidInput("Copies are 1, 2 and 3.")


def documents(
    session: Session,
    actor: StaffInfo | None,
    context: PrintContext,
    config: PrinterConfig,
    *,
    kind: str,
    number: str,
    copies: tuple[int, ...],
    boxes: tuple[int, ...],
    reprint: bool,
    extra: tuple[Element, ...],
    refs: dict[tuple[str, int, int], str] | None = None,
    known: dict[str, Document] | None = None,
    lock: bool = True,
) -> list[Made]:
    """Each document of a print request with its job reference and reprint count, refused as a
    second print unless a manager asks for a reprint. `refs` gives the references chosen when
    the documents were rendered ahead (see prerender), and `known` the documents built then, by
    key: one whose data and marks are the same is taken as it is."""
    meta = PrintMeta(job_ref="", columns=config.columns, shop_name=context.shop_name)
    made = []
    for plan in _plan(session, kind, number, copies, boxes, lock=lock):
        if plan.kind == REVISION:
            revision, earlier = _revision_marks(session, plan.order_id, reprint)
        else:
            revision, earlier = 0, _previous_prints(session, plan)
        if earlier and not reprint:
            raise Conflict(
                "{what} was printed (or queued) already; ask a manager for a reprint.",
                what=f"{plan.kind} {number}"
                + (f" copy {plan.copy}" if plan.copy else "")
                + (f" box {plan.box_number}" if plan.box_number else ""),
            )
        if earlier:
            require_role(actor, Role.MANAGER)
        ref = (refs or {}).get((plan.kind, plan.copy, plan.box_number)) or uuid.uuid4().hex[:8]
        key = ""
        if plan.data is not None:
            key = repr((plan.kind, plan.copy, plan.box_number, ref, earlier, revision, meta, plan.data, extra))
        document = (known or {}).get(key) if key else None
        if document is None:
            document = plan.build(replace(meta, job_ref=ref, copy=plan.copy, reprint=earlier, revision=revision))
            document.elements.extend(extra)
        made.append(Made(plan, ref, document, earlier, key))
    return made


def _box_label(label: BoxLabelData) -> Callable[[PrintMeta], Document]:
    """Binds each box's label now: the plan is laid out after the loop has moved on."""
    return lambda meta: layouts.box_label(label, meta)
