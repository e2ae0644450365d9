"""Sounds and voice: short WAV cues for a tick or a refusal, and the spoken call-out.
Neither ever blocks the GUI: sound effects play asynchronously, speech runs in the engine's own
thread or in a background process."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

from pos.devices.speech import CommandSpeaker, Speaker

SOUNDS = Path(__file__).resolve().parent.parent / "resources" / "sounds"


class Sounds(QObject):
    def __init__(self, enabled: bool = True, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.played: list[str] = []  # what was played, for tests and the message strip
        self._effects = {}
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError:  # Qt multimedia needs system audio libraries; fall back to the bell
            QSoundEffect = None  # noqa: N806
        if QSoundEffect is not None and enabled:
            for name in ("ok", "error", "done"):
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(SOUNDS / f"{name}.wav")))
                self._effects[name] = effect

    def play(self, name: str) -> None:
        self.played.append(name)
        if not self.enabled:
            return
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()
        elif name == "error":
            QApplication.beep()


def make_speaker() -> Speaker:
    """Qt's text-to-speech when it has an engine, else a speech program, else silence."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return CommandSpeaker()
    if not QTextToSpeech.availableEngines():
        return CommandSpeaker()
    return QtSpeaker(QTextToSpeech)


class QtSpeaker(Speaker):
    def __init__(self, engine_class) -> None:  # noqa: ANN001
        super().__init__()
        self.engine = engine_class()

    @property
    def available(self) -> bool:
        return True

    def say(self, text: str, language: str = "zh") -> None:
        super().say(text, language)
        from PySide6.QtCore import QLocale

        self.engine.setLocale(QLocale(QLocale.Language.Chinese if language == "zh" else QLocale.Language.English))
        self.engine.say(text)  # asynchronous
