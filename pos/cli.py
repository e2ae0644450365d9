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
import time
from collections.abc import Sequence
from pathlib import Path

from pos import __version__, cli_audit, cli_staff
from pos.cli_errors import report_failure
from pos.cli_settings import settings_for
from pos.config import archive_dir, database_url, preview_dir, settings_path
from pos.domain.errors import InvalidInput, PosError
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.slip_numbers import slip_kind
from pos.log_file import start_logging
from pos.pgpass import move_out_of
from pos.printing.connections import PrinterError, open_connection, parse_uri
from pos.printing.data import PrintMeta
from pos.printing.escpos_decode import decode
from pos.printing.layouts import test_page
from pos.printing.render import render_for
from pos.printing.spooler import Spooler
from pos.services import catalog_import, orders, printing, staff
from pos.services.printing import PrintContext
from pos.services.startup import open_database


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos", description="Counter & Bench point of sale.")
    parser.add_argument("--version", action="version", version=f"pos {__version__}")
    parser.add_argument("--demo", action="store_true", help="use the separate demo database (seeded on first use)")
    parser.add_argument("--database", metavar="URL", help="database URL (overrides POS_DATABASE_URL and settings)")
    sub = parser.add_subparsers(dest="command")

    db = sub.add_parser("db", help="database administration").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply schema migrations (copies an older SQLite file aside first)")

    cli_staff.add_parsers(sub)

    cat = sub.add_parser("catalog", help="product catalog").add_subparsers(dest="catalog_command", required=True)
    imp = cat.add_parser("import", help="import products from .csv or .xlsx")
    imp.add_argument("file", type=Path)
    imp.add_argument("--update", action="store_true", help="overwrite products whose item code exists")
    imp.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="manager or admin")

    order = sub.add_parser("order", help="orders").add_subparsers(dest="order_command", required=True)
    show = order.add_parser("show", help="show an order")
    show.add_argument("number")
    show.add_argument("--json", action="store_true", help="machine-readable output")
    show.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="who looks (any staff member)")

    prn = sub.add_parser("print", help="print a document (back-office reprints, testing)")
    prn.add_argument("number", help="sales slip (S…) or return slip (R…) number")
    prn.add_argument("--kind", choices=printing.KINDS, help="default: sales-slip for S…, return-slip for R…")
    prn.add_argument(
        "--copy", default="all", choices=("1", "2", "3", "all"), help="sales slip copy (default all three)"
    )
    prn.add_argument("--box", type=int, action="append", default=[], help="box label number (default all boxes)")
    prn.add_argument("--printer", metavar="URI", help="printer URI (default: the settings)")
    prn.add_argument("--reprint", action="store_true", help="print again what was printed before (manager)")
    prn.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="who prints (a manager for reprints)")
    prn.add_argument("--wait", type=float, default=15.0, metavar="SECONDS", help="how long to try sending (default 15)")

    printers = sub.add_parser("printers", help="printers").add_subparsers(dest="printers_command", required=True)
    test = printers.add_parser("test", help="print a test page and report the printer's status")
    test.add_argument("uri")
    decode = printers.add_parser("decode", help="show the text and codes in a file of ESC/POS bytes")
    decode.add_argument("file", type=Path)
    decode.add_argument("--encoding", default="gb18030")

    cli_audit.add_parsers(sub)
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
    start_logging()
    try:
        move_out_of(settings_path())  # a password kept in settings.toml by an older release
        settings, problems = settings_for(args)
        url = args.database or database_url(settings, demo=args.demo)
        if args.command is None:
            if not _display_available():
                print(
                    "pos: no display found. Start the app from a desktop session "
                    "(or under xvfb-run); commands such as 'pos audit verify' work without one.",
                    file=sys.stderr,
                )
                return 1
            from pos.ui.app import run_app  # Qt is loaded only to start the window

            return run_app(settings, url, demo=args.demo, problems=problems)
        if args.command == "printers":
            return _printers(args)
        opened = open_database(url, demo=args.demo)
        return _dispatch(args, opened, settings)
    except PosError as exc:
        print(f"pos: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pos: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a driver's traceback is for the log, not the terminal
        return report_failure(exc)


def _dispatch(args: argparse.Namespace, opened, settings) -> int:
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
        return cli_staff.run(args, db, _sign_in, _read_pin)
    if args.command == "catalog":
        actor = _sign_in(db, args.actor)
        report = catalog_import.import_catalog(db, actor, args.file, update=args.update)
        for line, message in report.errors:
            print(f"{args.file}:{line}: {message}", file=sys.stderr)
        print(
            f"Imported {report.added} new and {report.updated} updated products, {report.unchanged} unchanged; "
            f"{len(report.errors)} rows refused."
        )
        return 0 if report.ok else 1
    if args.command == "order":
        _sign_in(db, args.actor)  # a customer's phone and address are for staff only
        details = orders.order_details(db, args.number)
        if args.json:
            print(json.dumps(details, ensure_ascii=False, indent=2))
        else:
            _print_order(details)
        return 0
    if args.command == "print":
        return _print(args, db, settings)
    if args.command == "audit":
        return cli_audit.run(args, db, _sign_in)
    raise AssertionError(args.command)  # argparse only lets known commands through


def _print(args: argparse.Namespace, db, settings) -> int:
    kind = args.kind or ("return-slip" if slip_kind(args.number) == "return" else "sales-slip")
    uri = args.printer or (settings.labels_uri if kind == "box-label" else settings.printer_uri)
    actor = _sign_in(db, args.actor)
    # Same station as the app: a job the command could not send is carried on by the app's spooler.
    context = PrintContext(
        station=settings.station_name,
        shop_name=settings.shop_name,
        archive_dir=archive_dir() if settings.archive_pdf else None,
    )
    copies = (1, 2, 3) if args.copy == "all" else (int(args.copy),)
    jobs = printing.print_document(
        db,
        actor,
        context,
        kind=kind,
        number=args.number,
        printer_uri=uri,
        copies=copies,
        boxes=tuple(args.box),
        reprint=args.reprint,
    )
    spooler = Spooler(db, context.station, preview_dir=preview_dir())
    deadline = time.monotonic() + max(0.0, args.wait)
    while True:
        spooler.process_due()
        states = [printing.get_job(db, job.id) for job in jobs]
        if (
            all(j.status not in (PrintJobStatus.PENDING, PrintJobStatus.SENDING) for j in states)
            or time.monotonic() >= deadline
        ):
            break
        time.sleep(0.5)
    failed = 0
    for job in states:
        line = f"job {job.id} ({job.job_ref}) {job.label}: {job.status}"
        if job.status == PrintJobStatus.SENT:
            line += " - sent, unconfirmed: the printer cannot say whether it printed"
        elif job.status != PrintJobStatus.DONE:
            failed += 1
            line += f" - {job.last_error or 'not sent yet'}"
        elif uri.startswith("preview"):
            line += f" -> {preview_dir() / f'job-{job.id}-{job.job_ref}.pdf'}"
        print(line)
    if failed:
        print(
            "Jobs not done stay in the print queue; the app retries waiting jobs and holds failed ones for a person.",
            file=sys.stderr,
        )
    return 1 if failed else 0


def _printers(args: argparse.Namespace) -> int:
    if args.printers_command == "decode":
        if not args.file.is_file():
            raise InvalidInput("File not found: {path}", path=str(args.file))
        decoded = decode(args.file.read_bytes(), args.encoding)
        print(decoded.text)
        for code in decoded.barcodes:
            print(f"[barcode] {code}")
        for code in decoded.qrcodes:
            print(f"[qr] {code}")
        print(f"[{decoded.cuts} cuts, {decoded.images} images, {decoded.drawer_pulses} drawer pulses]")
        return 0
    config = parse_uri(args.uri)
    if config.is_preview:
        raise InvalidInput("The preview printer has nothing to test.")
    document = test_page(config.uri, PrintMeta(job_ref="test", columns=config.columns))
    connection = open_connection(config)
    try:
        delivery = connection.send(render_for(config, [document]))
    except PrinterError as exc:
        print(f"pos: {config.uri}: {exc}", file=sys.stderr)
        return 1
    if not delivery.confirmed:  # never assumed ready: a printer that cannot say is not a pass
        print(
            f"pos: {config.uri}: test page sent, but the printer's status is unknown (no status reply): "
            "check that it printed.",
            file=sys.stderr,
        )
        return 1
    print(f"Test page printed on {config.uri}. Status: {delivery.status.describe()}.")
    return 0


def _print_order(d: dict) -> None:
    c = d["customer"]
    print(f"{d['number']}  {d['status']}  {c['name']} ({c['number']}) {c['phone']}")
    print(f"  {c['address']}")
    for ln in d["lines"]:
        print(
            f"  {ln['position']:>3} {ln['item_code']:<14} {ln['name']}  "
            f"{ln['unit_price']['yuan']} x {ln['quantity']} = {ln['amount']['yuan']}"
        )
    print(f"  Total {d['total']['yuan']}  {d['total']['capitals']}")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
