"""The `pos` command as tests call it: `run` with PINs on standard input; `with_staff` after an
admin (9001, PIN 9999) and a manager (3001, PIN 3333) were added."""

import io
import sys

import pytest

from pos.cli import main


@pytest.fixture
def run(db_url, monkeypatch, capsys):
    def _run(*args, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = main(["--database", db_url, *args])
        out, err = capsys.readouterr()
        return code, out, err

    return _run


@pytest.fixture
def with_staff(run):
    assert run("staff", "add", "--login", "9001", "--name", "管理员", "--roles", "admin", stdin="9999\n")[0] == 0
    assert (
        run(
            "staff",
            "add",
            "--login",
            "3001",
            "--name",
            "陈经理",
            "--roles",
            "manager",
            "--as",
            "9001",
            stdin="9999\n3333\n",
        )[0]
        == 0
    )
    return run
