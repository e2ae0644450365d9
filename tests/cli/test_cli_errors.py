"""Issue 11 finding 5 at the terminal: a command the database refuses prints one plain sentence
(what happened, what to do) and exits 1; the traceback goes to the log, not the terminal."""

import pytest
from sqlalchemy import text

from pos.cli import main
from pos.db.database import use_case
from pos.log_file import log_path, stop_logging
from pos.services import audit_check


@pytest.fixture(autouse=True)
def _close_log():
    yield
    stop_logging()


@use_case
def _fills_the_disk(db, anchors=None):
    with db.transaction() as session:
        session.execute(text("PRAGMA max_page_count = 1"))
        session.execute(text("CREATE TABLE filler (x blob)"))
        session.execute(text("INSERT INTO filler VALUES (randomblob(1000000))"))


def test_a_full_disk_is_one_plain_sentence(tmp_path, monkeypatch, capsys):
    path = tmp_path / "pos.sqlite3"
    monkeypatch.setattr(audit_check, "check", _fills_the_disk)
    code = main(["--database", f"sqlite:///{path}", "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 1
    assert err == f"pos: The disk is full; nothing was saved. Free space on the disk of {path} and try again.\n"
    assert "database or disk is full" in log_path().read_text(encoding="utf-8")


def test_a_bug_points_at_the_log(tmp_path, monkeypatch, capsys):
    def broken(db, anchors=None):
        raise RuntimeError("total_fen is None")

    monkeypatch.setattr(audit_check, "check", broken)
    code = main(["--database", f"sqlite:///{tmp_path / 'pos.sqlite3'}", "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err and str(log_path()) in err
    assert "total_fen is None" in log_path().read_text(encoding="utf-8")


def test_the_log_is_for_its_owner_only(tmp_path, capsys):
    main(["--database", f"sqlite:///{tmp_path / 'pos.sqlite3'}", "audit", "verify"])
    assert log_path().stat().st_mode & 0o777 == 0o600
