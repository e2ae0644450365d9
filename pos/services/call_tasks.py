"""Call the customer (通知客户): the tasks made when goods are shipped or the bench finds a
shortfall, listed for the staff until someone records that the customer was reached. Every call
is kept: who, when, and the outcome; no answer leaves the task open to try again later."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.database import Database, use_case
from pos.db.models import CallAttempt, CallTask, Customer, Order, Shipment, Staff
from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.roles import Role
from pos.domain.times import day_start
from pos.services import audit
from pos.services.staff import StaffInfo, require_role

MAX_NOTE = 500


class Outcome(StrEnum):
    REACHED = "reached"
    NO_ANSWER = "no_answer"


@dataclass(frozen=True)
class CallInfo:
    staff: str
    at: datetime  # stored (naive UTC)
    outcome: Outcome
    note: str


@dataclass(frozen=True)
class TaskInfo:
    id: int
    kind: str  # shipped | shortfall
    order_number: str
    customer_name: str
    phone: str
    script: str
    created_at: datetime
    calls: tuple[CallInfo, ...]
    done_at: datetime | None

    @property
    def open(self) -> bool:
        return self.done_at is None


def _info(session: Session, task: CallTask) -> TaskInfo:
    order = session.get(Order, task.order_id)
    assert order is not None
    customer = session.get(Customer, order.customer_id)
    assert customer is not None
    names = {s.id: s.name for s in session.scalars(select(Staff).where(Staff.id.in_({c.staff_id for c in task.calls})))}
    calls = tuple(CallInfo(names.get(c.staff_id, ""), c.at, Outcome(c.outcome), c.note) for c in task.calls)
    return TaskInfo(
        task.id,
        task.kind,
        order.number,
        customer.name,
        customer.phone,
        task.script,
        task.created_at,
        calls,
        task.done_at,
    )


def open_tasks(db: Database, *, made_before: datetime | None = None) -> list[TaskInfo]:
    """The calls still to make, oldest first (made before a stored time, with one)."""
    with db.read() as session:
        query = select(CallTask).where(CallTask.done_at.is_(None))
        if made_before is not None:
            query = query.where(CallTask.created_at < made_before)
        return [_info(session, t) for t in session.scalars(query.order_by(CallTask.id))]


def open_at_day_end(db: Database, day: date) -> list[TaskInfo]:
    """The tasks made by the end of the shop's `day` that nobody has done: shown at day end."""
    return open_tasks(db, made_before=day_start(day + timedelta(days=1)))


def tasks_of(db: Database, number: str) -> list[TaskInfo]:
    with db.read() as session:
        order_id = session.scalar(select(Order.id).where(Order.number == number.strip().upper()))
        if order_id is None:
            raise NotFound("No order with number {number}.", number=number)
        tasks = session.scalars(select(CallTask).where(CallTask.order_id == order_id).order_by(CallTask.id))
        return [_info(session, t) for t in tasks]


@use_case
def record_call(
    db: Database,
    actor: StaffInfo | None,
    task_id: int,
    outcome: Outcome | str,
    note: str = "",
    *,
    command_id: str | None = None,
) -> TaskInfo:
    """Record one call of a task. Reached: the task is done (and a shipment's customer counts as
    notified). No answer: it stays open for a later try. A done task takes no more calls."""
    actor = require_role(actor, Role.CASHIER, Role.PACKER, Role.MANAGER)
    try:
        result = Outcome(outcome)
    except ValueError:
        raise InvalidInput("A call is 'reached' or 'no_answer'.") from None
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise InvalidInput("A note is at most {most} characters.", most=MAX_NOTE)
    with db.transaction() as session:
        # held to commit: two people recording the same call take turns, the second sees it done
        task = session.scalar(
            select(CallTask).where(CallTask.id == task_id).with_for_update().execution_options(populate_existing=True)
        )
        if task is None:
            raise NotFound("No call task {task}.", task=task_id)
        if audit.command_seen(session, command_id) is not None:
            return _info(session, task)
        if task.done_at is not None:
            raise Conflict("The customer was reached already: the task is done.")
        now = db.now()
        task.calls.append(CallAttempt(staff_id=actor.id, outcome=result.value, note=note, at=now))
        task.attempts += 1
        if result is Outcome.REACHED:
            task.done_at, task.done_by_id = now, actor.id
            if task.shipment_id is not None:
                shipment = session.get(Shipment, task.shipment_id)
                assert shipment is not None
                shipment.customer_notified_at = now
        session.flush()
        order_number = session.scalar(select(Order.number).where(Order.id == task.order_id))
        audit.record(
            session,
            actor_id=actor.id,
            action="call.record",
            entity="order",
            entity_id=order_number or "",
            detail={"task": task.id, "outcome": result.value, "note": note},
            at=now,
            command_id=command_id,
        )
        return _info(session, task)
