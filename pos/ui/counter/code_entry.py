"""F3 at the counter: a code typed by hand goes on the slip as if scanned; part of a name is
completed from the catalog first."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from pos.domain.codes import parse_scan
from pos.domain.errors import PosError
from pos.domain.money import Money
from pos.services import catalog
from pos.ui.counter.code_dialog import CodeDialog


class CounterCodeEntry:
    """CounterPage's F3; a mixin: it works on the page's state."""

    def enter_code(self) -> None:
        dialog = CodeDialog(self)
        if self.run_dialog(dialog) and dialog.code():
            self._complete_or_scan(dialog.code())

    def _complete_or_scan(self, text: str) -> None:
        """A code is scanned as typed; a name is completed from the catalog first."""
        try:
            parse_scan(text)
            if text.isascii():
                self.handle_scan(text)
                return
        except PosError:
            pass
        db = self.host.db
        self.host.worker.lookup("products", lambda: catalog.search_products(db, text), self._pick_product, self._error)

    def _pick_product(self, hits) -> None:  # noqa: ANN001
        if not hits:
            self.say(self.tr("No item matches that name."), error=True)
            return
        labels = [f"{h.item_code}  {h.name}  {Money(h.wholesale_price_fen).format()}" for h in hits]
        choice, ok = QInputDialog.getItem(self, self.tr("Enter code"), self.tr("Choose the item"), labels, 0, False)
        if ok:
            self.handle_scan(hits[labels.index(choice)].item_code)
