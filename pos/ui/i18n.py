"""Languages: Simplified Chinese by default, English available (Qt Linguist .ts/.qm)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from pos.bundled import resources_dir
from pos.domain.errors import PosError
from pos.log_file import log_path
from pos.printing.printer_status import PrinterError
from pos.ui.vocabulary import detail_text

TRANSLATIONS = resources_dir() / "translations"
ERRORS_CONTEXT = "Errors"


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install our catalogue and Qt's own (standard buttons) for `language`. English is the
    source language and needs none. Returns the translators so the caller keeps them alive."""
    installed: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English))
        return installed
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if not ours.load(str(TRANSLATIONS / f"pos_{language}.qm")):
        raise FileNotFoundError(f"translation pos_{language}.qm is missing from {TRANSLATIONS}")
    app.installTranslator(ours)
    installed.append(ours)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    return installed


def translated(template: str, details: dict[str, str] | None = None) -> str:
    """An English message template in the UI language, filled in."""
    if not template:
        return ""
    text = QCoreApplication.translate(ERRORS_CONTEXT, template)
    try:
        return text.format(**(details or {}))
    except (KeyError, IndexError, ValueError):
        return template.format(**(details or {})) if details else template


def error_text(error: BaseException) -> str:
    """A refusal in the UI language: the English template translated, then filled in; details
    that are codes (roles, states, document kinds, payment methods) in words of the UI language."""
    if isinstance(error, PrinterError):
        return translated(error.template, error.details)
    if isinstance(error, PosError):
        template = QCoreApplication.translate(ERRORS_CONTEXT, error.template)
        details = {
            key: error_text(value) if isinstance(value, PosError) else detail_text(key, value)
            for key, value in error.details.items()
        }
        try:
            return template.format(**details)
        except (KeyError, IndexError, ValueError):
            return error.message  # a translation with a broken field must not hide the error
    from pos.db.failures import classify  # the database layer, not needed to show the first window

    refusal = classify(error)  # a raw driver or disk error that reached the screen some other way
    if refusal is not None:
        return error_text(refusal)
    # a bug: its words are for whoever mends it, in the log (the worker logs what it delivers)
    return translated(UNEXPECTED, {"log": str(log_path())})


UNEXPECTED = "Something unexpected went wrong. The details are written to {log}; tell whoever looks after this station."
