"""The main window's status bar: station, who is signed in, database, printer, voice; in red
while something needs attention."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from pos.domain.print_jobs import PrintJobStatus
from pos.printing.connections import PrinterError
from pos.services import printing
from pos.ui.i18n import error_text
from pos.ui.style import repolish


class WindowStatusBar:
    """MainWindow's status bar; a mixin: it works on the window's state and widgets."""

    def _build_status_bar(self) -> None:
        self.station_label = QLabel(objectName="status_station")
        self.staff_label = QLabel(objectName="status_staff")
        self.database_label = QLabel(objectName="status_database")
        self.printer_label = QLabel(objectName="status_printer")
        self.voice_label = QLabel(objectName="status_voice")
        for label in (self.station_label, self.staff_label, self.database_label, self.printer_label, self.voice_label):
            self.statusBar().addPermanentWidget(label)
        self.voice_changed.connect(self._show_voice)
        self.speaker.on_change = self.voice_changed.emit  # before the first look, so no change is missed
        self._refresh_status()

    def _refresh_status(self) -> None:
        self.station_label.setText(self.tr("Station: {name}").format(name=self.settings.station_name))
        who = self.staff.name if self.staff else self.tr("nobody")
        self.staff_label.setText(self.tr("Signed in: {name}").format(name=who))
        self.database_label.setText(self.tr("Database: {kind}").format(kind=self.db.kind))
        self._show_voice()

    def _show_voice(self) -> None:
        if not self.settings.speech:
            self.voice_label.setText(self.tr("Voice off"))
        elif self.speaker.available:
            self.voice_label.setText(self.tr("Voice: {engine}").format(engine=self.speaker.name))
        else:
            self.voice_label.setText(self.tr("No voice"))
        refused = [engine for engine, _why in getattr(self.speaker, "refused", [])]
        self.voice_label.setToolTip(
            self.tr("Not working here: {engines}").format(engines=", ".join(refused)) if refused else ""
        )
        self.voice_label.setProperty("alarm", self.settings.speech and not self.speaker.available)
        repolish(self.voice_label)  # red while in alarm

    def _refresh_printer(self) -> None:
        """Queue counts come from the database (worker); the last reply from the spooler."""
        station = self.settings.station_name
        self.worker.submit(lambda: printing.queue_counts(self.db, station), self._show_printer, lambda e: None)

    def _show_printer(self, counts: dict[str, int]) -> None:
        uri = self.settings.printer_uri
        last = self.spooler.spooler.printer_status.get(uri) if self.spooler else None
        failed = counts.get(PrintJobStatus.FAILED, 0)
        waiting = counts.get(PrintJobStatus.PENDING, 0) + counts.get(PrintJobStatus.SENDING, 0)
        if failed:
            text = self.tr("Printer: {failed} job(s) held, check the paper and the print queue (F10)").format(
                failed=failed
            )
        elif waiting and isinstance(last, PrinterError):
            text = self.tr("Printer: {waiting} job(s) waiting; {error}").format(waiting=waiting, error=error_text(last))
        elif waiting:
            text = self.tr("Printer: {waiting} job(s) waiting").format(waiting=waiting)
        elif last is None or isinstance(last, PrinterError):
            text = self.tr("Printer: {uri} (not checked)").format(uri=uri)
        else:
            text = self.tr("Printer: {uri} ready ({status})").format(uri=uri, status=self._state_text(last))
        self.printer_label.setText(text)
        self.printer_label.setProperty("alarm", bool(failed))
        repolish(self.printer_label)  # red while in alarm

    def _act_uncertain(self, waiting: bool) -> None:
        """An act the database has not answered after the quick retries: the cashier or packer is told
        it is not confirmed and is being retried (it is stored once when it goes through), in red on
        the status bar and on the page's message strip, until it has gone through."""
        if waiting:
            text = self.tr(
                "No answer from the database: the last action is not confirmed yet. "
                "It is being retried and will be stored once."
            )
        else:
            text = self.tr("Database: {kind}").format(kind=self.db.kind)
        self.database_label.setText(text)
        self.database_label.setProperty("alarm", waiting)
        repolish(self.database_label)  # red while in alarm
        page = self.pages.currentWidget()
        if waiting and page is self.counter_page:
            page.say(text, error=True)
        elif waiting and page is self.bench_page:
            page.refuse(text)

    def _state_text(self, state) -> str:  # noqa: ANN001 - PrinterStatus
        if not state.known:
            return self.tr("no status reply")
        parts = []
        if state.online is not None:
            parts.append(self.tr("online") if state.online else self.tr("offline"))
        if state.cover_open:
            parts.append(self.tr("cover open"))
        if state.paper:
            parts.append(
                {"ok": self.tr("paper OK"), "low": self.tr("paper low"), "out": self.tr("out of paper")}[state.paper]
            )
        return self.tr(", ").join(parts)
