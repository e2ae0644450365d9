"""The `pos` command, called as a person would: arguments, PINs on standard input, exit status."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

from pos.cli import main
from pos.config import data_dir
from pos.db.migrate import head_revision
from pos.services import audit, audit_check
from pos.services.startup import open_database

ROOT = Path(__file__).resolve().parents[2]


def test_db_upgrade_reports_what_it_did(run):
    code, out, _ = run("db", "upgrade")
    head = head_revision()
    assert code == 0 and f"upgraded from empty to {head}" in out
    code, out, _ = run("db", "upgrade")
    assert code == 0 and f"up to date (revision {head})" in out


def test_staff_add_and_list(with_staff):
    code, out, _ = with_staff("staff", "list", "--as", "3001", stdin="3333\n")
    assert code == 0
    assert out.splitlines() == ["3001\t陈经理\tmanager\tactive", "9001\t管理员\tadmin\tactive"]


def test_staff_add_with_a_wrong_admin_pin_changes_nothing(with_staff):
    code, _, err = with_staff(
        "staff", "add", "--login", "1001", "--name", "王丽", "--roles", "cashier", "--as", "9001", stdin="0000\n1111\n"
    )
    assert code == 1 and "Wrong login code or PIN" in err
    assert "1001" not in with_staff("staff", "list", "--as", "9001", stdin="9999\n")[1]


def test_staff_add_by_a_non_admin_is_refused(with_staff):
    code, _, err = with_staff(
        "staff", "add", "--login", "1001", "--name", "王丽", "--roles", "cashier", "--as", "3001", stdin="3333\n1111\n"
    )
    assert code == 1 and "admin" in err


def test_staff_add_with_bad_pin_or_role(with_staff):
    code, _, err = with_staff(
        "staff", "add", "--login", "1001", "--name", "王丽", "--roles", "cashier", "--as", "9001", stdin="9999\n12\n"
    )
    assert code == 1 and "4 to 12 digits" in err
    code, _, err = with_staff(
        "staff", "add", "--login", "1001", "--name", "王丽", "--roles", "boss", "--as", "9001", stdin="9999\n1234\n"
    )
    assert code == 1 and "Unknown role" in err


def test_catalog_import_reports_bad_rows_by_line(with_staff, tmp_path):
    path = tmp_path / "catalog.csv"
    path.write_text("货号,品名,批发价,加盟价\nYJ1,戒指,35,31\nYJ2,戒指,abc,31\nYJ1,重复,1,1\n", encoding="utf-8")
    code, out, err = with_staff("catalog", "import", str(path), "--as", "3001", stdin="3333\n")
    assert code == 1
    assert "Imported 1 new and 0 updated products, 0 unchanged; 2 rows refused." in out
    assert f"{path}:3:" in err and f"{path}:4:" in err and "duplicate item code YJ1" in err


def test_catalog_import_of_a_missing_file(with_staff, tmp_path):
    code, _, err = with_staff("catalog", "import", str(tmp_path / "nope.csv"), "--as", "3001", stdin="3333\n")
    assert code == 1 and "File not found" in err


def test_order_show_unknown_number(with_staff):
    code, out, err = with_staff("order", "show", "S20261127-0042", "--json", "--as", "3001", stdin="3333\n")
    assert code == 1 and out == "" and "No order with number S20261127-0042" in err


def test_order_show_gives_the_one_state_of_an_order_taken_now(with_staff, db_url):
    """A slip the customer took unpacked and paid shows as settled, in one key, not as 'open' with a
    settlement time beside it."""
    from pos.domain.money import Money
    from pos.domain.settlement import Tender
    from pos.services import counter, customers, orders, staff
    from pos.services.printing import PrintContext
    from tests.conftest import add_products

    db = open_database(db_url).db
    manager = staff.sign_in(db, "3001", "3333")
    add_products(db, "YJ1000")
    customer = customers.create_customer(db, manager, name="张三", phone="13800138000", address="义乌")
    number = orders.open_order(db, manager, customer.number)
    orders.add_scan(db, manager, number, "YJ1000")
    counter.settle(
        db,
        manager,
        PrintContext(station="结算台1"),
        number,
        [Tender("cash", Money(3500), Money(3500))],
        printer_uri="preview:",
        no_packing=True,
    )
    db.dispose()
    code, out, _ = with_staff("order", "show", number, "--json", "--as", "3001", stdin="3333\n")
    details = json.loads(out)
    assert code == 0 and details["status"] == "settled" and details["settled_at"]
    assert not {"state", "paid", "needs_packing"} & set(details)
    code, out, _ = with_staff("order", "show", number, "--as", "3001", stdin="3333\n")
    assert code == 0 and out.splitlines()[0].split()[:2] == [number, "settled"]


def test_audit_verify_finds_tampering(with_staff, db_url):
    code, out, _ = with_staff("audit", "verify")
    assert code == 0 and "intact" in out
    db = open_database(db_url).db
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_events SET action = 'staff.remove' WHERE seq = 2")
    db.dispose()
    code, _, err = with_staff("audit", "verify")
    assert code == 1 and "BROKEN" in err and "entry 2: entry content does not match its hash" in err


def test_audit_export_writes_the_journal_for_a_manager(with_staff, tmp_path):
    target = tmp_path / "journal.csv"
    code, out, _ = with_staff("audit", "export", str(target), "--as", "3001", stdin="3333\n")
    assert code == 0 and "audit entries" in out
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode())  # Excel reads the Chinese names right
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["seq", "time", "login", "name", "action"]
    assert [row[4] for row in rows[1:4]] == ["staff.add", "staff.sign_in", "staff.add"]
    assert any(row[3] == "管理员" for row in rows[1:])


def test_unreachable_database_is_a_clear_error(monkeypatch, capsys):
    code = main(["--database", "postgresql+psycopg://nobody@127.0.0.1:1/none", "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 1 and "Cannot reach the database server at 127.0.0.1:1" in err
    # issue 11 finding 5: the driver's words are in the log, not on the terminal
    assert "OperationalError" not in err and "Connection refused" not in err and "Traceback" not in err
    assert "Connection refused" in (data_dir() / "pos.log").read_text(encoding="utf-8")


def test_demo_database_is_seeded_and_orders_show_as_json(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("3333\n"))
    assert main(["--demo", "staff", "list", "--as", "3001"]) == 0
    listed = capsys.readouterr().out
    assert {"1001", "2001", "3001", "9001"} <= {line.split("\t")[0] for line in listed.splitlines()}
    opened = open_database(f"sqlite:///{os.environ['POS_DATA_DIR']}/demo.sqlite3")
    with opened.db.transaction() as s:
        from sqlalchemy import func, select

        from pos.db.models import Order, Product

        assert s.scalar(select(func.count()).select_from(Product)) >= 250
        number = s.scalar(select(Order.number).order_by(Order.id))
    assert audit.verify(opened.db).ok
    assert audit_check.check(opened.db).ok, audit_check.check(opened.db).problems
    # the demo's open slip is set aside at the station a new install is, so the counter lists it
    from pos.config import Settings
    from pos.services.counter import held_slips

    assert [slip.number for slip in held_slips(opened.db, Settings().station_name)] == [number]
    opened.db.dispose()
    monkeypatch.setattr(sys, "stdin", io.StringIO("1111\n"))
    assert main(["--demo", "order", "show", number, "--json", "--as", "1001"]) == 0
    details = json.loads(capsys.readouterr().out)
    assert details["number"] == number
    assert details["lines"] and details["customer"]["name"]
    assert sum(ln["amount"]["fen"] for ln in details["lines"]) == details["total"]["fen"]


def test_installed_entry_point_runs(tmp_path):
    env = {**os.environ, "POS_DATA_DIR": str(tmp_path), "POS_CONFIG_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)}
    env.pop("POS_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "pos", "audit", "verify"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "intact: 0 entries" in result.stdout
    assert (tmp_path / "pos.sqlite3").exists()


def test_starting_the_app_without_a_display_says_so(monkeypatch, capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    assert main([]) == 1
    assert "no display found" in capsys.readouterr().err
