"""Issue 11 deliverable 7: one app per station and database, held by an operating-system lock that
dies with its process."""

import subprocess
import sys
from pathlib import Path

import pytest

from pos.station_lock import StationRunning, hold_station, lock_path

ROOT = Path(__file__).resolve().parents[1]
HOLDER = """
import sys
from pos.station_lock import hold_station
hold_station(sys.argv[1], sys.argv[2])
print("held", flush=True)
sys.stdin.readline()  # until the test kills it
"""


def test_a_second_hold_of_the_same_station_and_database_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    first = hold_station("结算台1", url)
    try:
        with pytest.raises(StationRunning, match="结算台1"):
            hold_station("结算台1", url)
        # the same file, written another way, is the same database
        with pytest.raises(StationRunning):
            hold_station("结算台1", f"sqlite:///{tmp_path / '.' / 'pos.sqlite3'}")
        hold_station("结算台2", url).release()  # another station on the same database may start
        hold_station("结算台1", f"sqlite:///{tmp_path / 'other.sqlite3'}").release()
    finally:
        first.release()
    hold_station("结算台1", url).release()  # released: the station starts again


def test_the_password_is_not_part_of_the_identity():
    assert lock_path("结算台1", "postgresql+psycopg://pos:a@db:5432/pos") == lock_path(
        "结算台1", "postgresql+psycopg://other:b@db/pos"
    )


def test_a_killed_app_leaves_no_lock_behind(tmp_path):
    url = f"sqlite:///{tmp_path / 'pos.sqlite3'}"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, "结算台1", url],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StationRunning):
            hold_station("结算台1", url)
    finally:
        holder.kill()  # SIGKILL: no clean-up of its own runs
        holder.wait()
        holder.stdin.close()
        holder.stdout.close()
    assert lock_path("结算台1", url).exists()  # the file stays; the lock does not
    hold_station("结算台1", url).release()
