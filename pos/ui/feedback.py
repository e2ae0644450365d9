"""Sounds and voice: short WAV cues for a tick or a refusal, and the spoken call-out.
Neither ever blocks the GUI: sound effects play asynchronously, speech runs in the engine's own
thread or in a background process. The voice is chosen at start among the engines that really load
(see pos.devices.speech)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, QObject, QUrl
from PySide6.QtWidgets import QApplication

from pos.bundled import resources_dir
from pos.devices.speech import CommandSpeaker, EngineUnavailable, Speaker, VoiceChoice

SOUNDS = resources_dir() / "sounds"


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


# Qt's test plug-in: always ready, speaks nothing
NOT_ENGINES = frozenset({"mock"})
LANGUAGES = {"zh": QLocale.Language.Chinese, "en": QLocale.Language.English}


def make_speaker(
    language: str = "zh",
    *,
    engines: Callable[[], list[str]] | None = None,
    create: Callable[[str], QObject] | None = None,
    command: Callable[[str], Speaker] = CommandSpeaker,
) -> VoiceChoice:
    """The first of Qt's engines that loads with a voice for `language`, else a speech program,
    else silence. `engines` lists Qt's engines by name and `create` makes one (QTextToSpeech by
    default); tests pass their own."""
    if engines is None or create is None:
        try:
            from PySide6.QtTextToSpeech import QTextToSpeech
        except ImportError:  # the module needs system audio libraries
            QTextToSpeech = None  # noqa: N806
        if QTextToSpeech is not None:
            engines = engines or QTextToSpeech.availableEngines
            create = create or QTextToSpeech
    names = [name for name in engines() if name not in NOT_ENGINES] if engines and create else []
    candidates = [lambda name=name: QtSpeaker(create(name), name, language) for name in names]
    return VoiceChoice([*candidates, lambda: command(language)])


class QtSpeaker(Speaker):
    """One of Qt's engines, refused unless it loaded (its state is not Error) and has a voice for
    the language; an Error later (the speech service went away) is reported as a failure."""

    def __init__(self, engine, engine_name: str, language: str = "zh") -> None:  # noqa: ANN001
        super().__init__()
        self.engine = engine
        self.name = f"Qt {engine_name}"
        if engine.state() == engine.State.Error:
            raise EngineUnavailable(self.name, engine.errorString() or "failed to load")
        self.locales = {}  # the language's first locale that has a voice
        for code, qt_language in LANGUAGES.items():
            for locale in engine.availableLocales():
                if locale.language() == qt_language:
                    engine.setLocale(locale)
                    if engine.availableVoices():
                        self.locales[code] = locale
                        break
        if language not in self.locales:
            raise EngineUnavailable(self.name, f"no voice for '{language}'")
        engine.setLocale(self.locales[language])
        engine.stateChanged.connect(self._state_changed)

    def _state_changed(self, state) -> None:  # noqa: ANN001
        if state == self.engine.State.Error:
            self._fail(self.engine.errorString() or "error")

    def say(self, text: str, language: str = "zh") -> None:
        super().say(text, language)
        locale = self.locales.get(language)
        if locale is None or not self.available:
            return
        self.engine.setLocale(locale)
        self.engine.say(text)  # asynchronous
