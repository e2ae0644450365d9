"""The settings a `pos` command runs with: a bad value is a warning naming its key and file, and
stops only what depends on it."""

from __future__ import annotations

import argparse
import os
import sys

from pos.config import SettingProblem, Settings, read_settings

_PRINTERS = ("printer_uri", "label_printer_uri")


def settings_for(args: argparse.Namespace) -> tuple[Settings, tuple[SettingProblem, ...]]:
    """The settings, and the problems left for the caller to show (the app shows them in a window;
    a command has printed them as warnings). Refused: a bad or unreadable database URL unless
    --database, POS_DATABASE_URL or --demo says where the data is (falling back to the embedded
    file would write a shared shop's sales to one station's disk); a bad printer for `pos print`
    without --printer (the default is the preview, not paper)."""
    settings, problems = read_settings()
    elsewhere = bool(args.database or os.environ.get("POS_DATABASE_URL") or args.demo)
    for problem in problems:
        if problem.key in (None, "database_url") and not elsewhere and args.command != "printers":
            raise problem
        if args.command == "print" and not args.printer and problem.key in _PRINTERS:
            raise problem
    if args.command is not None:
        for problem in problems:
            print(f"pos: warning: {problem.message}", file=sys.stderr)
    return settings, problems
