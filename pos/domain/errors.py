"""Errors the domain and services raise. Each carries a message fit to show a person.

Messages are written in English and translated at the edge (UI/CLI); `code` is a stable identifier
tests and translations can key on.
"""


class PosError(Exception):
    """Base of every refusal the app explains to a person."""

    code = "error"

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details

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
