"""No English codes inside Chinese text: roles, states, document kinds, payment methods and check
problems in a refusal's details are worded in the UI language."""

import ast
import importlib.util
import re
from pathlib import Path

import pytest

from pos.domain.errors import Conflict, PermissionDenied, PosError
from pos.ui import vocabulary
from pos.ui.i18n import error_text

PACKAGE = Path(__file__).resolve().parents[2] / "pos"
_spec = importlib.util.spec_from_file_location(
    "update_translations", PACKAGE.parent / "tools" / "update_translations.py"
)
_tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_tool)
ERRORS = _tool._ERROR_NAMES  # the refusals the catalogue collects: the same list, so none is missed
# what the services put in these details, every code of each
SAMPLES = {
    "roles": ["manager", "cashier or manager", "manager or admin", "admin"],
    "role": list(vocabulary.SIGNERS),
    "status": list(vocabulary.STATES),
    "action": list(vocabulary.ACTIONS) + [a.replace("_", " ") for a in vocabulary.ACTIONS],
    "kind": list(vocabulary.KINDS),
    "kinds": [", ".join(vocabulary.KINDS)],
    "method": list(vocabulary.METHODS),
    "problems": [", ".join(vocabulary.PROBLEMS), "checker"],
    "what": [
        "return-slip R20261127-0002",
        "sales-slip S20261127-0007 copy 2",
        "box-label S20261127-0007 box 3",
        "receipt S20261127-0007",
    ],
}
CODES = {
    code
    for table in (
        vocabulary.ROLES,
        vocabulary.SIGNERS,
        vocabulary.STATES,
        vocabulary.ACTIONS,
        vocabulary.KINDS,
        vocabulary.METHODS,
        vocabulary.PROBLEMS,
    )
    for code in table
}
CODES |= {"or", "copy", "box"}


def raised_with_codes():
    """(where, template, detail names) of every refusal below pos/ raised with a code-carrying detail."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ERRORS
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                names = [k.arg for k in node.keywords if k.arg]
                if set(names) & set(SAMPLES):
                    found.append((f"{path.relative_to(PACKAGE)}:{node.lineno}", node.args[0].value, names))
    return found


def english_words(text):
    return set(re.findall(r"[A-Za-z][A-Za-z_-]*", text))


def test_the_search_finds_the_refusals_seen_in_chinese_text():
    templates = {template for _, template, _ in raised_with_codes()}
    assert "{name} may not do this: it needs the {roles} role." in templates
    assert "Order {number} is {status}: its lines can no longer change." in templates
    assert "{what} was printed (or queued) already; ask a manager for a reprint." in templates
    assert len(templates) >= 8


@pytest.mark.parametrize("where, template, names", raised_with_codes(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_code_in_every_such_refusal_is_worded_in_chinese(zh, where, template, names):
    for key in set(names) & set(SAMPLES):
        for sample in SAMPLES[key]:
            details = {name: (sample if name == key else "X1") for name in names}
            text = error_text(PosError(template, **details))
            assert not english_words(text) & CODES, (where, text)
            assert text != PosError(template, **details).message  # it was translated at all


def test_the_refusals_from_the_issue_read_as_chinese(zh):
    assert (
        error_text(PermissionDenied("{name} may not do this: it needs the {roles} role.", name="王丽", roles="manager"))
        == "王丽无权执行此操作：需要经理角色。"
    )
    assert (
        error_text(
            Conflict(
                "Order {number} is {status}: its lines can no longer change.", number="S20261127-0007", status="printed"
            )
        )
        == "销售单 S20261127-0007 状态为“已打印、待点货”，商品行不能再修改。"
    )
    assert (
        error_text(
            Conflict(
                "{what} was printed (or queued) already; ask a manager for a reprint.",
                what="return-slip R20261127-0002",
            )
        )
        == "退货单 R20261127-0002 已打印（或已在队列中）；如需重印请找经理。"
    )
    assert error_text(
        Conflict(
            "{what} was printed (or queued) already; ask a manager for a reprint.",
            what="sales-slip S20261127-0007 copy 2",
        )
    ).startswith("销售单 S20261127-0007 第2联 已打印")


def test_english_keeps_the_codes_readable(qapp):
    error = PermissionDenied("{name} may not do this: it needs the {roles} role.", name="Li", roles="manager or admin")
    assert error_text(error) == "Li may not do this: it needs the manager or admin role."


def test_a_value_no_table_knows_is_shown_as_typed(zh):
    error = PosError("Unknown payment method '{method}'.", method="bitcoin")
    assert error_text(error) == "未知的支付方式“bitcoin”。"


@pytest.mark.parametrize(
    "line, expected", [("sound = 1", "必须是 true 或 false。"), ("station_name = 7", "必须是文本。")]
)
def test_a_wrong_type_in_the_settings_file_is_explained_in_chinese(zh, tmp_path, line, expected):
    from pos.config import load_settings
    from pos.domain.errors import InvalidInput

    path = tmp_path / "settings.toml"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as refused:
        load_settings(path)
    assert error_text(refused.value).endswith(expected)


def test_the_start_warning_names_each_bad_setting_in_chinese(zh, tmp_path):
    from pos.config import read_settings
    from pos.ui.app import settings_warning

    path = tmp_path / "settings.toml"
    path.write_text('language = "fr"\nsound = 1\n', encoding="utf-8")
    _, problems = read_settings(path)
    text = settings_warning(problems)
    assert "language" in text and "sound" in text and str(path) in text
    assert "必须是 true 或 false。" in text and "默认" in text
