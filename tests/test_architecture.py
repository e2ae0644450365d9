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
    code += "print(sorted(m for m in sys.modules if m.split('.')[0] in %r))" % (QT_MODULES,)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _literal_style_calls(path: Path) -> list[int]:
    """Lines calling setStyleSheet with a string written in place (a literal or an f-string)."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "setStyleSheet"
                and any(isinstance(arg, (ast.Constant, ast.JoinedStr, ast.BinOp, ast.IfExp)) for arg in node.args)):
            lines.append(node.lineno)
    return lines


def test_styles_live_in_the_one_stylesheet():
    """Widgets say what they are (objectName, scale, tone); only pos/ui/style.py says how that looks."""
    offenders = [f"{path.relative_to(PACKAGE)}:{line}"
                 for path in (PACKAGE / "ui").rglob("*.py") if path.name != "style.py"
                 for line in _literal_style_calls(path)]
    assert offenders == []


def test_the_literal_style_check_sees_a_literal(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text('label.setStyleSheet("color: red;")\nlabel.setStyleSheet(f"font-size: {px}px")\n'
                      'app.setStyleSheet(APP_STYLE)\n', encoding="utf-8")
    assert _literal_style_calls(sample) == [1, 2]
