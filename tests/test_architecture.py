"""Dependencies point inwards: nothing below pos/ui imports Qt."""

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "pos"
QT_MODULES = ("PySide6", "shiboken6", "PyQt5", "PyQt6")


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_qt_import_outside_ui():
    offenders = []
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for name in _imports(path):
            if name.split(".")[0] in QT_MODULES:
                offenders.append(f"{path.relative_to(PACKAGE)}: {name}")
    assert offenders == []


def test_domain_imports_neither_qt_nor_sql():
    for path in (PACKAGE / "domain").rglob("*.py"):
        for name in _imports(path):
            assert name.split(".")[0] not in (*QT_MODULES, "sqlalchemy", "alembic"), f"{path.name}: {name}"


def test_importing_the_core_and_the_cli_loads_no_qt():
    modules = [
        "pos." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in PACKAGE.rglob("*.py")
        if "ui" not in p.relative_to(PACKAGE).parts and "migrations" not in p.parts and p.name != "__main__.py"
    ]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    code += f"print(sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _literal_style_calls(path: Path) -> list[int]:
    """Lines calling setStyleSheet with a string written in place (a literal or an f-string)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "setStyleSheet"
            and any(isinstance(arg, (ast.Constant, ast.JoinedStr, ast.BinOp, ast.IfExp)) for arg in node.args)
        ):
            lines.append(node.lineno)
    return lines


def test_styles_live_in_the_one_stylesheet():
    """Widgets say what they are (objectName, scale, tone); only pos/ui/style.py says how that looks."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{line}"
        for path in (PACKAGE / "ui").rglob("*.py")
        if path.name != "style.py"
        for line in _literal_style_calls(path)
    ]
    assert offenders == []


def test_the_literal_style_check_sees_a_literal(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        'label.setStyleSheet("color: red;")\nlabel.setStyleSheet(f"font-size: {px}px")\napp.setStyleSheet(APP_STYLE)\n',
        encoding="utf-8",
    )
    assert _literal_style_calls(sample) == [1, 2]


MAX_LINES = 400  # a module a reader can hold in mind; split by what the parts hold, not by size alone


def test_no_module_is_over_400_lines():
    long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _import_nodes(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import of a module, those inside functions too: an import put off until a call hides a
    circle (document.py <-> text_render.py was one), it does not break it."""
    return [node for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))]


def import_graph(root: Path) -> dict[str, set[str]]:
    """module -> the modules of the package it imports (`from a import b` counts as importing a.b
    when that is a module, else a)."""
    paths = {_module_name(p, root.parent): p for p in root.rglob("*.py")}
    graph = {}
    for name, path in paths.items():
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        targets = set()
        for node in _import_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
                continue
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in paths else base for a in node.names)
        graph[name] = {t for t in targets if t in paths and t != name}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The circles of the graph: its strongly connected components of more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles = []

    def visit(node: str) -> None:  # Tarjan; the package is far too shallow to exhaust recursion
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while not component or component[-1] != node:
                component.append(stack.pop())
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_no_import_circles_among_pos_modules():
    assert import_cycles(import_graph(PACKAGE)) == []


def test_the_circle_check_sees_a_circle(tmp_path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "sub" / "__init__.py").write_text("", encoding="utf-8")
    (package / "a.py").write_text("from pkg.sub import b\n", encoding="utf-8")
    (package / "sub" / "b.py").write_text("from .. import c\n", encoding="utf-8")
    (package / "c.py").write_text("import pkg.a\n", encoding="utf-8")
    (package / "d.py").write_text(
        "def later():\n    from pkg.e import f\n", encoding="utf-8"
    )  # put off, still a circle
    (package / "e.py").write_text("from pkg import d\n\nf = 1\n", encoding="utf-8")
    (package / "g.py").write_text("from pkg import a, e\n", encoding="utf-8")  # leaning on circles is no circle
    assert sorted(import_cycles(import_graph(package))) == [["pkg.a", "pkg.c", "pkg.sub.b"], ["pkg.d", "pkg.e"]]
