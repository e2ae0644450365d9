"""Printers addressed by URI: parsing a printer URI and its options into a PrinterConfig (the
schemes and options are listed in pos.printing.connections)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlsplit

from pos.domain.errors import InvalidInput

SCHEMES = ("tcp", "usb", "serial", "cups", "file", "preview")


@dataclass(frozen=True)
class PrinterConfig:
    uri: str
    scheme: str
    target: str
    encoding: str = "gb18030"
    paper: int = 80
    profile: str = "default"
    timeout: float = 5.0
    baudrate: int = 9600
    answers_status: bool = True  # status=none: a printer that never answers DLE EOT

    @property
    def columns(self) -> int:
        return 32 if self.paper == 58 else 48

    @property
    def dots(self) -> int:
        return 384 if self.paper == 58 else 576

    @property
    def is_preview(self) -> bool:
        return self.scheme == "preview"


def parse_uri(uri: str) -> PrinterConfig:
    """Check a printer URI; refuses unknown schemes and malformed targets with the reason."""
    text = (uri or "").strip()
    if text in ("preview", "preview:", "preview://"):
        return PrinterConfig(uri="preview:", scheme="preview", target="")
    parts = urlsplit(text)
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise InvalidInput(
            "Unknown printer address '{uri}': use tcp://, usb://, serial://, cups://, file:// or preview:.", uri=text
        )
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    options: dict[str, object] = {}
    if "encoding" in query:
        if query["encoding"].lower() not in ("gb18030", "gbk", "gb2312", "utf-8", "cp437", "cp936"):
            raise InvalidInput("Unknown printer encoding '{encoding}'.", encoding=query["encoding"])
        options["encoding"] = query["encoding"].lower()
    if "paper" in query:
        if query["paper"] not in ("58", "80"):
            raise InvalidInput("Paper width must be 58 or 80 (mm).")
        options["paper"] = int(query["paper"])
    if "status" in query:
        if query["status"].lower() not in ("none", "yes"):
            raise InvalidInput("Printer option status is 'none' (it never answers) or 'yes'.")
        options["answers_status"] = query["status"].lower() == "yes"
    if "profile" in query:
        options["profile"] = query["profile"]
    for key, kind in (("timeout", float), ("baudrate", int)):
        if key in query:
            try:
                options[key] = kind(query[key])
            except ValueError:
                raise InvalidInput("Printer option {key} must be a number.", key=key) from None
    if scheme == "tcp":
        if not parts.hostname:
            raise InvalidInput("A network printer address needs a host: tcp://192.168.1.50:9100.")
        try:
            port = parts.port or 9100
        except ValueError:
            raise InvalidInput("The printer port must be a number.") from None
        target = f"{parts.hostname}:{port}"
    elif scheme == "usb":
        ids = (parts.netloc or parts.path.strip("/")).split(":")
        if len(ids) != 2 or not all(_is_hex(i) for i in ids):
            raise InvalidInput("A USB printer address is usb://VID:PID in hex, e.g. usb://0416:5011.")
        target = ":".join(ids)
    elif scheme in ("serial", "file"):
        target = unquote(parts.path)
        if not target:
            raise InvalidInput(
                "The {scheme} printer address needs a path, e.g. {example}.",
                scheme=scheme,
                example="serial:///dev/ttyUSB0" if scheme == "serial" else "file:///tmp/out.bin",
            )
    else:  # cups
        target = parts.netloc or parts.path.strip("/")
        if not target:
            raise InvalidInput("A CUPS printer address names the queue: cups://QUEUE.")
    return PrinterConfig(uri=text, scheme=scheme, target=target, **options)  # type: ignore[arg-type]


def _is_hex(text: str) -> bool:
    try:
        int(text, 16)
        return 0 < len(text) <= 4
    except ValueError:
        return False
