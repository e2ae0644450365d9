"""Printing a slip for checking renders its copies before the write lock is taken (issue 14
deliverable 4): rendering three copies of a long slip inside the transaction held SQLite's write
lock for 190-430 ms, and another station's scan waited behind it."""

import pytest

from pos.printing.escpos_decode import decode
from pos.printing.layout_parts import COPY_LABELS
from pos.services import counter, customers, orders, printing
from pos.services.printing import PrintContext
from pos.services.printing import queue as queue_module
from tests.conftest import add_products

URI = "file:///dev/null"


@pytest.fixture
def slip(db, cashier):
    add_products(db, "YJ1000", "BD2000")
    customer = customers.create_customer(db, cashier, name="张三", phone="13800138000", address="浙江省义乌市")
    number = orders.open_order(db, cashier, customer.number)
    orders.add_scan(db, cashier, number, "2*YJ1000")
    return number


@pytest.fixture
def rendered_in_transaction(monkeypatch):
    """Documents rendered by the transaction that stores the jobs (not ahead of it)."""
    titles = []
    real = queue_module.render_for

    def spy(config, documents):
        titles.extend(d.title for d in documents)
        return real(config, documents)

    monkeypatch.setattr(queue_module, "render_for", spy)
    return titles


def _slip_texts(db, jobs):
    return [decode(printing.job_payload(db, job.id)).text for job in jobs]


def test_the_copies_are_rendered_before_the_transaction(db, cashier, slip, rendered_in_transaction):
    jobs = counter.print_for_checking(db, cashier, PrintContext(station="柜台1"), slip, URI)
    assert rendered_in_transaction == []
    texts = _slip_texts(db, jobs)
    assert len(texts) == 3 and all(slip in text and "YJ1000" in text for text in texts)
    assert all(job.job_ref in text for job, text in zip(jobs, texts, strict=True))  # the ref printed is the job's
    for job, text in zip(jobs, texts, strict=True):  # each job holds its own copy, rendered ahead
        assert COPY_LABELS[job.copy] in text
        assert [label for label in COPY_LABELS.values() if label in text] == [COPY_LABELS[job.copy]]


def test_a_slip_changed_meanwhile_is_rendered_again_as_stored(db, cashier, slip, rendered_in_transaction, monkeypatch):
    real = printing.prerender

    def then_a_scan(*args, **kwargs):
        ahead = real(*args, **kwargs)
        orders.add_scan(db, cashier, slip, "BD2000")  # another scan lands between rendering and storing
        return ahead

    monkeypatch.setattr(printing, "prerender", then_a_scan)
    jobs = counter.print_for_checking(db, cashier, PrintContext(station="柜台1"), slip, URI)
    assert len(rendered_in_transaction) == 3
    assert all("BD2000" in text for text in _slip_texts(db, jobs))
