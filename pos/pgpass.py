"""The PostgreSQL password lives in PostgreSQL's own password file, never in settings.toml.

libpq (under psycopg) reads `~/.pgpass`, or the file PGPASSFILE names, whenever a URL has no
password; the file must be the owner's only (0600) or libpq ignores it. A URL typed with a
password is split: the password goes there, the URL without it to the settings.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import tomli_w

from pos.private_files import private_file


def password_file() -> Path:
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def _escaped(value: str) -> str:
    return value.replace("\\", "\\\\").replace(":", "\\:")


def without_password(url: str) -> str:
    """`url` with any PostgreSQL password moved to the password file (replacing the entry for the
    same host, port, database and user); other URLs unchanged."""
    if not url.strip().startswith("postgresql"):
        return url
    # Imported only for a PostgreSQL URL: reading the settings must not load the database layer
    # before the first window is shown.
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except ArgumentError:
        return url  # reading the settings says what is wrong with it
    if parsed.password is None:
        return url
    key = ":".join(
        _escaped(str(part))
        for part in (parsed.host or "localhost", parsed.port or 5432, parsed.database or "*", parsed.username or "*")
    )
    path = password_file()
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if not line.startswith(key + ":")]
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    private_file(tmp)
    tmp.write_text("\n".join([*kept, f"{key}:{_escaped(str(parsed.password))}"]) + "\n", encoding="utf-8")
    os.replace(tmp, path)
    return parsed._replace(password=None).render_as_string(hide_password=False)  # set() keeps a None


def move_out_of(settings_file: Path) -> bool:
    """A settings file written before this kept the password in `database_url`: move it to the
    password file and rewrite the settings without it. True if something moved."""
    try:
        raw = tomllib.loads(settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False  # missing or unreadable: reading the settings reports that
    url = raw.get("database_url")
    if not isinstance(url, str) or (bare := without_password(url)) == url:
        return False
    raw["database_url"] = bare
    tmp = settings_file.with_suffix(".tmp")
    private_file(tmp)
    tmp.write_text(tomli_w.dumps(raw), encoding="utf-8")
    os.replace(tmp, settings_file)
    return True
