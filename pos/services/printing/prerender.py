"""Rendering a print request ahead of its transaction.

Rendering three copies of a long slip to ESC/POS (or PDF, for the preview printer) takes a tenth
of a second and more; done inside the transaction that queues the jobs, it held SQLite's write
lock all that time, and another station's scan waited behind it. So the documents are built and
rendered first, in a read; the transaction then reads the same data from what it holds locked and
stores the rendered bytes of each document whose data and marks are exactly the same, without
building it again. One that changed in between (a line crossed out meanwhile) is built and
rendered there, as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pos.db.database import Database
from pos.domain.errors import PosError
from pos.printing.connections import parse_uri
from pos.printing.document import Document, Element
from pos.printing.render import render_for
from pos.services.printing.plans import check_copies, documents
from pos.services.printing.records import REVISION, PrintContext
from pos.services.staff import StaffInfo

# the kinds planned from an order alone, which a read can plan without holding anything
AHEAD = ("sales-slip", REVISION, "receipt", "box-label")


@dataclass
class Prerendered:
    refs: dict[tuple[str, int, int], str] = field(default_factory=dict)  # (kind, copy, box) -> job ref
    documents: dict[str, Document] = field(default_factory=dict)  # by data and marks (plans.Made.key)
    payloads: dict[str, bytes] = field(default_factory=dict)  # the same keys: the rendered bytes


def prerender(
    db: Database,
    actor: StaffInfo | None,
    context: PrintContext,
    *,
    kind: str,
    number: str,
    printer_uri: str,
    copies: tuple[int, ...] = (1, 2, 3),
    boxes: tuple[int, ...] = (),
    reprint: bool = False,
    extra: tuple[Element, ...] = (),
) -> Prerendered:
    """The documents of a print request rendered from what is stored now, outside any write. A
    request that would be refused renders nothing: the transaction refuses it, with its reason."""
    ahead = Prerendered()
    if kind not in AHEAD:
        return ahead
    try:
        config = parse_uri(printer_uri)
        check_copies(copies)
        with db.read() as session:
            made = documents(
                session,
                actor,
                context,
                config,
                kind=kind,
                number=number,
                copies=copies,
                boxes=boxes,
                reprint=reprint,
                extra=extra,
                lock=False,
            )
    except PosError:
        return ahead
    for one in made:
        ahead.refs[(one.plan.kind, one.plan.copy, one.plan.box_number)] = one.ref
        if one.key:
            ahead.documents[one.key] = one.document
            ahead.payloads[one.key] = render_for(config, [one.document])
    return ahead
