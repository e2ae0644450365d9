"""The `pos` command: starts the app, administers the database, imports the catalog, shows orders.

Commands that change data act as a signed-in person (`--as LOGIN`); the PIN is asked on the
terminal, or read one per line from standard input when that is not a terminal (for scripts).
Exit status: 0 done, 1 refused or failed (the reason is printed), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pos import __version__, cli_audit, cli_staff
from pos.cli_settings import settings_for
from pos.config import database_url, settings_path
from pos.domain.errors import PosError
from pos.domain.print_jobs import DOCUMENT_KINDS
from pos.log_file import start_logging
from pos.pgpass import move_out_of

# Only what reading the command line and the settings needs is imported here: starting the window
# must not wait for the database layer, the printing libraries or the services (a second and more).


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pos", description="Counter & Bench point of sale.")
    parser.add_argument("--version", action="version", version=f"pos {__version__}")
    parser.add_argument("--demo", action="store_true", help="use the separate demo database (seeded on first use)")
    parser.add_argument("--database", metavar="URL", help="database URL (overrides POS_DATABASE_URL and settings)")
    sub = parser.add_subparsers(dest="command")

    db = sub.add_parser("db", help="database administration").add_subparsers(dest="db_command", required=True)
    db.add_parser("upgrade", help="apply schema migrations (copies an older SQLite file aside first)")
    stats = db.add_parser("stats", help="rows and size of each table, and how much was added lately")
    stats.add_argument("--days", type=int, default=30, help="the window for what was added (default 30)")

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
    prn.add_argument("--kind", choices=DOCUMENT_KINDS, help="default: sales-slip for S…, return-slip for R…")
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


def _display_available() -> bool:
    """Qt aborts the whole process when it finds no display; say so plainly instead."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command is not None:
        start_logging()  # the window starts it behind its first paint
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
        from pos.cli_commands import dispatch

        return dispatch(args, url, settings)
    except PosError as exc:
        print(f"pos: {exc.message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("pos: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - a driver's traceback is for the log, not the terminal
        from pos.cli_errors import report_failure

        return report_failure(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
