"""What the `pos` commands other than the window do, imported once one of them is asked for."""

from __future__ import annotations

import argparse
import getpass
import json
import sys
import time

from pos import cli_audit, cli_staff
from pos.config import archive_dir, preview_dir
from pos.domain.errors import InvalidInput
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.slip_numbers import slip_kind
from pos.printing.connections import PrinterError, open_connection, parse_uri
from pos.printing.data import PrintMeta
from pos.printing.escpos_decode import decode
from pos.printing.layouts import test_page
from pos.printing.render import render_for
from pos.printing.spooler import Spooler
from pos.services import catalog_import, db_stats, orders, printing, staff
from pos.services.printing import PrintContext
from pos.services.startup import open_database


def dispatch(args: argparse.Namespace, url: str, settings) -> int:
    if args.command == "printers":
        return _printers(args)
    return _dispatch(args, open_database(url, demo=args.demo), settings)


def _read_pin(prompt: str) -> str:
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    line = sys.stdin.readline()
    if not line:
        raise InvalidInput(f"{prompt.strip(': ')} was not given on standard input.")
    return line.strip()


def _sign_in(db, login: str | None):
    if not login:
        return None
    return staff.sign_in(db, login, _read_pin(f"PIN for {login}: "))


def _dispatch(args: argparse.Namespace, opened, settings) -> int:
    db = opened.db
    if args.command == "db" and args.db_command == "stats":
        _print_stats(db_stats.database_stats(db, days=args.days))
        return 0
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


def _megabytes(size: int | None) -> str:
    return "?" if size is None else f"{size / 1_000_000:.2f} MB"


def _print_stats(stats: db_stats.DatabaseStats) -> None:
    print(f"{'table':<22}{'rows':>12}{'size':>13}{f'new in {stats.days} days':>18}")
    for table in stats.tables:
        added = "-" if table.added is None else f"{table.added:,}"
        print(f"{table.name:<22}{table.rows:>12,}{_megabytes(table.size):>13}{added:>18}")
    print(f"{'total':<22}{'':>12}{_megabytes(stats.size):>13}")
    growth = stats.growth_per_day
    if growth is not None:
        print(
            f"Growth: about {growth / 1000:.1f} kB a day over the last {stats.days} days (tables that date their rows)."
        )
    elif stats.size is None:
        print("Sizes are unknown: this SQLite was built without its dbstat table.")
