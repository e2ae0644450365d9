import io
import sys
from datetime import datetime

import pytest

from pos.cli import main
from pos.db.models import Order, ReturnLine, ReturnSlip, Signature
from pos.domain.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.printing.textlayout import cells
from pos.services import printing
from pos.services.staff import Approval


def _print(db, actor, context, number, uri, **kw):
    kw.setdefault("kind", "sales-slip")
    return printing.print_document(db, actor, context, number=number, printer_uri=uri, **kw)


def test_second_print_needs_a_manager_and_is_marked_reprint(db, cashier, manager, context, order_number, tmp_path):
    out = tmp_path / "out.bin"
    uri = f"file://{out}"
    _print(db, cashier, context, order_number, uri)
    with pytest.raises(Conflict, match="printed \\(or queued\\) already"):
        _print(db, cashier, context, order_number, uri, copies=(3,))
    with pytest.raises(PermissionDenied):
        _print(db, cashier, context, order_number, uri, copies=(3,), reprint=True)
    again = _print(db, manager, context, order_number, uri, copies=(3,), reprint=True)
    assert [j.reprint for j in again] == [1]
    Spooler(db, "counter-1").process_due()
    text = decode(out.read_bytes()).text
    assert text.count("第三联 客户") == 2 and text.count("重印 REPRINT 第1次") == 1


def test_every_print_is_archived_as_pdf(db, cashier, context, order_number):
    jobs = _print(db, cashier, context, order_number, "preview:")
    paths = [j.archive_path for j in jobs]
    assert all(p.endswith(".pdf") for p in paths)
    for path, copy in zip(paths, (1, 2, 3), strict=True):
        assert f"copy{copy}" in path
        with open(path, "rb") as handle:
            assert handle.read(4) == b"%PDF"


def test_archive_can_be_turned_off(db, cashier, order_number):
    jobs = _print(db, cashier, printing.PrintContext(station="counter-1"), order_number, "preview:")
    assert [j.archive_path for j in jobs] == ["", "", ""]


def test_box_labels_receipt_and_return_slip(db, cashier, manager, context, order_number, tmp_path):
    out = tmp_path / "labels.bin"
    labels = _print(db, cashier, context, order_number, f"file://{out}", kind="box-label")
    assert [j.box_number for j in labels] == [1, 2]
    _print(db, cashier, context, order_number, f"file://{out}", kind="receipt")
    with db.transaction() as s:
        order = s.query(Order).filter_by(number=order_number).one()
        slip = ReturnSlip(
            number="R20261127-0001", order_id=order.id, status="awaiting_signatures", created_by_id=cashier.id
        )
        slip.lines = [ReturnLine(order_line_id=order.lines[1].id, quantity=1, unit_price_fen=12800, reason="unwanted")]
        slip.signatures = [
            Signature(
                role="handler",
                method="pin",
                staff_id=cashier.id,
                signer_name="王丽",
                signed_at=datetime(2026, 11, 27, 7, 0),
            )
        ]
        s.add(slip)
    _print(db, cashier, context, "R20261127-0001", f"file://{out}", kind="return-slip")
    Spooler(db, "counter-1").process_due()
    text = decode(out.read_bytes()).text
    assert (
        "第 1 箱\n" in text and "件数：3" in text and "第 2 箱\n" in text and "件数：2" in text
    )  # check not complete yet
    assert "收您 ￥350.00  找您 ￥18.00" in text
    assert "退货单号：R20261127-0001" in text and "客户不要" in text and "经手人：王丽" in text
    assert "尚缺签字：客户、部门经理" in text


def test_redirect_rebuilds_the_job_for_the_other_printer(db, cashier, context, order_number, tmp_path):
    jobs = _print(db, cashier, context, order_number, "tcp://127.0.0.1:9?timeout=1", copies=(1,))
    narrow = tmp_path / "58mm.bin"
    moved = printing.redirect_job(db, cashier, context, jobs[0].id, f"file://{narrow}?paper=58&encoding=gbk")
    assert moved.status == "pending" and moved.printer_uri.startswith("file://")
    Spooler(db, "counter-1").process_due()
    decoded = decode(narrow.read_bytes(), "gbk")
    assert "第一联 存根" in decoded.text
    assert max(cells(line) for line in decoded.lines) <= 32
    assert f"作业 {jobs[0].job_ref}" in decoded.text  # same job reference on the paper


def test_cancel_is_for_managers_with_a_reason(db, cashier, manager, context, order_number):
    jobs = _print(db, cashier, context, order_number, "tcp://127.0.0.1:9", copies=(1,))
    with pytest.raises(PermissionDenied):
        printing.cancel_job(db, cashier, Approval("1001", "1111"), jobs[0].id, "printer broken")
    with pytest.raises(InvalidInput):
        printing.cancel_job(db, cashier, Approval("3001", "3333"), jobs[0].id, "  ")
    cancelled = printing.cancel_job(db, cashier, Approval("3001", "3333"), jobs[0].id, "printer broken, by hand")
    assert cancelled.status == "cancelled"
    with pytest.raises(Conflict):
        printing.retry_job(db, cashier, jobs[0].id)
    # a cancelled job does not count as printed: printing again is a first print
    assert [j.reprint for j in _print(db, cashier, context, order_number, "preview:", copies=(1,))] == [0]


@pytest.mark.parametrize(
    "kw, error",
    [
        ({"kind": "poster"}, InvalidInput),
        ({"number": "S20261127-9999"}, NotFound),
        ({"kind": "receipt", "number": "S-none"}, NotFound),
        ({"printer_uri": "lpt1"}, InvalidInput),
        ({"copies": (4,)}, InvalidInput),
    ],
)
def test_bad_print_requests_are_refused_and_queue_nothing(db, cashier, context, order_number, kw, error):
    args = {"kind": "sales-slip", "number": order_number, "printer_uri": "preview:"} | kw
    with pytest.raises(error):
        printing.print_document(db, cashier, context, **args)
    assert printing.list_jobs(db) == []


def test_receipt_needs_a_payment(db, cashier, context, catalog):
    from pos.services import customers, orders

    customer = customers.create_customer(db, cashier, name="李四", phone="13900139000", address="义乌")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "YJ1000")
    with pytest.raises(Conflict, match="no payment"):
        printing.print_document(db, cashier, context, kind="receipt", number=number, printer_uri="preview:")


def test_pos_print_to_a_file_gives_all_three_copies(db, db_url, order_number, tmp_path, monkeypatch, capsys):
    """Acceptance: `pos print S… --printer file:///tmp/x.bin` decodes to the slip, Chinese included."""
    out = tmp_path / "x.bin"
    monkeypatch.setattr(sys, "stdin", io.StringIO("1111\n1111\n"))
    assert main(["--database", db_url, "print", order_number, "--printer", f"file://{out}", "--as", "1001"]) == 0
    assert capsys.readouterr().out.count(": done") == 3
    decoded = decode(out.read_bytes())
    for label in ("第一联 存根", "第二联 保管", "第三联 客户"):
        assert label in decoded.text
    assert decoded.text.count("客户：张三") == 3 and decoded.text.count("大写：叁佰叁拾贰元整") == 3
    assert main(["--database", db_url, "print", order_number, "--printer", f"file://{out}", "--as", "1001"]) == 1
    assert "ask a manager for a reprint" in capsys.readouterr().err


def test_pos_print_to_an_unreachable_printer_leaves_the_jobs_queued(db, db_url, order_number, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("1111\n"))
    code = main(
        ["--database", db_url, "print", order_number, "--printer", "tcp://127.0.0.1:9?timeout=1", "--wait", "0"]
        + ["--as", "1001"]
    )
    assert code == 1
    assert capsys.readouterr().out.count(": pending") == 3
    assert [j.status for j in printing.list_jobs(db)] == ["pending"] * 3


def test_pos_printers_test_and_decode(printer, tmp_path, capsys):
    assert main(["printers", "test", printer.uri]) == 0
    assert "Status: online, paper OK" in capsys.readouterr().out
    raw = printer.wait_for_jobs(1)[0]
    path = tmp_path / "test.bin"
    path.write_bytes(raw)
    assert main(["printers", "decode", str(path)]) == 0
    out = capsys.readouterr().out
    assert "打印测试页" in out and "[barcode] TEST-128" in out
    assert main(["printers", "test", "tcp://127.0.0.1:9?timeout=1"]) == 1
    assert "Cannot connect" in capsys.readouterr().err


def test_pos_printers_test_fails_when_the_printer_cannot_say_it_printed(printer, capsys):
    printer.behaviour = "silent"
    assert main(["printers", "test", printer.uri]) == 1  # answers nothing: refused, nothing sent
    assert "did not answer a status request" in capsys.readouterr().err
    assert main(["printers", "test", printer.uri + "&status=none"]) == 1  # sent, but never assumed printed
    err = capsys.readouterr().err
    assert "status is unknown" in err and "check that it printed" in err
    printer.settled()
    assert len(printer.jobs) == 1


def test_return_slip_prints_for_checking_and_again_when_complete(db, cashier, manager, context, order_number, tmp_path):
    from pos.services import returns

    with db.transaction() as s:
        order = s.query(Order).filter_by(number=order_number).one()
        slip = ReturnSlip(
            number="R20261127-0009", order_id=order.id, status="awaiting_signatures", created_by_id=cashier.id
        )
        slip.lines = [ReturnLine(order_line_id=order.lines[0].id, quantity=1, unit_price_fen=3500, reason="defective")]
        s.add(slip)
    out = f"file://{tmp_path / 'r.bin'}"
    _print(db, cashier, context, "R20261127-0009", out, kind="return-slip")
    with pytest.raises(Conflict):
        _print(db, cashier, context, "R20261127-0009", out, kind="return-slip")
    returns.sign(db, cashier, "R20261127-0009", "handler", signer=Approval("1001", "1111"))
    returns.sign(db, cashier, "R20261127-0009", "customer", method="paper")
    returns.sign(db, cashier, "R20261127-0009", "manager", signer=Approval("3001", "3333"))
    assert [j.reprint for j in _print(db, cashier, context, "R20261127-0009", out, kind="return-slip")] == [0]
    Spooler(db, "counter-1").process_due()
    text = decode((tmp_path / "r.bin").read_bytes()).text
    assert "尚缺签字：经手人、客户、部门经理" in text and "三方已签字，退货单已生效" in text


def _stored_only_job(db, cashier, context, uri, kind):
    from pos.printing.document import Document, Text
    from pos.services.printing.queue import queue_document

    with db.transaction() as session:
        job = queue_document(
            session,
            db,
            cashier,
            context,
            kind=kind,
            label="日结 2026-11-27",
            printer_uri=uri,
            build=lambda meta: Document("日结", meta.columns, [Text("日结报表 合计 ￥350.00")]),
        )
        session.flush()
        return job.id


def test_a_report_moves_to_a_printer_of_the_same_paper_as_it_was_made(db, cashier, context, tmp_path):
    job = _stored_only_job(db, cashier, context, "tcp://127.0.0.1:9?timeout=1", "report")
    with pytest.raises(InvalidInput, match="same paper and encoding"):
        printing.redirect_job(db, cashier, context, job, f"file://{tmp_path / 'narrow.bin'}?paper=58")
    with pytest.raises(InvalidInput, match="same paper and encoding"):
        printing.redirect_job(db, cashier, context, job, "preview:")
    other = tmp_path / "other.bin"
    moved = printing.redirect_job(db, cashier, context, job, f"file://{other}")
    assert moved.status == "pending"
    Spooler(db, "counter-1").process_due()
    assert "日结报表 合计 ￥350.00" in decode(other.read_bytes()).text


def test_a_drawer_opening_is_not_redirected(db, cashier, context, tmp_path):
    job = _stored_only_job(db, cashier, context, "tcp://127.0.0.1:9?timeout=1", "drawer")
    with pytest.raises(InvalidInput, match="drawer"):
        printing.redirect_job(db, cashier, context, job, f"file://{tmp_path / 'x.bin'}")
