"""Tests wait on events, never on the clock (DESIGN.md section 6): no sleeps or fixed waits as
"it has finished by now" or "nothing else happens" checks, no assertions on elapsed time.
A test that needs to know something finished waits on it (qtbot.waitSignal, qtbot.waitUntil, an
Event or Condition the code sets); keys at a person's pace are stamped (tests/ui/keyboard.py)."""

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent

# Helpers that simulate a device whose slowness is its behaviour, and nothing asserts on the time.
# Keep this short; each entry says why. (None needs it now: the fake printer and the fake voices
# hold on Events the tests release.)
ALLOWED: dict[str, str] = {}

CLOCKS = {"monotonic", "perf_counter", "time", "monotonic_ns", "perf_counter_ns", "time_ns"}
KEY_HELPERS = {"keyClick", "keyClicks", "keyPress", "keyRelease", "keySequence", "mouseClick"}


def _name(node: ast.AST) -> str:
    """`a.b.c` for a chain of names and attributes, else ''."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = _name(node.value)
        return f"{base}.{node.attr}" if base else ""
    return ""


def _fixed_waits(tree: ast.AST) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = _name(node.func)
            if name in ("time.sleep", "sleep", "asyncio.sleep"):
                found.append((node.lineno, f"{name}(): wait on the event, or poll a condition with a deadline"))
            elif name.endswith("qtbot.wait") or name.endswith("qWait") or name.endswith("msleep"):
                found.append((node.lineno, f"{name}(): use qtbot.waitUntil / waitSignal"))
            elif name.rsplit(".", 1)[-1] in KEY_HELPERS and any(k.arg == "delay" for k in node.keywords):
                found.append((node.lineno, f"{name}(delay=...): stamp the keys (tests/ui/keyboard.py)"))
            elif (
                isinstance(node.func, ast.Attribute)
                and node.func.attr == "wait"
                and isinstance(node.func.value, ast.Call)
                and _name(node.func.value.func).endswith("Event")
            ):
                found.append((node.lineno, "Event().wait(n) as a pause: wait on an Event the code sets"))
        elif isinstance(node, ast.Assert):
            for inner in ast.walk(node.test):
                if isinstance(inner, ast.Call) and _name(inner.func).rsplit(".", 1)[-1] in CLOCKS:
                    found.append(
                        (node.lineno, "an assertion on the clock: assert the behaviour, time it in benchmarks/")
                    )
    return found


def offenders(root: Path = TESTS) -> list[str]:
    found = []
    for path in sorted(root.rglob("*.py")):
        relative = path.relative_to(root.parent).as_posix()
        if relative in ALLOWED:
            continue
        for line, why in sorted(_fixed_waits(ast.parse(path.read_text(encoding="utf-8")))):
            found.append(f"{relative}:{line}: {why}")
    return found


def test_no_test_sleeps_waits_a_fixed_time_or_asserts_on_the_clock():
    assert offenders() == []


def test_the_allow_list_names_files_that_exist_and_still_need_it():
    for relative in ALLOWED:
        path = TESTS.parent / relative
        assert path.exists(), relative
        assert _fixed_waits(ast.parse(path.read_text(encoding="utf-8"))), f"{relative} no longer needs its allowance"


def test_the_check_finds_each_kind(tmp_path):
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "test_bad.py").write_text(
        "import time, threading\n"
        "def test_it(qtbot, widget):\n"
        "    time.sleep(0.1)\n"
        "    qtbot.wait(50)\n"
        "    qtbot.keyClicks(widget, 'ab', delay=80)\n"
        "    threading.Event().wait(0.2)\n"
        "    started = time.monotonic()\n"
        "    assert time.monotonic() - started < 2\n"
        "    qtbot.waitUntil(lambda: True)\n",
        encoding="utf-8",
    )
    assert [line.split(":")[1] for line in offenders(tests)] == ["3", "4", "5", "6", "8"]
