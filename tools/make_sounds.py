"""Generate the short cue sounds in resources/sounds (no downloads): a bright click for a
tick, a low double buzz for a refused scan, a rising chime for done."""

import math
import struct
import wave
from pathlib import Path

RATE = 22050
OUT = Path(__file__).resolve().parent.parent / "resources" / "sounds"


def tone(freq: float, ms: int, volume: float = 0.5, square: bool = False) -> list[int]:
    count = int(RATE * ms / 1000)
    samples = []
    for i in range(count):
        phase = math.sin(2 * math.pi * freq * i / RATE)
        value = (1.0 if phase >= 0 else -1.0) if square else phase
        fade = min(1.0, i / 200, (count - i) / 200)
        samples.append(int(32767 * volume * value * fade))
    return samples


def write(name: str, samples: list[int]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with wave.open(str(OUT / name), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(RATE)
        handle.writeframes(struct.pack(f"<{len(samples)}h", *samples))


if __name__ == "__main__":
    write("ok.wav", tone(1800, 40, 0.4))
    write("error.wav", tone(220, 180, 0.6, square=True) + [0] * 1500 + tone(180, 260, 0.6, square=True))
    write("done.wav", tone(880, 90) + tone(1320, 140))
