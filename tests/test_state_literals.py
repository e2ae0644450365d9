"""Services, screens, the spooler and the command line move and compare states only through the
life cycles in pos.domain (orders, return slips, print jobs): no bare state strings."""

import ast
from pathlib import Path

from pos.domain.orders import OrderStatus
from pos.domain.print_jobs import PrintJobStatus
from pos.domain.return_slips import ReturnSlipStatus

POS = Path(__file__).resolve().parents[1] / "pos"
STATES = {s.value for enum in (OrderStatus, ReturnSlipStatus, PrintJobStatus) for s in enum}
CHECKED = [
    *(POS / "services").glob("*.py"),
    *(POS / "ui").rglob("*.py"),
    POS / "printing" / "spooler.py",
    POS / "cli.py",
]


def _is_status(node):
    return (isinstance(node, ast.Attribute) and node.attr == "status") or (
        isinstance(node, ast.Name) and node.id == "status"
    )


_MOVES = {"transition", "sources", "target", "allowed"}  # their string arguments are action names


def _state_literals(node):
    if isinstance(node, ast.Call):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        if name in _MOVES:
            return []
    if isinstance(node, ast.Constant):
        return [node.value] if node.value in STATES else []
    return [value for child in ast.iter_child_nodes(node) for value in _state_literals(child)]


def bare_states():
    found = []
    for path in CHECKED:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            literals = []
            if isinstance(node, ast.Compare) and any(_is_status(n) for n in [node.left, *node.comparators]):
                literals = _state_literals(node)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                flat = [t for target in targets for t in (target.elts if isinstance(target, ast.Tuple) else [target])]
                if any(_is_status(t) for t in flat):
                    literals = _state_literals(node.value) if node.value is not None else []
            elif isinstance(node, ast.keyword) and node.arg == "status":
                literals = _state_literals(node.value)
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "in_"
                and _is_status(node.func.value)
            ):
                literals = _state_literals(node)
            found += [f"{path.relative_to(POS.parent)}:{node.lineno} {value}" for value in literals]
    return found


def test_no_bare_state_strings():
    assert bare_states() == []
