"""Issue 10 finding 14 at the bench: a tick whose reply is lost is retried with its command id and
stored once; the packer, who scans again whatever the screen refused, ticks each item once."""

from sqlalchemy import func, select

from pos.db.models import TickEvent
from pos.services import bench, staff
from tests.ui import test_bench
from tests.ui.keyboard import scan
from tests.ui.look import tone
from tests.ui.test_counter_acts import LostReplies

# the bench window and its slip, as the bench's own tests make them
bench_window, label_printer, slip = test_bench.bench_window, test_bench.label_printer, test_bench.slip


def test_ticks_with_lost_replies_are_stored_once(qtbot, bench_window, slip, ui_db):
    window, page = bench_window, bench_window.bench_page
    number = slip()
    bench.start_check(ui_db, staff.sign_in(ui_db, "2001", "2222"), number, "present")
    page.load(number)
    qtbot.waitUntil(lambda: page.current is not None and page.current.status == "checking", timeout=5000)
    qtbot.waitUntil(lambda: window.worker.pending == 0)
    faults = LostReplies(ui_db, thread="pos-services")  # the spooler's own writes are left alone
    window.db.transaction = faults
    scans = 0
    for code in ("YJ1000", "YJ1000", "YJ1000", "BD2000", "BD2000", "XL5000"):
        for _ in range(3):  # an item the screen refused is scanned again
            scans += 1
            scan(page, code)
            qtbot.waitUntil(lambda: window.worker.pending == 0, timeout=10000)
            if tone(page.banner) != "refused":
                break
    del window.db.transaction
    assert faults.lost >= 3 and scans == 6
    with ui_db.transaction() as s:
        assert s.scalar(select(func.count()).select_from(TickEvent)) == 6
    assert bench.bench_view(ui_db, number).done_units == 6
