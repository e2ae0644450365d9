"""`pos staff` manages logins (issue 11 finding 8), and every command that shows a customer's
details or prints needs a sign-in (finding 4)."""

import io
import sys

import pytest

from pos.cli import main


def test_an_admin_deactivates_and_reactivates_a_login_from_the_terminal(with_staff):
    code, out, _ = with_staff("staff", "deactivate", "3001", "--as", "9001", stdin="9999\n")
    assert code == 0 and "deactivated" in out
    code, _, err = with_staff("catalog", "import", "nope.csv", "--as", "3001", stdin="3333\n")
    assert code == 1 and "Wrong login code or PIN" in err
    assert "3001\t陈经理\tmanager\tinactive" in with_staff("staff", "list", "--as", "9001", stdin="9999\n")[1]
    assert with_staff("staff", "activate", "3001", "--as", "9001", stdin="9999\n")[0] == 0
    assert "3001\t陈经理\tmanager\tactive" in with_staff("staff", "list", "--as", "3001", stdin="3333\n")[1]


def test_pins_and_roles_change_from_the_terminal(with_staff):
    code, out, _ = with_staff("staff", "pin", "3001", "--as", "3001", stdin="3333\n864200\n")
    assert code == 0 and "New PIN set for 陈经理" in out
    code, out, _ = with_staff("staff", "roles", "3001", "manager,cashier", "--as", "9001", stdin="9999\n")
    assert code == 0 and "cashier, manager" in out
    assert "3001\t陈经理\tcashier,manager\tactive" in with_staff("staff", "list", "--as", "3001", stdin="864200\n")[1]
    code, _, err = with_staff("staff", "roles", "9001", "manager", "--as", "3001", stdin="864200\n")
    assert code == 1 and "admin" in err


@pytest.mark.parametrize(
    "command",
    [["order", "show", "S20261127-0001"], ["print", "S20261127-0001"], ["staff", "list"], ["staff", "pin", "3001"]],
)
def test_commands_that_show_personal_data_or_print_need_a_sign_in(with_staff, db_url, command, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(SystemExit) as usage:
        main(["--database", db_url, *command])
    assert usage.value.code == 2 and "--as" in capsys.readouterr().err
    code, _, err = with_staff(*command, "--as", "3001", stdin="0000\n")
    assert code == 1 and "Wrong login code or PIN" in err
