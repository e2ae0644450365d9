"""The Chinese catalogue covers every string the UI shows and every refusal the services raise."""

import importlib.util
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("update_translations", ROOT / "tools" / "update_translations.py")
tool = importlib.util.module_from_spec(spec)
spec.loader.exec_module(tool)


def _messages(ts: Path) -> dict[tuple[str, str], str]:
    out = {}
    for context in ET.parse(ts).getroot().findall("context"):
        for message in context.findall("message"):
            out[(context.findtext("name"), message.findtext("source"))] = message.findtext("translation") or ""
    return out


def test_catalogue_is_complete_and_current(tmp_path):
    """Regenerate from the code into a copy: nothing new appears and nothing is untranslated."""
    committed = tool.ts_path("zh_CN")
    copy = tmp_path / committed.name
    shutil.copy(committed, copy)
    known = tool.error_translations(copy)
    tool.run_lupdate(copy)
    tool.merge_errors(copy, known)
    assert tool.unfinished(copy) == []
    assert set(_messages(copy)) == set(_messages(committed))


def test_every_error_template_is_translated_with_the_same_fields():
    import string

    messages = _messages(tool.ts_path("zh_CN"))
    for template in tool.error_templates():
        translation = messages[("Errors", template)]
        fields = {f for _, f, _, _ in string.Formatter().parse(template) if f}
        assert {f for _, f, _, _ in string.Formatter().parse(translation) if f} == fields, template


def test_compiled_catalogue_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load(str(tool.TRANSLATIONS / "pos_zh_CN.qm"))
    assert translator.translate("SignInPage", "Sign in") == "登录"
    assert translator.translate("Errors", "Wrong login code or PIN.") == "工号或密码错误。"
    for (context, source), text in _messages(tool.ts_path("zh_CN")).items():
        assert translator.translate(context, source) == text, (context, source)
