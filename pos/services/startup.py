"""Opening the database the way the app and every command do: upgrade first, backup before."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from pos.db.database import Database
from pos.db.engine import redacted
from pos.db.failures import classify
from pos.db.migrate import UpgradeResult, upgrade
from pos.db.models import Staff
from pos.db.statistics import analyze_if_never
from pos.domain.errors import PosError
from pos.services.demo import seed

log = logging.getLogger(__name__)


class DatabaseUnavailable(PosError):
    code = "database_unavailable"


@dataclass
class Opened:
    db: Database
    upgrade: UpgradeResult


def open_database(url: str, *, demo: bool = False) -> Opened:
    """Connect, upgrade the schema (copying an older SQLite file aside first), seed the demo shop
    when asked and the demo database is new. A server that does not answer, a full disk or a
    read-only file is refused with what to do (pos.db.failures); the driver's words go to the log."""
    try:
        db = Database(url)
        result = upgrade(db.engine)
    except (SQLAlchemyError, OSError) as exc:
        log.error("cannot open the database %s", _safe(url), exc_info=exc)
        refusal = classify(exc, url)
        if refusal is not None:
            raise refusal from exc
        if isinstance(exc, OSError):
            raise DatabaseUnavailable(
                "Cannot open the database {url}: {reason}", url=_safe(url), reason=str(exc)
            ) from exc
        raise DatabaseUnavailable(
            "Cannot open the database {url}: {reason}",
            url=_safe(url),
            reason=f"{exc.__class__.__name__}: {_first_line(exc)}",
        ) from exc
    except ValueError as exc:
        raise DatabaseUnavailable("Cannot open the database {url}: {reason}", url=_safe(url), reason=str(exc)) from exc
    if demo:
        with db.transaction() as session:
            empty = not session.scalar(select(func.count()).select_from(Staff))
        if empty:
            seed(db)
    analyze_if_never(db.engine)
    return Opened(db, result)


def _first_line(exc: Exception) -> str:
    text = str(getattr(exc, "orig", None) or exc)
    return text.strip().splitlines()[0] if text.strip() else ""


def _safe(url: str) -> str:
    try:
        return redacted(url)
    except Exception:  # noqa: BLE001 - a malformed URL is itself what we are reporting
        return "(unreadable URL)"
