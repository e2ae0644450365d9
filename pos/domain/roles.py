"""Staff roles and what each may do."""

from enum import StrEnum

from pos.domain.errors import InvalidInput


class Role(StrEnum):
    CASHIER = "cashier"  # 结算员
    PACKER = "packer"  # 跟单、点货人员
    MANAGER = "manager"  # 部门经理
    ADMIN = "admin"  # system administration: staff, catalog, settings


def parse_roles(text: str) -> frozenset[Role]:
    """Parse 'cashier,manager' into roles; refuses unknown names and an empty list."""
    names = [part.strip().lower() for part in text.replace(";", ",").split(",") if part.strip()]
    if not names:
        raise InvalidInput("At least one role is required (cashier, packer, manager, admin).")
    roles = set()
    for name in names:
        try:
            roles.add(Role(name))
        except ValueError:
            raise InvalidInput(
                f"Unknown role '{name}'. Roles are: cashier, packer, manager, admin.", role=name
            ) from None
    return frozenset(roles)


def format_roles(roles: frozenset[Role] | set[Role]) -> str:
    return ",".join(sorted(r.value for r in roles))
