"""Errors the domain and services raise. Each carries a message fit to show a person.

Messages are English templates translated at the edge (UI); `code` is a stable identifier tests can
key on.
"""


class PosError(Exception):
    """Base of every refusal the app explains to a person.

    `template` is an English sentence with `{name}` fields filled from `details`. The UI looks the
    template up in its translations and fills in the same details, so every refusal reaches the
    person in their language; a detail that is itself a PosError is translated the same way.
    """

    code = "error"

    def __init__(self, template: str, **details: object) -> None:
        self.template = template
        self.details = details
        self.message = template.format(**details) if details else template
        super().__init__(self.message)

    def __str__(self) -> str:
        return self.message


class InvalidInput(PosError):
    code = "invalid_input"


class BadCode(InvalidInput):
    """A scanned or typed item code that cannot be an item code."""

    code = "bad_code"


class BadCheckDigit(BadCode):
    code = "bad_check_digit"


class NotFound(PosError):
    code = "not_found"


class Conflict(PosError):
    """The request clashes with what is stored (duplicate code, wrong state, concurrent change)."""

    code = "conflict"


class InvalidTransition(Conflict):
    code = "invalid_transition"


class AuthError(PosError):
    code = "auth_failed"


class LoginThrottled(AuthError):
    code = "login_throttled"


class PermissionDenied(PosError):
    code = "permission_denied"


class DatabaseBusy(Conflict):
    """Other stations' changes kept the database locked through every retry; nothing was stored."""

    code = "database_busy"


class DatabaseUnreachable(PosError):
    """The database server (or the disk the file is on) did not answer; whether the act got through
    is unknown, so it may be made again with the same command id."""

    code = "database_unreachable"


class DiskFull(PosError):
    code = "disk_full"


class ReadOnly(PosError):
    """The database or a file next to it may be read but not written (disk, permissions, a standby
    server)."""

    code = "read_only"


class UpgradeFailed(PosError):
    """A schema upgrade that did not go through: rolled back, the database as it was."""

    code = "upgrade_failed"
