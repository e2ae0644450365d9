"""Issue 11 Deliver 7: a bad value in settings.toml is reported with its key and the file, the
other settings are still read, and it never stops `pos db upgrade` or `pos staff`."""

import io
import sys

import pytest

from pos.cli import main
from pos.config import Settings, read_settings, settings_path


def _write(text):
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_every_bad_value_is_named_with_key_and_file_and_the_good_ones_are_read():
    path = _write(
        'station_name = "打包台2"\nprinter_uri = "lp://nowhere"\nlanguage = "fr"\nsound = "yes"\n'
        'drawer_pulse_ms = "fast"\nshop_name = "银饰批发"\n'
    )
    settings, problems = read_settings()
    assert {p.key for p in problems} == {"printer_uri", "language", "sound", "drawer_pulse_ms"}
    assert all(str(path) in p.message and f"'{p.key}'" in p.message for p in problems)
    defaults = Settings()
    assert (settings.station_name, settings.shop_name) == ("打包台2", "银饰批发")
    assert (settings.printer_uri, settings.language, settings.sound, settings.drawer_pulse_ms) == (
        defaults.printer_uri,
        defaults.language,
        defaults.sound,
        defaults.drawer_pulse_ms,
    )


@pytest.fixture
def bad_printer(tmp_path, monkeypatch):
    _write('printer_uri = "lp://nowhere"\n')
    monkeypatch.setattr(sys, "stdin", io.StringIO("9999\n9999\n"))
    return f"sqlite:///{tmp_path / 'pos.sqlite3'}"


def test_a_bad_printer_never_stops_db_upgrade_or_staff(bad_printer, capsys):
    assert main(["--database", bad_printer, "db", "upgrade"]) == 0
    assert (
        main(["--database", bad_printer, "staff", "add", "--login", "9001", "--name", "管理员", "--roles", "admin"])
        == 0
    )
    assert main(["--database", bad_printer, "staff", "list", "--as", "9001"]) == 0
    out, err = capsys.readouterr()
    assert "9001\t管理员\tadmin\tactive" in out
    assert err.count("pos: warning: Setting 'printer_uri' in ") == 3


def test_pos_print_with_a_bad_printer_refuses_naming_the_key(bad_printer, capsys):
    assert main(["--database", bad_printer, "print", "S20261127-0001", "--as", "9001"]) == 1
    assert "Setting 'printer_uri' in " in capsys.readouterr().err


def test_a_bad_database_url_stops_what_needs_the_data_unless_told_where_it_is(tmp_path, capsys):
    path = _write('database_url = "mysql://shop"\n')
    assert main(["audit", "verify"]) == 1
    err = capsys.readouterr().err
    assert f"Setting 'database_url' in {path}" in err and not (tmp_path / "data" / "pos.sqlite3").exists()
    assert main(["--database", f"sqlite:///{tmp_path / 'elsewhere.sqlite3'}", "audit", "verify"]) == 0
    assert "warning: Setting 'database_url'" in capsys.readouterr().err


def test_a_settings_file_that_is_not_toml_is_named(tmp_path, capsys):
    path = _write("station_name = \n")
    assert main(["audit", "verify"]) == 1
    assert f"Settings file {path} is not valid TOML" in capsys.readouterr().err
    assert main(["--database", f"sqlite:///{tmp_path / 'x.sqlite3'}", "db", "upgrade"]) == 0
