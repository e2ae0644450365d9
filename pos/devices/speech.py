"""Speaking the call-out aloud, never blocking the caller, and knowing whether anything is heard.

Engines are tried in order at start (the UI offers Qt's text-to-speech engines, then espeak-ng):
the first that loads and has a voice for the language speaks. An engine that fails later (Qt's
state turns to Error, the program has no such voice) hands over to the next; when none is left
nothing is spoken, the screen and customer display still show the call-out, and the status bar
says there is no voice (`VoiceChoice.on_change` tells it)."""

from __future__ import annotations

import logging
import shutil
import subprocess
import threading
from collections.abc import Callable, Sequence

log = logging.getLogger(__name__)


class EngineUnavailable(Exception):
    """An engine that cannot speak here: not installed, failed to load, no voice for the language."""

    def __init__(self, engine: str, reason: str) -> None:
        super().__init__(f"{engine}: {reason}")
        self.engine, self.reason = engine, reason


class Speaker:
    """Silent: the 'no voice' choice and the base of every engine. Remembers what it was asked to
    say (the tests read it)."""

    name = ""  # the engine, as the status bar names it; empty for no voice

    def __init__(self) -> None:
        self.said: list[str] = []
        self.failure = ""  # why this engine stopped speaking, once it has
        # called from any thread when the voice changes (an engine fails, another takes over)
        self.on_change: Callable[[], None] | None = None

    @property
    def available(self) -> bool:
        return bool(self.name) and not self.failure

    def say(self, text: str, language: str = "zh") -> None:
        self.said.append(text)

    def _fail(self, reason: str) -> None:
        if self.failure:
            return
        self.failure = reason or "failed"
        self._notify()

    def _notify(self) -> None:
        listener = self.on_change
        if listener is None:
            return
        try:
            listener()
        except RuntimeError:  # the window that listened has closed while a speech thread ran on
            pass


def _run_quietly(command: list[str]) -> int:
    """The program's exit status; -1 when it cannot be started."""
    try:
        return subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30).returncode
    except OSError:
        return -1
    except subprocess.TimeoutExpired:
        return 0  # it spoke for too long and was stopped; the voice itself works


def _in_background(job: Callable[[], None]) -> None:
    threading.Thread(target=job, daemon=True, name="speech").start()


class CommandSpeaker(Speaker):
    """A speech program in a background process: espeak-ng (`-v cmn` for Mandarin), else espeak.
    spd-say is not among them: it goes through speech-dispatcher, the service Qt's speechd engine
    already stands for."""

    PROGRAMS = (("espeak-ng", {"zh": "cmn", "en": "en"}), ("espeak", {"zh": "zh", "en": "en"}))

    def __init__(
        self,
        language: str = "zh",
        *,
        which: Callable[[str], str | None] = shutil.which,
        run: Callable[[list[str]], int] = _run_quietly,
        background: Callable[[Callable[[], None]], None] = _in_background,
    ) -> None:
        super().__init__()
        self.command: list[str] | None = None
        self.voices: dict[str, str] = {}
        self._run, self._background = run, background
        self.checked = threading.Event()  # set once the start-up check has run
        for program, voices in self.PROGRAMS:
            path = which(program)
            if path:
                self.name, self.command, self.voices = program, [path], voices
                break
        if self.command is None:
            self.checked.set()
            return
        # Load the voice without sound: a missing Mandarin voice shows at start, not at the first sale.
        background(lambda: self._check(self.voices.get(language, "en")))

    @property
    def available(self) -> bool:
        return self.command is not None and not self.failure

    def _check(self, voice: str) -> None:
        assert self.command is not None
        try:
            if self._run([*self.command, "-q", "-v", voice, "一"]) != 0:
                self._fail(f"no voice '{voice}'")
        finally:
            self.checked.set()

    def say(self, text: str, language: str = "zh") -> None:
        super().say(text, language)
        if not self.available:
            return
        assert self.command is not None
        command = [*self.command, "-v", self.voices.get(language, "en"), text]
        self._background(lambda: self._speak(command))

    def _speak(self, command: list[str]) -> None:
        if self._run(command) != 0:
            self._fail("stopped speaking")


class VoiceChoice(Speaker):
    """Speaks through the first candidate engine that loads; when that one fails later, through the
    next; with none left, silently. A candidate is a factory that returns an engine or raises
    EngineUnavailable.

    An engine may fail on its own thread (a speech program's) and the next candidate is then made
    there: list engines that must be made on the GUI thread (Qt's) before those that need not."""

    def __init__(self, candidates: Sequence[Callable[[], Speaker]]) -> None:
        super().__init__()
        self._candidates = list(candidates)
        self._lock = threading.RLock()
        self.engine: Speaker | None = None
        self.refused: list[tuple[str, str]] = []  # (engine, why) for each engine passed over
        self._next()

    @property
    def name(self) -> str:  # type: ignore[override]
        engine = self.engine
        return engine.name if engine is not None else ""

    @property
    def available(self) -> bool:
        return self.engine is not None

    def say(self, text: str, language: str = "zh") -> None:
        super().say(text, language)
        engine = self.engine
        if engine is not None:
            engine.say(text, language)

    def _next(self) -> None:
        self.engine = None
        while self._candidates:
            make = self._candidates.pop(0)
            try:
                engine = make()
            except EngineUnavailable as exc:
                self._refuse(exc.engine, exc.reason)
                continue
            if not engine.available:
                if engine.name:  # a speech program that is not installed is not worth a mention
                    self._refuse(engine.name, engine.failure or "not available")
                continue
            engine.on_change = lambda engine=engine: self._engine_failed(engine)
            self.engine = engine
            if not engine.available:  # it failed while being hooked up (a check on another thread)
                self._engine_failed(engine)
            return

    def _engine_failed(self, engine: Speaker) -> None:
        with self._lock:
            if engine is not self.engine:
                return
            self._refuse(engine.name, engine.failure)
            self._next()
        self._notify()

    def _refuse(self, engine: str, reason: str) -> None:
        log.warning("voice %s not used: %s", engine, reason)
        self.refused.append((engine, reason))
