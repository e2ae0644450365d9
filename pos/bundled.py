"""Where the files that ship with the app are (translations, sounds).

They live in the repository's top-level `resources/`; building the package maps that folder into
it as `pos/resources/` (pyproject.toml, package-dir). An installed wheel finds them beside this
file, a source checkout or an editable install in the repository."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    packaged = _HERE / "resources"
    return packaged if packaged.is_dir() else _HERE.parent / "resources"
