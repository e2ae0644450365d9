"""What the `pos` command prints when a command fails: one plain sentence, never a traceback.

A failure a person can act on (pos.db.failures) is printed as its message; anything else is a bug,
printed as a pointer to the log file, which gets the traceback.
"""

from __future__ import annotations

import logging
import sys

from pos.db.failures import classify
from pos.log_file import log_path

log = logging.getLogger("pos.cli")


def report_failure(error: Exception) -> int:
    """Print why the command failed on standard error and log the details; the exit status (1)."""
    log.error("command failed", exc_info=error)
    refusal = classify(error)
    if refusal is not None:
        print(f"pos: {refusal.message}", file=sys.stderr)
    else:
        print(
            f"pos: something unexpected went wrong ({error.__class__.__name__}); "
            f"the details are written to {log_path()}",
            file=sys.stderr,
        )
    return 1
