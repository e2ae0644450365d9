"""Day end (日结): the count is stored, printed and kept as a PDF; the PDF is written only once the
count is committed (issue 10, finding 10)."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from pos.db.models import Reconciliation
from pos.domain.errors import InvalidInput
from pos.domain.money import Money
from pos.domain.settlement import Tender
from pos.printing.escpos_decode import decode
from pos.printing.spooler import Spooler
from pos.services import counter, day_end
from tests import commit_faults
from tests.services import test_counter
from tests.services.test_counter import _uri

# fixtures shared with the counter's tests
failing_commits, context, shop, slip = (
    commit_faults.failing_commits,
    test_counter.context,
    test_counter.shop,
    test_counter.slip,
)


def _count(db, cashier, context, tmp_path, command_id="day-1"):
    return day_end.day_end(
        db,
        cashier,
        context,
        day=db.business_day(),
        opening_float=Money.from_yuan("500"),
        counted={"cash": Money.from_yuan("732"), "wechat": Money(0)},
        pdf_dir=tmp_path / "pdf",
        printer_uri=_uri(tmp_path),
        command_id=command_id,
    )


@pytest.fixture
def settled(db, clock, cashier, slip, context, tmp_path):
    counter.settle(
        db,
        cashier,
        context,
        slip,
        [Tender("cash", Money(23300), Money(30000))],
        printer_uri=_uri(tmp_path),
        no_packing=True,
    )


def test_day_end_compares_counted_with_expected_and_keeps_a_pdf(db, cashier, settled, context, tmp_path):
    today = db.business_day()
    expected = day_end.expected_takings(db, "结算台1", today, Money.from_yuan("500"))
    assert expected["cash"].fen == 50000 + 23300
    result = _count(db, cashier, context, tmp_path)
    assert result.difference.fen == -100
    assert result.pdf_error == ""
    assert result.pdf_path.read_bytes().startswith(b"%PDF")
    with db.transaction() as s:
        record = s.scalar(select(Reconciliation))
        assert {(ln.method, ln.expected_fen, ln.counted_fen) for ln in record.lines} == {
            ("cash", 73300, 73200),
            ("wechat", 0, 0),
        }
    Spooler(db, "结算台1").process_due()
    assert "差额合计：-￥1.00" in decode((tmp_path / "receipt.bin").read_bytes()).text
    with pytest.raises(InvalidInput):
        day_end.day_end(
            db,
            cashier,
            context,
            day=today,
            opening_float=Money(0),
            counted={"gold": Money(1)},
            pdf_dir=tmp_path,
            command_id="day-2",
        )


def test_a_day_end_that_fails_to_commit_leaves_no_pdf(db, cashier, settled, context, tmp_path, failing_commits):
    with pytest.raises(OperationalError):
        _count(db, cashier, context, tmp_path)
    assert not (tmp_path / "pdf").exists() or list((tmp_path / "pdf").iterdir()) == []
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Reconciliation)) == 0


def test_a_pdf_that_cannot_be_written_keeps_the_count_and_can_be_written_again(db, cashier, settled, context, tmp_path):
    (tmp_path / "pdf").write_text("a file where the folder should be")
    result = _count(db, cashier, context, tmp_path)
    assert result.pdf_error and result.difference.fen == -100
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(Reconciliation)) == 1
    again = day_end.write_day_end_pdf(db, context, result.reconciliation_id, tmp_path / "archive")
    assert again.name == result.pdf_path.name
    assert again.read_bytes().startswith(b"%PDF")


def test_the_report_prints_the_audit_head_and_a_reprint_prints_the_same(db, cashier, settled, context, tmp_path):
    from pos.db.models import AuditEvent
    from pos.services import audit_anchors

    with db.transaction() as s:
        before = s.scalar(select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(1))
        seq, digest = before.seq, before.hash
    result = _count(db, cashier, context, tmp_path)
    assert (result.report.audit_seq, result.report.audit_hash) == (seq, digest)
    Spooler(db, "结算台1").process_due()
    text = decode((tmp_path / "receipt.bin").read_bytes()).text.replace("\n", "")
    assert f"审计链：第 {seq} 条" in text and digest in text
    # the count's own entry is anchored on disk at once
    anchors = audit_anchors.read_anchors(audit_anchors.anchor_path(db.url))
    assert anchors[-1].seq == seq + 1
    again = _count(db, cashier, context, tmp_path)  # a retry of the same count: the same report
    assert (again.report.audit_seq, again.report.audit_hash) == (seq, digest)
