"""An order's way of sending and how far its shipping got, in words for the counter's panel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from pos.domain.shipping import PICKUP, ShippingState


def shipping_text(send_by: str, state: str) -> str:
    if not send_by:
        return ""
    way = QCoreApplication.translate("Shipping", "Pickup") if send_by == PICKUP else send_by
    states = {
        ShippingState.WAITING: QCoreApplication.translate("Shipping", "to ship"),
        ShippingState.PARTLY: QCoreApplication.translate("Shipping", "partly shipped"),
        ShippingState.SHIPPED: QCoreApplication.translate("Shipping", "shipped"),
    }
    step = states.get(ShippingState(state)) if state else None
    text = QCoreApplication.translate("Shipping", "Send by: {way}").format(way=way)
    return f"{text} · {step}" if step else text
