"""Refresh the Qt Linguist catalogue and compile it.

    python tools/update_translations.py          # update .ts from the code, then compile .qm
    python tools/update_translations.py --check  # exit 1 if a message lacks a translation

Messages come from two places: `tr()` / `QCoreApplication.translate()` in pos/ui (found by
pyside6-lupdate) and the English templates of every PosError raised below pos/ (found here by
reading the code), which the UI translates in the "Errors" context. Existing translations are kept;
new messages are added as unfinished for a translator to fill in (Qt Linguist, or by hand).
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pos"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("zh_CN",)
ERRORS_CONTEXT = "Errors"
EXTRA_ERRORS = (
    "Unexpected error: {reason}",
    # pos/ui/i18n.py UNEXPECTED: an error no refusal explains
    "Something unexpected went wrong. The details are written to {log}; tell whoever looks after this station.",
)
_ERROR_NAMES = {
    "PosError",
    "InvalidInput",
    "BadCode",
    "BadCheckDigit",
    "NotFound",
    "Conflict",
    "InvalidTransition",
    "AuthError",
    "LoginThrottled",
    "PermissionDenied",
    "DatabaseUnavailable",
    "DatabaseBusy",
    "DatabaseUnreachable",
    "DiskFull",
    "ReadOnly",
    "StationRunning",
    "RefusedScan",
    "ReturnRefused",
    "PrinterError",
    "UpgradeFailed",
    "_problem",  # pos/config.py: a SettingProblem with its key
}


def error_templates() -> set[str]:
    """English templates of every PosError raised with a literal first argument below pos/."""
    found = set(EXTRA_ERRORS)
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in _ERROR_NAMES
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                found.add(node.args[0].value)
    return found


def _tool(name: str) -> str:
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else (shutil.which(name) or name)


def ts_path(language: str) -> Path:
    return TRANSLATIONS / f"pos_{language}.ts"


def run_lupdate(target: Path) -> None:
    sources = sorted(str(p) for p in (PACKAGE / "ui").rglob("*.py"))
    subprocess.run([_tool("pyside6-lupdate"), *sources, "-ts", str(target), "-no-obsolete", "-silent"], check=True)


def error_translations(target: Path) -> dict[str, str]:
    """The finished translations of the Errors context (lupdate drops that context: no tr() call
    in pos/ui mentions those sources, so they are saved before and merged back after)."""
    if not target.exists():
        return {}
    known = {}
    for context in ET.parse(target).getroot().findall("context"):
        if context.findtext("name") != ERRORS_CONTEXT:
            continue
        for message in context.findall("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") is None and (translation.text or "").strip():
                known[message.findtext("source") or ""] = translation.text or ""
    return known


def merge_errors(target: Path, known: dict[str, str]) -> None:
    tree = ET.parse(target)
    root = tree.getroot()
    context = next((c for c in root.findall("context") if c.findtext("name") == ERRORS_CONTEXT), None)
    if context is None:
        context = ET.SubElement(root, "context")
        ET.SubElement(context, "name").text = ERRORS_CONTEXT
    wanted = error_templates()
    for message in list(context.findall("message")):
        if message.findtext("source") not in wanted:
            context.remove(message)  # the code no longer raises it
    have = {m.findtext("source") for m in context.findall("message")}
    for template in sorted(wanted - have):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = template
        if template in known:
            ET.SubElement(message, "translation").text = known[template]
        else:
            ET.SubElement(message, "translation", type="unfinished")
    ET.indent(tree)
    tree.write(target, encoding="utf-8", xml_declaration=True)


def unfinished(target: Path) -> list[tuple[str, str]]:
    root = ET.parse(target).getroot()
    missing = []
    for context in root.findall("context"):
        for message in context.findall("message"):
            translation = message.find("translation")
            if (
                translation is None
                or translation.get("type") in ("unfinished", "vanished", "obsolete")
                or not (translation.text or "").strip()
            ):
                if translation is None or translation.get("type") not in ("vanished", "obsolete"):
                    missing.append((context.findtext("name") or "", message.findtext("source") or ""))
    return missing


def run_lrelease(source: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(source.with_suffix(".qm"))], check=True
    )


def main(argv: list[str]) -> int:
    status = 0
    for language in LANGUAGES:
        target = ts_path(language)
        if "--check" not in argv:
            known = error_translations(target)
            run_lupdate(target)
            merge_errors(target, known)
            run_lrelease(target)
        for context, source in unfinished(target):
            print(f"{target.name}: untranslated [{context}] {source}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
