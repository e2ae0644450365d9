"""Random days at the counter and the bench, against the real services: hypothesis drives
sequences of acts (scan, quantity, remove, print, check, tick, cross out, undo, sign, finish,
settle, take now, void, return) and checks the invariants after every step:

- every order is in one state of the life cycle, and its lines hold ticked + crossed <= quantity;
- a settled order was paid exactly what was due when it was settled (refunds come on top, as
  negative payments, for returns by the original method);
- the customer's balance is the sum of the account movements (settled on account, refunded to
  the account);
- stock is the sum of the movements: sold units out at settlement, units of a signed return slip in;
- an act refused in the wrong state changes nothing at all.
"""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test
from sqlalchemy import func, select

from pos.db.models import (
    Box,
    Customer,
    Order,
    OrderLine,
    Payment,
    Product,
    ReturnSlip,
    Signature,
    StockMovement,
    TickEvent,
)
from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.domain.orders import OrderStatus
from pos.domain.return_slips import ReturnSlipStatus
from pos.domain.settlement import Tender
from pos.services import bench, counter, customers, orders, returns
from pos.services.printing import PrintContext
from pos.services.returns import LineRequest
from pos.services.staff import Approval, add_staff
from tests.conftest import add_products

CODES = ("YJ1000", "BD2000", "XL5000")
CONTEXT = PrintContext(station="结算台1")
PRINTER = "preview:"
MANAGER, PACKER = Approval("3001", "3333"), Approval("2001", "2222")  # the PINs the fixture gives them
_serial = itertools.count(1)


def snapshot(db) -> tuple:
    """Everything an act could change, so a refused one can be shown to have changed nothing."""
    with db.transaction() as s:
        return (
            tuple(s.execute(select(Order.number, Order.status).order_by(Order.id)).all()),
            tuple(
                s.execute(
                    select(
                        OrderLine.order_id,
                        OrderLine.position,
                        OrderLine.quantity,
                        OrderLine.ticked,
                        OrderLine.crossed,
                        OrderLine.unit_price_fen,
                    ).order_by(OrderLine.id)
                ).all()
            ),
            tuple(s.execute(select(Payment.order_id, Payment.method, Payment.amount_fen).order_by(Payment.id)).all()),
            tuple(s.execute(select(StockMovement.product_id, StockMovement.quantity).order_by(StockMovement.id)).all()),
            tuple(s.execute(select(Customer.number, Customer.balance_fen).order_by(Customer.id)).all()),
            tuple(s.execute(select(ReturnSlip.number, ReturnSlip.status).order_by(ReturnSlip.id)).all()),
            s.scalar(select(func.count()).select_from(Signature)),
            s.scalar(select(func.count()).select_from(TickEvent)),
            tuple(s.execute(select(Box.order_id, Box.number, Box.sealed_at.is_(None)).order_by(Box.id)).all()),
        )


class OrderLife(RuleBasedStateMachine):
    """One wholesale and one franchise customer per run; the model keeps what the money and the
    stock must add up to."""

    db = None  # set by the test
    staff: dict = {}

    def __init__(self):
        super().__init__()
        db, n = self.db, next(_serial)
        cashier = self.staff["cashier"]
        self.customers = [
            customers.create_customer(db, cashier, name=f"批发{n}", phone=f"138{n:08d}", address="义乌").number,
            customers.create_customer(
                db, cashier, name=f"加盟{n}", phone=f"139{n:08d}", address="广州", customer_type="franchise"
            ).number,
        ]
        customers.set_contract(
            db,
            self.staff["manager"],
            self.customers[1],
            start=date(2000, 1, 1),
            end=date(2099, 12, 31),
            ratio_permille=50,
        )
        self.orders: list[tuple[str, int]] = []  # (number, customer index)
        self.paid_at_settlement: dict[str, int] = {}
        self.refunded: dict[str, int] = {}  # order -> money handed back by the original method
        self.balance = {number: 0 for number in self.customers}
        with db.transaction() as s:
            self.stock_before = {code: stock_of(s, code) for code in CODES}
        self.stock = dict(self.stock_before)

    # helpers -------------------------------------------------------------------------------------
    def _act(self, call):
        """Run one act. A refusal must leave the database exactly as it was."""
        before = snapshot(self.db)
        try:
            return call()
        except PosError:
            assert snapshot(self.db) == before, "a refused act changed something"
            return None

    def _pick(self, pick: int, *states: str) -> str:
        """Mostly an order in a state where the act makes sense; one time in four any order, so
        acts in the wrong state are tried too."""
        fitting = [n for n, _ in self.orders if self._state(n) in states]
        chosen = fitting if fitting and pick % 4 else [n for n, _ in self.orders]
        return chosen[pick // 4 % len(chosen)]

    def _state(self, number: str) -> str:
        with self.db.transaction() as s:
            return s.scalar(select(Order.status).where(Order.number == number))

    def _lines(self, number: str):
        return counter.order_view(self.db, number).lines

    # acts ----------------------------------------------------------------------------------------
    @rule(who=st.integers(0, 1), code=st.sampled_from(CODES), quantity=st.integers(1, 3))
    def scan(self, who, code, quantity):
        """The first scan of a slip opens it; later scans go on the newest open slip."""
        open_ones = [n for n, c in self.orders if c == who and self._state(n) == OrderStatus.OPEN]
        if open_ones:
            number = open_ones[-1]
        else:
            number = orders.open_order(self.db, self.staff["cashier"], self.customers[who], station="结算台1")
            self.orders.append((number, who))
        self._act(lambda: orders.add_scan(self.db, self.staff["cashier"], number, f"{quantity}*{code}"))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), position=st.integers(1, 3), quantity=st.integers(1, 4))
    def set_quantity(self, pick, position, quantity):
        number = self._pick(pick, *(OrderStatus.OPEN,))
        self._act(lambda: counter.set_quantity(self.db, self.staff["cashier"], number, position, quantity))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), position=st.integers(1, 3))
    def remove_line(self, pick, position):
        number = self._pick(pick, *(OrderStatus.OPEN,))
        self._act(lambda: counter.remove_line(self.db, self.staff["cashier"], number, position))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99))
    def print_for_checking(self, pick):
        number = self._pick(pick, *(OrderStatus.OPEN,))
        self._act(lambda: counter.print_for_checking(self.db, self.staff["cashier"], CONTEXT, number, PRINTER))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99))
    def start_check(self, pick):
        number = self._pick(pick, *(OrderStatus.PRINTED,))
        self._act(lambda: bench.start_check(self.db, self.staff["packer"], number, "present"))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), line=st.integers(0, 3), count=st.integers(1, 2))
    def tick(self, pick, line, count):
        number = self._pick(pick, *(OrderStatus.CHECKING,))
        lines = self._lines(number)
        code = lines[line % len(lines)].item_code if lines and line < 3 else "XL5000"  # now and then one not on it
        self._act(lambda: bench.tick(self.db, self.staff["packer"], number, f"{count}*{code}"))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99))
    def check_the_rest(self, pick):
        """The packer ticks every unit still open, one scan each."""
        self._check_the_rest(self._pick(pick, OrderStatus.CHECKING))

    def _check_the_rest(self, number: str) -> None:
        for line in self._lines(number):
            for _ in range(line.quantity - line.ticked - line.crossed):
                self._act(lambda code=line.item_code: bench.tick(self.db, self.staff["packer"], number, code))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), position=st.integers(1, 3))
    def cross_out(self, pick, position):
        number = self._pick(pick, *(OrderStatus.CHECKING,))
        self._act(lambda: bench.cross_out(self.db, self.staff["packer"], number, position, 1, "unwanted"))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99))
    def undo(self, pick):
        number = self._pick(pick, *(OrderStatus.CHECKING,))
        self._act(lambda: bench.undo_last_tick(self.db, self.staff["manager"], number))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), void=st.booleans())
    def sign_or_set_aside_the_return_slip(self, pick, void):
        number = self._pick(pick, *(OrderStatus.CHECKING, OrderStatus.CHECKED, OrderStatus.SETTLED))
        waiting = [r for r in returns.for_order(self.db, number) if r.status == ReturnSlipStatus.AWAITING_SIGNATURES]
        if not waiting:
            return
        slip = waiting[0].number
        if void:
            self._act(lambda: returns.void(self.db, self.staff["cashier"], MANAGER, slip, "客户改主意"))
            return
        self._sign_all(slip, number)

    def _sign_all(self, slip: str, number: str) -> None:
        packer = self.staff["packer"]
        order_was = self._state(number)
        self._act(lambda: returns.sign(self.db, packer, slip, "handler", signer=PACKER))
        self._act(lambda: returns.sign(self.db, packer, slip, "customer", method="paper"))
        info = self._act(lambda: returns.sign(self.db, packer, slip, "manager", signer=MANAGER))
        if info is not None and info.status == ReturnSlipStatus.COMPLETE:
            for code, _, quantity, _, _ in info.lines:
                self.stock[code] += quantity
            if order_was == OrderStatus.SETTLED:
                amount = info.total_fen
                if info.refunded_by == "account":
                    self.balance[self._customer_of(number)] -= amount
                else:
                    self.refunded[number] = self.refunded.get(number, 0) + amount

    def _customer_of(self, number: str) -> str:
        return self.customers[dict(self.orders)[number]]

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99))
    def finish_check(self, pick):
        self._finish(self._pick(pick, *(OrderStatus.CHECKING,)))

    def _finish(self, number: str) -> None:
        packer = self.staff["packer"]
        if self._state(number) == OrderStatus.CHECKING:
            view = bench.bench_view(self.db, number)
            box = view.open_box
            if box is not None and box.items and view.done_units == view.units:
                self._act(lambda: bench.seal_box(self.db, packer, CONTEXT, number, box.number, PRINTER))
        self._act(lambda: bench.complete(self.db, packer, number, signature_png=b"\x89PNG sig"))

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), take_now=st.booleans())
    def settle(self, pick, take_now):
        self._settle(self._pick(pick, OrderStatus.OPEN if take_now else OrderStatus.CHECKED), take_now)

    def _settle(self, number: str, take_now: bool) -> None:
        who = dict(self.orders)[number]
        due = counter.amount_due(self.db, number).total
        method = "account" if who == 1 else "cash"
        tender = Tender(method, due, due if method == "cash" else Money(0))
        before = self._lines(number)
        result = self._act(
            lambda: counter.settle(
                self.db, self.staff["cashier"], CONTEXT, number, [tender], printer_uri=PRINTER, no_packing=take_now
            )
        )
        if result is None:
            return
        self.paid_at_settlement[number] = due.fen
        self.balance[self.customers[who]] = due.fen if method == "account" else 0
        for line in before:
            self.stock[line.item_code] -= line.quantity

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99), take_now=st.booleans(), steps=st.integers(1, 5))
    def next_steps_of_the_day(self, pick, take_now, steps):
        """The next acts for one order on the straight path (print, load, check the rest, finish,
        settle), so random runs reach the bench and the money often."""
        number = self._pick(pick, OrderStatus.OPEN, OrderStatus.PRINTED, OrderStatus.CHECKING, OrderStatus.CHECKED)
        for _ in range(steps):
            state = self._state(number)
            if state == OrderStatus.OPEN and not take_now:
                self._act(lambda: counter.print_for_checking(self.db, self.staff["cashier"], CONTEXT, number, PRINTER))
            elif state == OrderStatus.PRINTED:
                self._act(lambda: bench.start_check(self.db, self.staff["packer"], number, "present"))
            elif state == OrderStatus.CHECKING:
                if any(ln.quantity > ln.ticked + ln.crossed for ln in self._lines(number)):
                    self._check_the_rest(number)
                else:
                    self._finish(number)
            elif state in (OrderStatus.OPEN, OrderStatus.CHECKED):
                self._settle(number, take_now=state == OrderStatus.OPEN)
            else:
                return

    @precondition(lambda self: self.orders)
    @rule(pick=st.integers(0, 99))
    def void_slip(self, pick):
        number = self._pick(pick, *(OrderStatus.OPEN, OrderStatus.PRINTED))
        self._act(lambda: counter.void_slip(self.db, self.staff["cashier"], number, "客户走了"))

    @precondition(lambda self: self.paid_at_settlement)
    @rule(pick=st.integers(0, 99), position=st.integers(1, 3))
    def return_a_defect_later(self, pick, position):
        """A defect confirmed after the customer left is refunded, whoever they are (chapter 11):
        wholesale by the original method, franchise to the account."""
        settled = sorted(self.paid_at_settlement)
        number = settled[pick % len(settled)]
        refund = "account" if dict(self.orders)[number] == 1 else "original"
        info = self._act(
            lambda: returns.create_return(
                self.db, self.staff["cashier"], number, [LineRequest(position, 1, "defective")], refund_method=refund
            )
        )
        if info is not None:
            self._sign_all(info.number, number)

    # invariants ----------------------------------------------------------------------------------
    @invariant()
    def every_order_is_in_one_state_and_counts_hold(self):
        with self.db.transaction() as s:
            states = set(s.scalars(select(Order.status)))
            assert states <= {state.value for state in OrderStatus}
            bad = s.scalar(
                select(func.count())
                .select_from(OrderLine)
                .where(OrderLine.ticked + OrderLine.crossed > OrderLine.quantity)
            )
            assert bad == 0
        for number, _ in self.orders:
            view = counter.order_view(self.db, number)
            assert view.total_fen == sum(ln.unit_price_fen * (ln.quantity - ln.crossed) for ln in view.lines)
            assert all(ln.ticked + ln.crossed <= ln.quantity for ln in view.lines)

    @invariant()
    def settled_orders_were_paid_what_was_due(self):
        with self.db.transaction() as s:
            for number, _ in self.orders:
                order = s.scalar(select(Order).where(Order.number == number))
                paid = (
                    s.scalar(
                        select(func.coalesce(func.sum(Payment.amount_fen), 0)).where(
                            Payment.order_id == order.id, Payment.amount_fen > 0
                        )
                    )
                    or 0
                )
                handed_back = -(
                    s.scalar(
                        select(func.coalesce(func.sum(Payment.amount_fen), 0)).where(
                            Payment.order_id == order.id, Payment.amount_fen < 0
                        )
                    )
                    or 0
                )
                if order.status == OrderStatus.SETTLED:
                    assert number in self.paid_at_settlement
                    # on account, what is owed is not paid in money: the balance carries it
                    assert paid == self.paid_at_settlement[number]
                    assert handed_back == self.refunded.get(number, 0)
                else:
                    assert number not in self.paid_at_settlement and paid == 0 and handed_back == 0

    @invariant()
    def balances_are_the_account_movements(self):
        with self.db.transaction() as s:
            for number, expected in self.balance.items():
                assert s.scalar(select(Customer.balance_fen).where(Customer.number == number)) == expected

    @invariant()
    def stock_is_the_sum_of_movements(self):
        with self.db.transaction() as s:
            assert {code: stock_of(s, code) for code in CODES} == self.stock


def stock_of(session, code: str) -> int:
    product = select(Product.id).where(Product.item_code == code).scalar_subquery()
    return int(
        session.scalar(
            select(func.coalesce(func.sum(StockMovement.quantity), 0)).where(StockMovement.product_id == product)
        )
        or 0
    )


@pytest.fixture
def shop(db, admin, cashier, manager):
    add_products(db, *CODES)
    packer = add_staff(db, admin, login_code="2001", name="李强", roles="packer", pin="2222")
    return {"cashier": cashier, "manager": manager, "packer": packer}


def test_random_days_keep_money_stock_and_state_consistent(db, shop, db_url):
    OrderLife.db, OrderLife.staff = db, shop
    examples = 10 if db_url.startswith("sqlite") else 5
    run_state_machine_as_test(
        OrderLife,
        settings=settings(
            max_examples=examples,
            stateful_step_count=30,
            deadline=None,
            derandomize=True,
            suppress_health_check=list(HealthCheck),
        ),
    )
