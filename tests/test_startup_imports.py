"""Start-up loads only what the screen in front of the person needs (issue 14 deliverable 1): the
starting window shows before the database layer is imported, and the sign-in screen before the
printing libraries, the pinyin dictionary or a PIN hash; those load behind the window once it shows,
so the first print does not import them inside its transaction."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("sqlalchemy", "alembic", "pypinyin", "reportlab", "escpos", "barcode", "qrcode", "PIL", "argon2", "openpyxl")

# Runs the `pos` command as a station starts it, and reports which of HEAVY were loaded when the
# starting window and then the main window (its sign-in screen) were first shown.
PROBE = """
import json, os, sys
from PySide6.QtCore import QTimer
HEAVY = {heavy!r}
seen = {{}}

def loaded():
    return sorted(name for name in HEAVY if name in sys.modules)

import pos.ui.starting as starting
def starting_shown(self, event):
    seen.setdefault("starting", loaded())
starting.StartingWindow.showEvent = starting_shown

import pos.ui.app as app_module
real_classes = app_module._window_classes
def classes():
    main_window, bridge = real_classes()
    def main_shown(self, event):
        from pos.services import staff
        seen["sign_in"] = loaded()
        seen["page"] = self.pages.currentWidget() is self.sign_in_page
        seen["dummy_hash_made"] = staff._dummy_hash.cache_info().currsize
        QTimer.singleShot(0, loaded_later)
    main_window.showEvent = main_shown
    return main_window, bridge

def loaded_later():
    import threading
    for thread in threading.enumerate():
        if thread.name == "loading":
            thread.join()
    seen["later"] = loaded()
    print(json.dumps(seen), flush=True)
    os._exit(0)

app_module._window_classes = classes

from pos.cli import main
sys.exit(main(["--database", {url!r}]))
"""


def test_the_first_windows_load_nothing_heavy(tmp_path):
    url = f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    env.pop("POS_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY, url=url)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.strip().splitlines()[-1])
    assert seen["starting"] == []  # not even the database layer: it loads behind this window
    assert seen["page"] is True
    assert set(seen["sign_in"]) <= {"sqlalchemy", "alembic", "argon2"}
    assert seen["dummy_hash_made"] == 0
    # then, behind the window, what the first print or new customer would otherwise wait for
    assert {"escpos", "reportlab", "pypinyin"} <= set(seen["later"])
