"""`pos audit verify` and `pos audit export`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_parsers(sub: Any) -> None:
    aud = sub.add_parser("audit", help="audit log").add_subparsers(dest="audit_command", required=True)
    verify = aud.add_parser(
        "verify", help="check the hash chain against its anchors, and payments and lines against the entries"
    )
    verify.add_argument(
        "--anchors", type=Path, metavar="FILE", help="an anchor file kept elsewhere (default: this station's)"
    )
    export = aud.add_parser("export", help="write the audit journal as CSV (manager or admin)")
    export.add_argument("file", type=Path)
    export.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="manager or admin")


def run(args: argparse.Namespace, db: Any, sign_in: Callable[[Any, str | None], Any]) -> int:
    from pos.services import audit_anchors, audit_check, audit_export  # the window's start does not wait

    if args.audit_command == "export":
        count = audit_export.export_csv(db, sign_in(db, args.actor), args.file)
        print(f"Wrote {count} audit entries to {args.file}.")
        return 0
    findings = audit_check.check(db, args.anchors)
    if findings.ok:
        anchored = audit_anchors.anchor_head(db) if args.anchors is None else None
        print(
            f"Audit log intact: {findings.checked} entries, {findings.anchors} anchors and "
            f"{findings.orders} settled orders checked."
            + (f" Head anchored at entry {anchored[0]}." if anchored else "")
        )
        return 0
    print(f"Audit log BROKEN: {len(findings.problems)} problem(s) found.", file=sys.stderr)
    for problem in findings.problems:
        print(f"  - {problem}", file=sys.stderr)
    return 1
