"""What a printer says about itself (DLE EOT status replies) and the errors of talking to it,
stored with a job as an English template and details for translation."""

from __future__ import annotations

import json
from dataclasses import dataclass

DLE_EOT = b"\x10\x04"


class PrinterError(Exception):
    """A send that did not complete. `sent` bytes reached the printer before it failed: zero means
    the job can be retried safely; more means part of it may be on paper.

    Like the app's other refusals the message is an English template with fields, so the print
    queue can show it in the operator's language (`to_json` keeps both for the stored job)."""

    def __init__(self, template: str, sent: int = 0, **details: object) -> None:
        self.template = template
        self.details = {key: str(value) for key, value in details.items()}
        if sent:
            self.details["sent"] = str(sent)  # templates may say how much went out
        self.message = template.format(**self.details) if self.details else template
        super().__init__(self.message)
        self.sent = sent

    def to_json(self) -> str:
        return json.dumps({"template": self.template, "details": self.details}, ensure_ascii=False)


def stored_error(text: str) -> tuple[str, dict[str, str]]:
    """A job's stored error back as (template, details); older plain text is its own template."""
    if not text:
        return "", {}
    try:
        data = json.loads(text)
        return str(data["template"]), {str(k): str(v) for k, v in data.get("details", {}).items()}
    except (ValueError, KeyError, TypeError, AttributeError):
        return text, {}


def english(template: str, details: dict[str, str]) -> str:
    """A stored error filled in, in English (the command line, logs, JSON output)."""
    try:
        return template.format(**details)
    except (KeyError, IndexError, ValueError):
        return template


def not_ready(state: PrinterStatus) -> PrinterError:
    if state.paper == "out":
        return PrinterError("The printer is out of paper.")
    if state.cover_open:
        return PrinterError("The printer's cover is open.")
    return PrinterError("The printer is offline.")


@dataclass(frozen=True)
class PrinterStatus:
    """What the printer said about itself. None means it did not say (no answer, or a kind of
    connection that cannot read): unknown, never assumed OK."""

    online: bool | None = None
    paper: str | None = None  # ok, low, out
    cover_open: bool | None = None

    @property
    def known(self) -> bool:
        return self.online is not None or self.paper is not None

    @property
    def ready(self) -> bool:
        """False only when the printer said it cannot print."""
        return self.online is not False and self.paper != "out" and self.cover_open is not True

    def describe(self) -> str:
        if not self.known:
            return "unknown (no status reply)"
        parts = []
        if self.online is not None:
            parts.append("online" if self.online else "offline")
        if self.cover_open:
            parts.append("cover open")
        if self.paper:
            parts.append({"ok": "paper OK", "low": "paper low", "out": "out of paper"}[self.paper])
        return ", ".join(parts)


@dataclass(frozen=True)
class Delivery:
    """How a whole job ended up. `confirmed`: the printer answered a status request sent after the
    job's last byte on the same connection (so it took every byte before it), or the bytes are
    safely on disk for a file. Unconfirmed: handed over to a device that cannot say (a printer
    configured with status=none, a CUPS queue)."""

    status: PrinterStatus
    confirmed: bool


def _valid(byte: int) -> bool:
    return byte & 0x93 == 0x12  # fixed bits of every real-time status byte


def status_from_replies(printer: int | None, offline: int | None, paper: int | None) -> PrinterStatus:
    online = None if printer is None or not _valid(printer) else not (printer & 0x08)
    cover = None if offline is None or not _valid(offline) else bool(offline & 0x04)
    paper_state = None
    if paper is not None and _valid(paper):
        paper_state = "out" if paper & 0x60 == 0x60 else "low" if paper & 0x0C == 0x0C else "ok"
    if offline is not None and _valid(offline) and offline & 0x20 and paper_state is None:
        paper_state = "out"
    return PrinterStatus(online, paper_state, cover)
