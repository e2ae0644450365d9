"""Stored print bytes: compressed when that saves room, and read back exactly (issue 14 deliverable 5)."""

from hypothesis import given
from hypothesis import strategies as st

from pos.domain.payloads import PACKED, pack, unpack


def test_a_slip_is_stored_in_a_fraction_of_its_size():
    slip = b"\x1b@" + "925银素圈戒指  3  ￥105.00\n".encode("gb18030") * 300 + b"\x1dV\x00"
    stored = pack(slip)
    assert stored.startswith(PACKED) and len(stored) * 5 < len(slip)
    assert unpack(stored) == slip


def test_bytes_that_do_not_shrink_are_kept_as_they_are():
    pdf = b"%PDF-1.4\n" + bytes(range(256))
    assert pack(pdf) == pdf and unpack(pdf) == pdf


@given(st.binary(max_size=2000))
def test_whatever_is_stored_reads_back_as_it_was(data):
    assert unpack(pack(data)) == data
    if not data.startswith(PACKED):  # jobs stored before compression read as they were
        assert unpack(data) == data
