"""The package as built: every Python package under pos/ listed, the top-level resources/ mapped in."""

import tomllib
from pathlib import Path

from pos.bundled import resources_dir

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_under_pos_is_listed_and_resources_are_mapped_in():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in (ROOT / "pos").rglob("__init__.py")}
    assert set(config["packages"]) == found | {"pos.resources"}
    assert config["package-dir"] == {"pos.resources": "resources"}


def test_the_app_finds_its_translations_and_sounds():
    assert (resources_dir() / "translations" / "pos_zh_CN.qm").is_file()
    assert {p.name for p in (resources_dir() / "sounds").glob("*.wav")} == {"ok.wav", "error.wav", "done.wav"}
