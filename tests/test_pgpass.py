"""Issue 11 finding 4: the PostgreSQL password is kept in PostgreSQL's own password file (0600),
never in settings.toml, and libpq finds it there."""

import io
import sys

import psycopg
import pytest
from sqlalchemy.engine import make_url

from pos.cli import main
from pos.config import Settings, load_settings, save_settings, settings_path


@pytest.fixture
def pgpass(tmp_path, monkeypatch):
    path = tmp_path / "home" / ".pgpass"
    monkeypatch.setenv("PGPASSFILE", str(path))
    return path


def test_a_saved_password_goes_to_the_password_file_not_the_settings(pgpass):
    save_settings(Settings(database_url="postgresql+psycopg://postgres:s3cr%3Aet@127.0.0.1:5432/test"))

    text = settings_path().read_text(encoding="utf-8")
    assert "s3cr" not in text
    assert load_settings().database_url == "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    assert pgpass.read_text(encoding="utf-8") == "127.0.0.1:5432:test:postgres:s3cr\\:et\n"
    assert pgpass.stat().st_mode & 0o777 == 0o600
    save_settings(Settings(database_url="postgresql+psycopg://postgres:new@127.0.0.1:5432/test"))
    assert pgpass.read_text(encoding="utf-8") == "127.0.0.1:5432:test:postgres:new\n"  # replaced, not added


def test_libpq_finds_the_password_there_and_sqlite_needs_none(pgpass, db_url):
    if db_url.startswith("sqlite"):  # a file, no password: nothing is written anywhere
        save_settings(Settings(database_url=db_url))
        assert load_settings().database_url == db_url and not pgpass.exists()
        return
    server = make_url(db_url)
    save_settings(Settings(database_url=server.set(password="s3cr:et").render_as_string(hide_password=False)))
    bare = make_url(load_settings().database_url).set(drivername="postgresql").render_as_string(hide_password=False)
    assert "s3cr" not in bare
    with psycopg.connect(bare) as connection:
        assert connection.info.password == "s3cr:et"


def test_a_password_an_older_release_kept_in_settings_is_moved_out_at_the_next_start(pgpass, tmp_path, monkeypatch):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'station_name = "结算台2"\ndatabase_url = "postgresql+psycopg://postgres:old@10.0.0.5/shop"\n', encoding="utf-8"
    )
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["--database", f"sqlite:///{tmp_path / 'pos.sqlite3'}", "db", "upgrade"]) == 0

    assert "old" not in path.read_text(encoding="utf-8")
    assert load_settings() == Settings(
        station_name="结算台2", database_url="postgresql+psycopg://postgres@10.0.0.5/shop"
    )
    assert pgpass.read_text(encoding="utf-8") == "10.0.0.5:5432:shop:postgres:old\n"
