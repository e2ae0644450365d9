"""The `pos` command: starts the app, administers the database, imports the catalog, shows orders.

Commands that change data act as a signed-in person (`--as LOGIN`); the PIN is asked on the
terminal, or read one per line from standard input when that is not a terminal (for scripts).
Exit status: 0 done, 1 refused or failed (the reason is printed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from pos import __version__
from pos.config import database_url, load_settings
from pos.domain.errors import InvalidInput, PosError
from pos.services import audit, catalog, orders, staff
from pos.services.startup import open_database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos", description="Counter & Bench point of sale.")
    parser.add_argument("--version", action="version", version=f"pos {__version__}")
    parser.add_argument("--demo", action="store_true", help="use the separate demo database (seeded on first use)")
    parser.add_argument("--database", metavar="URL", help="database URL (overrides POS_DATABASE_URL and settings)")
    sub = parser.add_subparsers(dest="command")

    db = sub.add_parser("db", help="database administration").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply schema migrations (copies an older SQLite file aside first)")

    st = sub.add_parser("staff", help="staff accounts").add_subparsers(dest="staff_command", required=True)
    add = st.add_parser("add", help="add a staff member (the first account needs no --as)")
    add.add_argument("--login", required=True, help="login code (工号)")
    add.add_argument("--name", required=True)
    add.add_argument("--roles", required=True, help="comma-separated: cashier,packer,manager,admin")
    add.add_argument("--as", dest="actor", metavar="LOGIN", help="admin who authorises this")
    st.add_parser("list", help="list staff")

    cat = sub.add_parser("catalog", help="product catalog").add_subparsers(dest="catalog_command", required=True)
    imp = cat.add_parser("import", help="import products from .csv or .xlsx")
    imp.add_argument("file", type=Path)
    imp.add_argument("--update", action="store_true", help="overwrite products whose item code exists")
    imp.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="manager or admin")

    order = sub.add_parser("order", help="orders").add_subparsers(dest="order_command", required=True)
    show = order.add_parser("show", help="show an order")
    show.add_argument("number")
    show.add_argument("--json", action="store_true", help="machine-readable output")

    aud = sub.add_parser("audit", help="audit log").add_subparsers(dest="audit_command", required=True)
    aud.add_parser("verify", help="check the hash chain; report the first broken link")
    return parser


def _read_pin(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput(f"{prompt.strip(': ')} was not given on standard input.")
    return line.strip()


def _display_available() -> bool:
    """Qt aborts the whole process when it finds no display; say so plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _sign_in(db, login: str | None):
    if not login:
        return None
    return staff.sign_in(db, login, _read_pin(f"PIN for {login}: "))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        settings = load_settings()
        url = args.database or database_url(settings, demo=args.demo)
        if args.command is None:
            if not _display_available():
                print("pos: no display found. Start the app from a desktop session "
                      "(or under xvfb-run); commands such as 'pos audit verify' work without one.",
                      file=sys.stderr)
                return 1
            from pos.ui.app import run_app  # Qt is loaded only to start the window

            return run_app(settings, url, demo=args.demo)
        opened = open_database(url, demo=args.demo)
        return _dispatch(args, opened)
    except PosError as exc:
        print(f"pos: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pos: interrupted", file=sys.stderr)
        return 130


def _dispatch(args: argparse.Namespace, opened) -> int:
    db = opened.db
    if args.command == "db":
        result = opened.upgrade
        if result.changed:
            print(f"Database upgraded from {result.from_revision or 'empty'} to {result.to_revision}.")
            if result.backup:
                print(f"Backup of the previous database: {result.backup}")
        else:
            print(f"Database is up to date (revision {result.to_revision}).")
        return 0
    if args.command == "staff":
        if args.staff_command == "list":
            for person in staff.list_staff(db):
                print(f"{person.login_code}\t{person.name}\t{','.join(sorted(person.roles))}")
            return 0
        actor = _sign_in(db, args.actor)
        pin = _read_pin(f"New PIN for {args.login}: ")
        if sys.stdin.isatty() and getpass.getpass("Repeat the new PIN: ") != pin:
            raise InvalidInput("The two PINs differ; nothing was changed.")
        person = staff.add_staff(db, actor, login_code=args.login, name=args.name, roles=args.roles, pin=pin)
        print(f"Added {person.name} ({person.login_code}): {', '.join(sorted(person.roles))}.")
        return 0
    if args.command == "catalog":
        actor = _sign_in(db, args.actor)
        report = catalog.import_catalog(db, actor, args.file, update=args.update)
        for line, message in report.errors:
            print(f"{args.file}:{line}: {message}", file=sys.stderr)
        print(f"Imported {report.added} new and {report.updated} updated products; {len(report.errors)} rows refused.")
        return 0 if report.ok else 1
    if args.command == "order":
        details = orders.order_details(db, args.number)
        if args.json:
            print(json.dumps(details, ensure_ascii=False, indent=2))
        else:
            _print_order(details)
        return 0
    if args.command == "audit":
        result = audit.verify(db)
        if result.ok:
            print(f"Audit log intact: {result.checked} entries verified.")
            return 0
        print(f"Audit log BROKEN at entry {result.broken_at}: {result.reason} "
              f"({result.checked} entries before it verified).", file=sys.stderr)
        return 1
    raise AssertionError(args.command)  # argparse only lets known commands through


def _print_order(d: dict) -> None:
    c = d["customer"]
    print(f"{d['number']}  {d['status']}  {c['name']} ({c['number']}) {c['phone']}")
    print(f"  {c['address']}")
    for ln in d["lines"]:
        print(f"  {ln['position']:>3} {ln['item_code']:<14} {ln['name']}  "
              f"{ln['unit_price']['yuan']} x {ln['quantity']} = {ln['amount']['yuan']}")
    print(f"  Total {d['total']['yuan']}  {d['total']['capitals']}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
