"""Archive PDFs are side effects of a committed print: written after the commit, never by an act
that rolled back (issue 10, finding 10)."""

from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from pos.db.models import PrintJob
from pos.services import audit, printing
from tests import commit_faults

failing_commits = commit_faults.failing_commits  # fixture


def _archived(context) -> list[Path]:
    return (
        sorted(p for p in Path(context.archive_dir).rglob("*") if p.is_file()) if context.archive_dir.exists() else []
    )


def test_a_print_that_rolls_back_leaves_no_archive_file(db, cashier, context, order_number, failing_commits):
    with pytest.raises(OperationalError):
        printing.print_document(db, cashier, context, kind="sales-slip", number=order_number, printer_uri="preview:")
    assert _archived(context) == []
    with db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(PrintJob)) == 0


def test_a_refusal_after_the_first_copy_leaves_no_archive_file(db, cashier, context, order_number, monkeypatch):
    def refuse(*args, **kwargs):
        raise RuntimeError("audit store refused")

    monkeypatch.setattr(audit, "record", refuse)
    with pytest.raises(RuntimeError):
        printing.print_document(db, cashier, context, kind="sales-slip", number=order_number, printer_uri="preview:")
    assert _archived(context) == []


def test_a_committed_print_is_archived_once_per_copy(db, cashier, context, order_number):
    jobs = printing.print_document(db, cashier, context, kind="sales-slip", number=order_number, printer_uri="preview:")
    assert _archived(context) == sorted(Path(j.archive_path) for j in jobs)
    assert all(p.read_bytes().startswith(b"%PDF") for p in _archived(context))


def test_an_archive_that_cannot_be_written_does_not_lose_the_print(db, cashier, context, order_number):
    context.archive_dir.parent.mkdir(parents=True, exist_ok=True)
    context.archive_dir.write_text("a file where the archive folder should be")
    jobs = printing.print_document(db, cashier, context, kind="sales-slip", number=order_number, printer_uri="preview:")
    assert [j.copy for j in jobs] == [1, 2, 3]
    assert [j.status for j in printing.list_jobs(db, station="counter-1")] == ["pending"] * 3
