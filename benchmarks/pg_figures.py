"""The scan and the tick on PostgreSQL, through a proxy that adds a delay each way (a server on the
shop's network rather than on the same machine), against the raw work through the same proxy:
the barcode looked up, a row written, committed."""

from __future__ import annotations

import os
import socket
import threading
import time

import psycopg
from sqlalchemy.engine import make_url

from benchmarks import data
from benchmarks.measure import Figure, against, interleaved
from pos.services import bench, counter, customers, orders, staff
from pos.services.printing import PrintContext
from pos.services.startup import open_database


class DelayProxy:
    """Forwards TCP to `upstream`, holding every chunk `delay` seconds in each direction."""

    def __init__(self, host: str, port: int, delay: float) -> None:
        self.upstream, self.delay = (host, port), delay
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            client, _ = self.server.accept()
            server = socket.create_connection(self.upstream)
            for a, b in ((client, server), (server, client)):
                a.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        while chunk := source.recv(65536):
            time.sleep(self.delay)
            sink.sendall(chunk)
        sink.close()


def figures(url: str, size: data.Size) -> list[Figure]:
    delay_ms = float(os.environ.get("POS_BENCH_DELAY_MS", "1"))
    direct = make_url(url)
    data.shop(size, url).dispose()  # built directly: the proxy would only slow the loading
    proxy = DelayProxy(direct.host or "127.0.0.1", direct.port or 5432, delay_ms / 1000)
    through = direct.set(host="127.0.0.1", port=proxy.port)
    db = open_database(through.render_as_string(hide_password=False)).db
    raw = psycopg.connect(
        host="127.0.0.1", port=proxy.port, dbname=direct.database, user=direct.username, password=direct.password
    )
    with raw.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS bench_scratch (id serial PRIMARY KEY, product_id int, quantity int)")
        cur.execute(
            "INSERT INTO bench_scratch (product_id, quantity) SELECT 1, 0 WHERE NOT EXISTS (SELECT FROM bench_scratch)"
        )
    raw.commit()

    def raw_scan(code: str, update: bool) -> None:
        with raw.cursor() as cur:
            cur.execute("SELECT product_id FROM product_barcodes WHERE barcode = %s", (code,))
            (product,) = cur.fetchone()
            if update:
                cur.execute(
                    "UPDATE bench_scratch SET quantity = quantity + 1 WHERE id = (SELECT min(id) FROM bench_scratch) AND quantity < 1000000"
                )
            else:
                cur.execute("INSERT INTO bench_scratch (product_id, quantity) VALUES (%s, 1)", (product,))
        raw.commit()

    cashier = staff.sign_in(db, "1001", "1111")
    packer = staff.sign_in(db, "2001", "2222")
    customer = customers.search(db, "C000001")[0].number
    slip = orders.open_order(db, cashier, customer)
    codes = [data.barcode(1 + i * 7919 % size.products) for i in range(300)]
    scans = interleaved(
        lambda i: orders.add_scan(db, cashier, slip, codes[i % 300]), lambda i: raw_scan(codes[i % 300], False), 100
    )
    checked = orders.open_order(db, cashier, customer)
    for code in codes:
        orders.add_scan(db, cashier, checked, f"20*{code}")
    counter.print_for_checking(db, cashier, PrintContext(station="c"), checked, "file:///dev/null")
    bench.start_check(db, packer, checked, "present")
    ticks = interleaved(
        lambda i: bench.tick(db, packer, checked, codes[(i * 7) % 300]),
        lambda i: raw_scan(codes[(i * 7) % 300], True),
        100,
    )
    raw.close()
    db.dispose()
    where = f"PostgreSQL {2 * delay_ms:g} ms away"
    return [
        against(f"scan (service), {where}", *scans, max_ratio=3, max_ms=16),
        against(f"tick (service), {where}", *ticks, max_ratio=3, max_ms=16),
    ]
