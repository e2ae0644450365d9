"""What the station pages and their dialogs use of the window they live in (MainWindow is the
one host): the database and the worker that reaches it, who is signed in, the station's settings,
printing, feedback and the customer display. Typed here so that a page says what it needs, and
a test can hand a page any object that has it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from pos.config import Settings
from pos.db.database import Database
from pos.devices.speech import Speaker
from pos.domain.money import Money
from pos.services.counter import LineView
from pos.services.customers import CustomerInfo
from pos.services.printing import PrintContext
from pos.services.staff import StaffInfo
from pos.ui.feedback import Sounds
from pos.ui.worker import Worker


class Host(Protocol):
    db: Database
    worker: Worker  # every service call goes through it, off the GUI thread
    staff: StaffInfo | None  # who is signed in; None at the sign-in page
    settings: Settings
    sounds: Sounds
    speaker: Speaker

    def print_context(self) -> PrintContext:
        """The station's facts for the print services (name, shop, archive, drawer)."""
        ...

    def wake_spooler(self) -> None:
        """Something was queued for printing: send it now rather than at the next poll."""
        ...

    def customer_display_update(self, customer: CustomerInfo | None, lines: Sequence[LineView], total: Money) -> None:
        """The sale so far, on the customer display (if any)."""
        ...

    def customer_display_callout(self, text: str) -> None:
        """A call-out (change, refund) on the customer display (if any)."""
        ...
