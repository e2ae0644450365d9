"""SQLAlchemy models. Money columns are integer fen (`*_fen`); times are naive UTC."""

from pos.db.models.audit import AuditEvent, AuditHead
from pos.db.models.base import Base, DayCounter
from pos.db.models.catalog import Product, ProductBarcode, StockMovement
from pos.db.models.orders import (
    Box,
    BoxItem,
    Order,
    OrderLine,
    Payment,
    Reconciliation,
    ReconciliationLine,
    TickEvent,
)
from pos.db.models.people import Customer, Staff
from pos.db.models.printing import PrintJob
from pos.db.models.returns import ReturnLine, ReturnSlip, Signature
from pos.db.models.shipping import CallAttempt, CallTask, Carrier, Shipment, ShipmentBox

__all__ = [
    "AuditEvent",
    "AuditHead",
    "Base",
    "Box",
    "BoxItem",
    "CallAttempt",
    "CallTask",
    "Carrier",
    "Customer",
    "DayCounter",
    "Order",
    "OrderLine",
    "Payment",
    "PrintJob",
    "Product",
    "ProductBarcode",
    "Reconciliation",
    "ReconciliationLine",
    "ReturnLine",
    "ReturnSlip",
    "Shipment",
    "ShipmentBox",
    "Signature",
    "Staff",
    "StockMovement",
    "TickEvent",
]
