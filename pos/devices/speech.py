"""Speaking the call-out aloud, never blocking the caller.

The UI prefers Qt's text-to-speech; where Qt has no engine, an installed speech program
(espeak-ng, espeak, spd-say) is run in the background; where there is none, nothing is spoken
and the screen and customer display still show the call-out."""

from __future__ import annotations

import shutil
import subprocess
import threading
from collections.abc import Callable


class Speaker:
    """Remembers what it was asked to say (the tests read it)."""

    def __init__(self) -> None:
        self.said: list[str] = []

    @property
    def available(self) -> bool:
        return False

    def say(self, text: str, language: str = "zh") -> None:
        self.said.append(text)


class CommandSpeaker(Speaker):
    PROGRAMS = (("espeak-ng", ["-v", "{voice}"]), ("espeak", ["-v", "{voice}"]), ("spd-say", ["-l", "{voice}"]))

    def __init__(self, which: Callable[[str], str | None] = shutil.which) -> None:
        super().__init__()
        self.command: list[str] | None = None
        for program, args in self.PROGRAMS:
            path = which(program)
            if path:
                self.command = [path, *args]
                break

    @property
    def available(self) -> bool:
        return self.command is not None

    def say(self, text: str, language: str = "zh") -> None:
        super().say(text, language)
        if not self.command:
            return
        voice = "cmn" if language == "zh" else "en"
        command = [part.replace("{voice}", voice) for part in self.command] + [text]
        threading.Thread(target=_run_quietly, args=(command,), daemon=True).start()


def _run_quietly(command: list[str]) -> None:
    try:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        pass
