"""Call the customer: a shipment makes the task with the script to read; it stays open through
unanswered calls and closes when the customer is reached; what is left shows at day end."""

from datetime import timedelta

import pytest

from pos.domain.errors import Conflict, InvalidInput, NotFound
from pos.domain.money import Money
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import call_tasks, day_end, shipping
from pos.services.call_tasks import Outcome
from tests.services.shipping_setup import CONTEXT, packed_order


@pytest.fixture
def shipped(db, cashier, packers, tmp_path):
    number = packed_order(db, cashier, packers[0], tmp_path)
    shipping.record_shipment(
        db,
        cashier,
        CONTEXT,
        number,
        carrier="顺丰",
        waybill="SF1234567890",
        box_labels=[f"{number}-B1", f"{number}-B2"],
        grams=2500,
    )
    return number


def test_a_shipment_makes_a_task_with_the_script(db, shipped):
    (task,) = call_tasks.open_tasks(db)
    assert task.kind == "shipped" and task.order_number == shipped and task.phone == "13800138000"
    assert "货物已发" in task.script and "大概 2 天到" in task.script and "货单号 SF1234567890" in task.script
    assert task.open and task.calls == ()


def test_no_answer_keeps_it_open_reached_closes_it(db, cashier, packers, shipped):
    (task,) = call_tasks.open_tasks(db)
    after = call_tasks.record_call(db, cashier, task.id, "no_answer", "占线")
    assert after.open and [(c.staff, c.outcome, c.note) for c in after.calls] == [("王丽", Outcome.NO_ANSWER, "占线")]
    assert [t.id for t in call_tasks.open_tasks(db)] == [task.id]
    done = call_tasks.record_call(db, packers[1], task.id, Outcome.REACHED)
    assert not done.open and [c.staff for c in done.calls] == ["王丽", "赵敏"]
    assert call_tasks.open_tasks(db) == []
    with pytest.raises(Conflict, match="reached already"):
        call_tasks.record_call(db, cashier, task.id, "reached")
    assert shipping.search(db, waybill="SF1234567890")  # still on the record
    assert [t.open for t in call_tasks.tasks_of(db, shipped)] == [False]


def test_a_retried_call_is_recorded_once(db, cashier, shipped):
    (task,) = call_tasks.open_tasks(db)
    call_tasks.record_call(db, cashier, task.id, "no_answer", command_id="call-1")
    again = call_tasks.record_call(db, cashier, task.id, "no_answer", command_id="call-1")
    assert len(again.calls) == 1


def test_bad_calls_change_nothing(db, cashier, shipped):
    (task,) = call_tasks.open_tasks(db)
    with pytest.raises(InvalidInput):
        call_tasks.record_call(db, cashier, task.id, "maybe")
    with pytest.raises(InvalidInput):
        call_tasks.record_call(db, cashier, task.id, "reached", "长" * 501)
    with pytest.raises(NotFound):
        call_tasks.record_call(db, cashier, task.id + 99, "reached")
    assert call_tasks.open_tasks(db)[0].calls == ()


def test_tasks_left_at_the_end_of_the_day_show_at_day_end(db, cashier, shipped):
    today = db.business_day()
    assert [t.order_number for t in call_tasks.open_at_day_end(db, today)] == [shipped]
    assert call_tasks.open_at_day_end(db, today - timedelta(days=1)) == []  # made today, not yesterday
    call_tasks.record_call(db, cashier, call_tasks.open_tasks(db)[0].id, "reached")
    assert call_tasks.open_at_day_end(db, today) == []


def test_the_day_end_report_lists_the_calls_still_to_make(db, cashier, shipped, tmp_path):
    report = tmp_path / "report.bin"
    result = day_end.day_end(
        db,
        cashier,
        CONTEXT,
        day=db.business_day(),
        opening_float=Money(0),
        counted={"cash": Money(0)},
        pdf_dir=tmp_path / "pdf",
        printer_uri=f"file://{report}",
        command_id="day-1",
    )
    assert result.report.open_calls == (f"{shipped} 张三 13800138000",)
    Spooler(db, CONTEXT.station).process_due()
    text = decode(report.read_bytes()).text
    assert "未完成的通知客户：1 个" in text and f"{shipped} 张三 13800138000" in text
    # the stored count keeps its report: a call made afterwards does not change it
    call_tasks.record_call(db, cashier, call_tasks.open_tasks(db)[0].id, "reached")
    again = day_end.day_end(
        db,
        cashier,
        CONTEXT,
        day=db.business_day(),
        opening_float=Money(0),
        counted={"cash": Money(0)},
        pdf_dir=tmp_path / "pdf",
        printer_uri=f"file://{report}",
        command_id="day-1",
    )
    assert again.report.open_calls == result.report.open_calls
