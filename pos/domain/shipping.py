"""Sending the goods (standard chapter 6): the way the customer asked for, a shipment's state,
and what to say when calling the customer.

The way of sending is "pickup" (the customer takes the boxes from the counter) or a carrier's
name. An order to be shipped is "shipped" only once every one of its boxes is in a shipment: a
box left on the floor keeps it "partly shipped".
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum

from pos.domain.errors import InvalidInput

PICKUP = "pickup"
MAX_WAYBILL = 60


class ShippingState(StrEnum):
    PICKUP = "pickup"  # the customer takes the goods: nothing to ship
    NOT_ASKED = "not_asked"  # the way of sending is not known yet
    WAITING = "waiting"  # to be shipped, no box has left
    PARTLY = "partly"  # some boxes are in shipments, some are not
    SHIPPED = "shipped"  # every box is in a shipment


def shipping_state(send_by: str, boxes: int, shipped_boxes: int) -> ShippingState:
    if shipped_boxes and shipped_boxes >= boxes:
        return ShippingState.SHIPPED  # shipped, whatever was said at the counter
    if shipped_boxes:
        return ShippingState.PARTLY
    if send_by == PICKUP:
        return ShippingState.PICKUP
    if not send_by:
        return ShippingState.NOT_ASKED
    return ShippingState.WAITING


def send_by_label(send_by: str) -> str:
    """As printed on labels and slips: 自提 for pickup, else the carrier."""
    return "自提" if send_by == PICKUP else send_by


def clean_waybill(text: str) -> str:
    """A waybill number typed or scanned: printable, no spaces inside, upper case."""
    waybill = "".join((text or "").split()).upper()
    if not waybill:
        raise InvalidInput("Enter or scan the waybill number (货单号).")
    if len(waybill) > MAX_WAYBILL or any(not (32 < ord(ch) < 127) for ch in waybill):
        raise InvalidInput("'{value}' is not a waybill number.", value=text)
    return waybill


def arrival(handed_over: date, days: int) -> date:
    return handed_over + timedelta(days=days)


def shipped_script(customer: str, carrier: str, days: int, waybill: str, boxes: int) -> str:
    """What the staff read out when calling the customer (the standard's words)."""
    return f"{customer}您好，货物已发（{carrier}，共{boxes}箱），大概 {days} 天到，货单号 {waybill}。"
