from datetime import datetime

from pos.domain.times import local, local_text


def test_stored_utc_is_read_in_the_shops_time_zone(shanghai):
    assert local(datetime(2026, 11, 27, 17, 30)) == datetime(2026, 11, 28, 1, 30)
    assert local_text(datetime(2026, 11, 27, 3, 5)) == "11:05"
    assert local_text(datetime(2026, 11, 27, 20, 0), "%Y-%m-%d") == "2026-11-28"
    assert local_text(None) == ""
