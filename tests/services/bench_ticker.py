"""A packer ticking an order as fast as the scanner goes, until killed (used by test_bench_kill.py).
Prints the running count after each tick is committed."""

import sys

from pos.services import bench, staff
from pos.services.startup import open_database


def main(url: str, number: str) -> None:
    db = open_database(url).db
    packer = staff.sign_in(db, "2001", "2222")
    bench.start_check(db, packer, number, "present")
    done = 0
    while True:
        bench.tick(db, packer, number, "YJ9")
        done += 1
        if done % 25 == 0:
            bench.open_box(db, packer, number)
        print(done, flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
