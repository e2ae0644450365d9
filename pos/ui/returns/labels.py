"""Words for return reasons, shared by the dialogs that show them."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

REASONS = ("unwanted", "defective", "wrong_item", "other")


def reason_labels() -> dict[str, str]:
    return {
        "unwanted": QCoreApplication.translate("Returns", "Not wanted"),
        "defective": QCoreApplication.translate("Returns", "Defective"),
        "wrong_item": QCoreApplication.translate("Returns", "Wrong item"),
        "other": QCoreApplication.translate("Returns", "Other"),
    }
