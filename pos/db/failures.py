"""What a database or disk failure means to the person at the station.

Drivers raise errors worded for programmers ("(sqlite3.OperationalError) database is locked [SQL:
...]"). `classify` turns the few kinds a person can do something about (busy, unreachable, disk
full, read-only, a clash with another station) into a PosError whose message says what happened and
what to do; the driver's text stays on the original exception, chained as the cause, for the log.
Anything else is a bug and is left alone (None).
"""

from __future__ import annotations

import errno
import re
from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, IntegrityError

from pos.domain.errors import Conflict, DatabaseBusy, DatabaseUnreachable, DiskFull, PosError, ReadOnly

# SQLite primary result codes (an extended code carries one in its low byte)
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY, SQLITE_FULL, SQLITE_CANTOPEN = 3, 5, 6, 8, 13, 14
_SQLITE_KINDS = {
    SQLITE_BUSY: "busy",
    SQLITE_LOCKED: "busy",
    SQLITE_READONLY: "read-only",
    SQLITE_PERM: "read-only",
    SQLITE_FULL: "full",
    SQLITE_CANTOPEN: "unreachable",
}
# SQLite's own words, for a driver that gives no result code
_SQLITE_WORDS = {
    "database is locked": "busy",
    "database or disk is full": "full",
    "readonly database": "read-only",
    "unable to open database file": "unreachable",
}
# PostgreSQL SQLSTATEs; class 08 (connection exception) is unreachable as a whole
_PG_KINDS = {
    "53100": "full",  # disk_full
    "25006": "read-only",  # read_only_sql_transaction (a standby, or default_transaction_read_only)
    "55P03": "busy",  # lock_not_available
    "53300": "busy",  # too_many_connections
    "40001": "busy",  # serialization_failure, when it survives the retries
    "40P01": "busy",  # deadlock_detected, likewise
    "57P01": "unreachable",  # admin_shutdown
    "57P02": "unreachable",  # crash_shutdown
    "57P03": "unreachable",  # cannot_connect_now (starting up)
}
# A server that answered and refused the login: psycopg gives these no SQLSTATE, only the server's
# words (English whatever lc_messages the server runs with, for the FATAL of a failed start-up)
_PG_LOGIN_REFUSED = re.compile(
    r'(?P<kind>database|role) "(?P<name>[^"]*)" does not exist'
    r'|password authentication failed for user "(?P<user>[^"]*)"'
)
_ERRNO_KINDS = {
    errno.ENOSPC: "full",
    errno.EDQUOT: "full",
    errno.EROFS: "read-only",
    errno.EACCES: "read-only",
    errno.EPERM: "read-only",
    errno.ECONNREFUSED: "unreachable",
    errno.ETIMEDOUT: "unreachable",
    errno.EHOSTUNREACH: "unreachable",
    errno.ENETUNREACH: "unreachable",
    errno.ECONNRESET: "unreachable",
}


def classify(error: BaseException, url: str | None = None) -> PosError | None:
    """The refusal a person can act on that `error` stands for, with `error` as its cause, or None
    when it is none of these kinds. `url`, when known, names the server or folder in the message."""
    if isinstance(error, PosError):
        return error
    kind = _kind(error)
    if kind is None:
        return None
    login = _PG_LOGIN_REFUSED.search(str(error)) if kind == "unreachable" else None
    if login is not None:
        refusal = _login_refused(login, _where(url, error)[1] or "?")
    else:
        refusal = _refusal(kind, *_where(url, error))
    refusal.__cause__ = error
    return refusal


def _kind(error: BaseException) -> str | None:
    orig = error.orig if isinstance(error, DBAPIError) and error.orig is not None else error
    if isinstance(error, IntegrityError) or type(orig).__name__ == "IntegrityError":
        return "conflict"
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int) and code & 0xFF in _SQLITE_KINDS:
        return _SQLITE_KINDS[code & 0xFF]
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        return "unreachable" if sqlstate.startswith("08") else _PG_KINDS.get(sqlstate)
    if type(orig).__module__.split(".")[0] == "psycopg" and type(orig).__name__ == "OperationalError":
        return "unreachable"  # no SQLSTATE: the connection itself failed (refused, timed out, lost)
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return "unreachable"
    if isinstance(orig, OSError):
        return _ERRNO_KINDS.get(
            orig.errno or 0, "unreachable" if isinstance(orig, ConnectionError | TimeoutError) else None
        )
    if type(orig).__module__ == "sqlite3":
        text = str(orig)
        return next((kind for words, kind in _SQLITE_WORDS.items() if words in text), None)
    return None


def _where(url: str | None, error: BaseException) -> tuple[str, str]:
    """('server', 'host:port'), ('file', path) or ('', '') when neither is known."""
    filename = getattr(error, "filename", None)
    if isinstance(error, OSError) and filename:
        return "file", str(filename)
    if not url:
        return "", ""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return "", ""
    if parsed.get_backend_name() == "sqlite":
        return ("file", str(Path(parsed.database).resolve())) if parsed.database else ("", "")
    return "server", f"{parsed.host or 'localhost'}:{parsed.port or 5432}"


def _login_refused(login: re.Match[str], where: str) -> PosError:
    """The server is there: the settings name a database or user it does not have, or the wrong
    password. Checking the cable would not help."""
    if login["kind"] == "database":
        return DatabaseUnreachable(
            "The database server at {where} has no database named {name}. Check the database name in the "
            "settings, or create the database on the server, then try again.",
            where=where,
            name=login["name"],
        )
    if login["kind"] == "role":
        return DatabaseUnreachable(
            "The database server at {where} has no user named {name}. Check the user name in the settings, "
            "then try again.",
            where=where,
            name=login["name"],
        )
    return DatabaseUnreachable(
        "The database server at {where} refused the password of user {name}. Check the password in the "
        "settings (or the .pgpass file), then try again.",
        where=where,
        name=login["user"],
    )


def _refusal(kind: str, place: str, where: str) -> PosError:
    if kind == "conflict":
        return Conflict("Another station changed this at the same moment; look again and retry.")
    if kind == "busy":
        return DatabaseBusy("The database is busy with other stations' changes; wait a moment and try again.")
    if kind == "unreachable":
        if place == "server":
            return DatabaseUnreachable(
                "Cannot reach the database server at {where}. Check the network cable and that the server "
                "is running, then try again.",
                where=where,
            )
        if place == "file":
            return DatabaseUnreachable(
                "Cannot open the database file {where}. Check that its disk is connected and the folder "
                "is there, then try again.",
                where=where,
            )
        return DatabaseUnreachable(
            "Cannot reach the database. Check the network cable and that the database server is running, "
            "then try again."
        )
    if kind == "full":
        if place == "server":
            return DiskFull(
                "The database server's disk is full; nothing was saved. Free space on the server at "
                "{where} and try again.",
                where=where,
            )
        if place == "file":
            return DiskFull(
                "The disk is full; nothing was saved. Free space on the disk of {where} and try again.",
                where=where,
            )
        return DiskFull("The disk is full; nothing was saved. Free space on the disk and try again.")
    if place == "server":
        return ReadOnly(
            "The database server at {where} accepts no changes (it is read-only); nothing was saved. "
            "Connect this station to the main server, then try again.",
            where=where,
        )
    if place == "file":
        return ReadOnly(
            "{where} cannot be written to; nothing was saved. Check that the disk is not write-protected "
            "and that this account may write there, then try again.",
            where=where,
        )
    return ReadOnly(
        "The database cannot be written to; nothing was saved. Check the disk and its permissions, then try again."
    )
