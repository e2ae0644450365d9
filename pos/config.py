"""Settings: one TOML file in the user config directory; environment variables override it.

Nothing here is created at import time; callers load settings and pass them on.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs
import tomli_w

from pos import APP_NAME
from pos.devices.scanner import LAYOUTS
from pos.domain.errors import InvalidInput
from pos.pgpass import without_password
from pos.printing.printer_uri import parse_uri
from pos.private_files import private_file

if TYPE_CHECKING:
    from pos.domain.instore_codes import InStoreRule

LANGUAGES = ("zh_CN", "en")
STATIONS = ("counter", "bench")


@dataclass(frozen=True)
class Settings:
    station_name: str = "结算台1"
    station_role: str = "counter"  # counter | bench
    database_url: str = ""  # empty: the embedded SQLite file in the data directory
    language: str = "zh_CN"
    printer_uri: str = "preview:"  # slips and receipts
    label_printer_uri: str = ""  # box labels; empty: the same printer
    shop_name: str = "饰品批发展厅"
    archive_pdf: bool = True  # keep a PDF of every print next to the database
    # days the printer's bytes of a printed job are kept in the database when its PDF is archived
    # (a reprint is built again from the slip); "0": kept for good
    print_bytes_days: str = "90"
    scanner_layout: str = "us"  # host keyboard layout a US-programmed scanner types into
    serial_scanner: str = ""  # e.g. serial:///dev/ttyUSB0?baudrate=9600
    instore_rules: str = ""  # in-store EAN-13 rules, e.g. "22:5:weight:1, 21:5:price"
    customer_display: str = ""  # "window" (second screen) or a pole display URI
    sound: bool = True
    speech: bool = True
    drawer_pin: str = "2"  # cash drawer on kick-out connector pin 2 or 5
    drawer_pulse_ms: str = "50,500"  # on, off: some drawers need longer pulses
    # where remote customers transfer to, one account per line: bank, branch, number, holder
    bank_accounts: str = ""

    def validated(self) -> Settings:
        """These settings, tidied, or the first refusal in reading order."""
        for _key, check in _CHECKS:
            check(self)
        return self.tidied()

    def tidied(self) -> Settings:
        return replace(self, station_name=self.station_name.strip(), database_url=self.database_url.strip())

    def drawer(self) -> tuple[int, int, int]:
        """(pin, on ms, off ms) for the drawer pulse."""
        try:
            on, off = (int(part) for part in self.drawer_pulse_ms.split(","))
        except ValueError:
            raise InvalidInput("The drawer pulse is two numbers of milliseconds, e.g. 50,500.") from None
        if self.drawer_pin not in ("2", "5") or not (0 < on <= 510 and 0 < off <= 510):
            raise InvalidInput("The drawer is on pin 2 or 5, with pulses of 1 to 510 ms.")
        return int(self.drawer_pin), on, off

    def kept_bytes_days(self) -> int:
        days = self.print_bytes_days.strip()
        if not days.isdigit() or int(days) > MAX_BYTES_DAYS:
            raise InvalidInput("Printer bytes are kept 0 (for good) to {maximum} days.", maximum=MAX_BYTES_DAYS)
        return int(days)

    def rules(self) -> tuple[InStoreRule, ...]:
        if not self.instore_rules.strip():
            return ()
        from pos.domain.instore_codes import InStoreRule  # only for a shop that has the rules

        return tuple(InStoreRule.parse(part) for part in self.instore_rules.split(",") if part.strip())

    @property
    def labels_uri(self) -> str:
        return self.label_printer_uri.strip() or self.printer_uri


def _station_name(s: Settings) -> None:
    if not s.station_name.strip():
        raise InvalidInput("Station name cannot be empty.")


def _language(s: Settings) -> None:
    if s.language not in LANGUAGES:
        raise InvalidInput("Language must be one of {choices}.", choices=", ".join(LANGUAGES))


def _station_role(s: Settings) -> None:
    if s.station_role not in STATIONS:
        raise InvalidInput("Station must be one of {choices}.", choices=", ".join(STATIONS))


def _database_url(s: Settings) -> None:
    url = s.database_url.strip()
    if url and not url.startswith(("sqlite", "postgresql")):
        raise InvalidInput("Database URL must start with sqlite:// or postgresql+psycopg://.")


def _printer(uri: str) -> None:
    if uri.strip():
        parse_uri(uri)  # raises with the reason


def _scanner_layout(s: Settings) -> None:
    if s.scanner_layout not in LAYOUTS:
        raise InvalidInput("Scanner layout must be one of {choices}.", choices=", ".join(LAYOUTS))


def _serial_scanner(s: Settings) -> None:
    if s.serial_scanner.strip() and parse_uri(s.serial_scanner).scheme != "serial":
        raise InvalidInput("A serial scanner is given as serial:///dev/ttyUSB0?baudrate=9600.")


def _customer_display(s: Settings) -> None:
    if s.customer_display.strip() not in ("", "window"):
        parse_uri(s.customer_display)


def _instore_rules(s: Settings) -> None:
    s.rules()  # raises with the reason


def _drawer_pin(s: Settings) -> None:
    if s.drawer_pin not in ("2", "5"):
        raise InvalidInput("The drawer is on pin 2 or 5, with pulses of 1 to 510 ms.")


def _bank_accounts(s: Settings) -> None:
    for account in s.bank_accounts.replace(";", "\n").splitlines():
        if len(account.strip()) > MAX_ACCOUNT:
            raise InvalidInput("A bank account line is at most {maximum} characters.", maximum=MAX_ACCOUNT)


MAX_ACCOUNT = 80
MAX_BYTES_DAYS = 3650


def _print_bytes_days(s: Settings) -> None:
    s.kept_bytes_days()  # raises with the reason


def _drawer_pulse(s: Settings) -> None:
    replace(s, drawer_pin="2").drawer()


# each setting's check, in the order a person reads them; each looks at its own key only
_CHECKS: tuple[tuple[str, Callable[[Settings], None]], ...] = (
    ("station_name", _station_name),
    ("language", _language),
    ("station_role", _station_role),
    ("database_url", _database_url),
    ("printer_uri", lambda s: _printer(s.printer_uri)),
    ("label_printer_uri", lambda s: _printer(s.label_printer_uri)),
    ("print_bytes_days", _print_bytes_days),
    ("scanner_layout", _scanner_layout),
    ("serial_scanner", _serial_scanner),
    ("customer_display", _customer_display),
    ("instore_rules", _instore_rules),
    ("drawer_pin", _drawer_pin),
    ("drawer_pulse_ms", _drawer_pulse),
    ("bank_accounts", _bank_accounts),
)


class SettingProblem(InvalidInput):
    """One setting in the file that could not be used: its key (None: the whole file) and why.
    Reading goes on with the default for that key."""

    code = "setting_problem"
    key: str | None = None


def _problem(template: str, setting: str | None, **details: object) -> SettingProblem:
    problem = SettingProblem(template, **details)
    problem.key = setting
    return problem


def read_settings(path: Path | None = None) -> tuple[Settings, tuple[SettingProblem, ...]]:
    """The settings file as far as it can be used, and what could not be: each key with a value of
    the wrong type or refused by its check is reported with the key and the file and falls back to
    its default, so one bad printer address never stops `pos db upgrade`. A file that is not TOML
    at all gives the defaults and one problem with no key. Unknown keys are ignored, so an older
    app can read a newer file."""
    path = path or settings_path()
    if not path.exists():
        return Settings(), ()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        problem = _problem("Settings file {path} is not valid TOML: {reason}", None, path=str(path), reason=str(exc))
        return Settings(), (problem,)
    defaults = Settings()
    values: dict[str, object] = {}
    problems: list[SettingProblem] = []
    for item in fields(Settings):
        if item.name not in raw:
            continue
        value = raw[item.name]
        if isinstance(value, type(getattr(defaults, item.name))):
            values[item.name] = value
        elif isinstance(getattr(defaults, item.name), bool):
            # two sentences, not a word filled in: "true or false" is not a code to leave in English
            problems.append(
                _problem("Setting '{key}' in {path} must be true or false.", item.name, key=item.name, path=str(path))
            )
        else:
            problems.append(
                _problem("Setting '{key}' in {path} must be text.", item.name, key=item.name, path=str(path))
            )
    settings = Settings(**values)  # type: ignore[arg-type]
    for key, check in _CHECKS:
        try:
            check(settings)
        except InvalidInput as exc:
            problems.append(_problem("Setting '{key}' in {path}: {problem}", key, key=key, path=str(path), problem=exc))
            settings = replace(settings, **{key: getattr(defaults, key)})
    return settings.tidied(), tuple(problems)


def data_dir() -> Path:
    return Path(os.environ.get("POS_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(os.environ.get("POS_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    """The settings file, refused with its first problem (key and file) if it has any."""
    settings, problems = read_settings(path)
    if problems:
        raise problems[0]
    return settings


def save_settings(settings: Settings, path: Path | None = None) -> Path:
    """Write atomically, so a crash mid-save never leaves half a file."""
    path = path or settings_path()
    settings = settings.validated()
    settings = replace(settings, database_url=without_password(settings.database_url))
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    private_file(tmp)
    tmp.write_text(tomli_w.dumps(asdict(settings)), encoding="utf-8")
    os.replace(tmp, path)
    return path


def archive_dir() -> Path:
    return data_dir() / "archive"


def preview_dir() -> Path:
    return data_dir() / "preview"


def database_url(settings: Settings, *, demo: bool = False) -> str:
    """Where the data lives: demo file, else POS_DATABASE_URL, else settings, else the embedded file."""
    if demo:
        return f"sqlite:///{data_dir() / 'demo.sqlite3'}"
    return os.environ.get("POS_DATABASE_URL") or settings.database_url or f"sqlite:///{data_dir() / 'pos.sqlite3'}"
