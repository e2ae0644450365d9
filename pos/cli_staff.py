"""`pos staff`: add, list, deactivate and reactivate, change a PIN, change roles."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from pos.domain.errors import InvalidInput


def add_parsers(sub: Any) -> None:
    st = sub.add_parser("staff", help="staff accounts").add_subparsers(dest="staff_command", required=True)
    add = st.add_parser("add", help="add a staff member (the first account needs no --as)")
    add.add_argument("--login", required=True, help="login code (工号)")
    add.add_argument("--name", required=True)
    add.add_argument("--roles", required=True, help="comma-separated: cashier,packer,manager,admin")
    add.add_argument("--as", dest="actor", metavar="LOGIN", help="admin who authorises this")
    listing = st.add_parser("list", help="list staff, active or not (manager or admin)")
    listing.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="manager or admin")
    for name, text in (("deactivate", "stop a login signing in (admin)"), ("activate", "let a login sign in again")):
        act = st.add_parser(name, help=text)
        act.add_argument("login")
        act.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="admin")
    pin = st.add_parser("pin", help="set a new PIN (an admin for anyone, anyone for themselves)")
    pin.add_argument("login")
    pin.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="admin, or the login itself")
    roles = st.add_parser("roles", help="change a login's roles (admin)")
    roles.add_argument("login")
    roles.add_argument("roles", help="comma-separated: cashier,packer,manager,admin")
    roles.add_argument("--as", dest="actor", metavar="LOGIN", required=True, help="admin")


def run(
    args: argparse.Namespace,
    db: Any,
    sign_in: Callable[[Any, str | None], Any],
    read_pin: Callable[[str], str],
) -> int:
    from pos.services import staff, staff_admin  # the window's start does not wait for these

    actor = sign_in(db, args.actor)
    command = args.staff_command
    if command == "list":
        for person in staff_admin.list_records(db, actor):
            state = "active" if person.active else "inactive"
            if person.locked_until is not None:
                state += f", locked until {person.locked_until:%Y-%m-%d %H:%M} UTC"
            print(f"{person.login_code}\t{person.name}\t{','.join(sorted(person.roles))}\t{state}")
        return 0
    if command in ("deactivate", "activate"):
        person = staff_admin.set_active(db, actor, args.login, command == "activate")
        print(f"{person.name} ({person.login_code}) {'can sign in again' if command == 'activate' else 'deactivated'}.")
        return 0
    if command == "roles":
        person = staff_admin.change_roles(db, actor, args.login, args.roles)
        print(f"{person.name} ({person.login_code}): {', '.join(sorted(person.roles))}.")
        return 0
    new_pin = _new_pin(args.login, read_pin)
    if command == "pin":
        person = staff_admin.change_pin(db, actor, args.login, new_pin)
        print(f"New PIN set for {person.name} ({person.login_code}).")
        return 0
    person = staff.add_staff(db, actor, login_code=args.login, name=args.name, roles=args.roles, pin=new_pin)
    print(f"Added {person.name} ({person.login_code}): {', '.join(sorted(person.roles))}.")
    return 0


def _new_pin(login: str, read_pin: Callable[[str], str]) -> str:
    pin = read_pin(f"New PIN for {login}: ")
    if sys.stdin.isatty() and getpass.getpass("Repeat the new PIN: ") != pin:
        raise InvalidInput("The two PINs differ; nothing was changed.")
    return pin
