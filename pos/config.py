"""Settings: one TOML file in the user config directory; environment variables override it.

Nothing here is created at import time; callers load settings and pass them on.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

import platformdirs
import tomli_w

from pos import APP_NAME
from pos.devices.scanner import LAYOUTS
from pos.domain.errors import InvalidInput
from pos.domain.instore_codes import InStoreRule
from pos.pgpass import without_password
from pos.printing.connections import parse_uri
from pos.private_files import private_file

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
    scanner_layout: str = "us"  # host keyboard layout a US-programmed scanner types into
    serial_scanner: str = ""  # e.g. serial:///dev/ttyUSB0?baudrate=9600
    instore_rules: str = ""  # in-store EAN-13 rules, e.g. "22:5:weight:1, 21:5:price"
    customer_display: str = ""  # "window" (second screen) or a pole display URI
    sound: bool = True
    speech: bool = True
    drawer_pin: str = "2"  # cash drawer on kick-out connector pin 2 or 5
    drawer_pulse_ms: str = "50,500"  # on, off: some drawers need longer pulses

    def validated(self) -> Settings:
        if not self.station_name.strip():
            raise InvalidInput("Station name cannot be empty.")
        if self.language not in LANGUAGES:
            raise InvalidInput("Language must be one of {choices}.", choices=", ".join(LANGUAGES))
        if self.station_role not in STATIONS:
            raise InvalidInput("Station must be one of {choices}.", choices=", ".join(STATIONS))
        url = self.database_url.strip()
        if url and not url.startswith(("sqlite", "postgresql")):
            raise InvalidInput("Database URL must start with sqlite:// or postgresql+psycopg://.")
        for uri in (self.printer_uri, self.label_printer_uri):
            if uri.strip():
                parse_uri(uri)  # raises with the reason
        if self.scanner_layout not in LAYOUTS:
            raise InvalidInput("Scanner layout must be one of {choices}.", choices=", ".join(LAYOUTS))
        if self.serial_scanner.strip() and parse_uri(self.serial_scanner).scheme != "serial":
            raise InvalidInput("A serial scanner is given as serial:///dev/ttyUSB0?baudrate=9600.")
        if self.customer_display.strip() not in ("", "window"):
            parse_uri(self.customer_display)
        self.rules()
        self.drawer()
        return replace(self, station_name=self.station_name.strip(), database_url=url)

    def drawer(self) -> tuple[int, int, int]:
        """(pin, on ms, off ms) for the drawer pulse."""
        try:
            on, off = (int(part) for part in self.drawer_pulse_ms.split(","))
        except ValueError:
            raise InvalidInput("The drawer pulse is two numbers of milliseconds, e.g. 50,500.") from None
        if self.drawer_pin not in ("2", "5") or not (0 < on <= 510 and 0 < off <= 510):
            raise InvalidInput("The drawer is on pin 2 or 5, with pulses of 1 to 510 ms.")
        return int(self.drawer_pin), on, off

    def rules(self) -> tuple[InStoreRule, ...]:
        return tuple(InStoreRule.parse(part) for part in self.instore_rules.split(",") if part.strip())

    @property
    def labels_uri(self) -> str:
        return self.label_printer_uri.strip() or self.printer_uri


def data_dir() -> Path:
    return Path(os.environ.get("POS_DATA_DIR") or platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    return Path(os.environ.get("POS_CONFIG_DIR") or platformdirs.user_config_dir(APP_NAME))


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file (missing file: defaults). Unknown keys are ignored so an older app
    can read a newer file; a value of the wrong type is refused with the file name."""
    path = path or settings_path()
    values: dict[str, object] = {}
    if path.exists():
        try:
            raw = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise InvalidInput(
                "Settings file {path} is not valid TOML: {reason}", path=str(path), reason=str(exc)
            ) from None
        defaults = Settings()
        known = {f.name for f in fields(Settings)}
        for key, value in raw.items():
            if key in known:
                expected = type(getattr(defaults, key))
                if not isinstance(value, expected):
                    # two sentences, not a word filled in: "true or false" is not a code to leave in English
                    if expected is bool:
                        raise InvalidInput("Setting '{key}' in {path} must be true or false.", key=key, path=str(path))
                    raise InvalidInput("Setting '{key}' in {path} must be text.", key=key, path=str(path))
                values[key] = value
    return Settings(**values).validated()  # type: ignore[arg-type]


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
