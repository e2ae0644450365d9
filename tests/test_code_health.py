"""The code passes its own linters: ruff's lint and format check over everything the project writes,
and mypy, strict on the domain and the services. Run as tests so the README's one test command (and
so CI) checks them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHECKED = ["pos", "tests", "tools", "benchmarks"]


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing_to_lint():
    result = _run("ruff", "check", "--no-cache", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_code_is_formatted_as_ruff_formats_it():
    result = _run("ruff", "format", "--check", "--no-cache", *CHECKED)
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_strict_on_the_domain_and_the_services_and_finds_nothing():
    # The strict flags are set per module in pyproject.toml ([tool.mypy]); the modules these import
    # (pos.db, pos.printing, ...) are followed and checked with mypy's default rules.
    result = _run("mypy", "--config-file", "pyproject.toml", "pos/domain", "pos/services")
    assert result.returncode == 0, result.stdout + result.stderr
