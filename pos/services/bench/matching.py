"""Which line of the slip a bench scan ticks: by item code or barcode (never a weighed piece's line),
or by an in-store label's weight or price (the exact piece)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos.db.models import Order, OrderLine, Product
from pos.domain.codes import Scan
from pos.domain.instore_codes import InStoreCode, weight_in_name
from pos.domain.money import Money
from pos.services.bench.views import RefusedScan
from pos.services.catalog import find_product
from pos.services.orders import list_prices


def _first_with_room(lines: list[OrderLine], quantity: int) -> OrderLine:
    """The first line with `quantity` units left, else the first (whose refusal names it)."""
    return next((ln for ln in lines if ln.quantity - ln.ticked - ln.crossed >= quantity), lines[0])


def labelled_line(session: Session, order: Order, label: InStoreCode, scan: Scan) -> OrderLine:
    """The line of the piece whose in-store label was scanned: the item at the label's weight (the
    line's name carries it, as the counter wrote it) or at the label's price (or its price before
    a manager changed it). Two pieces with the same label are the same to the customer."""
    product = find_product(session, label.item)
    if product is None:
        raise RefusedScan("{scanned} is not on slip {number}.", scanned=scan.code, number=order.number)
    lines = list(
        session.scalars(
            select(OrderLine)
            .where(OrderLine.order_id == order.id, OrderLine.product_id == product.id)
            .order_by(OrderLine.position)
        )
    )
    if label.kind == "weight":
        matching = [ln for ln in lines if weight_in_name(ln.name, product.name) == label.grams]
        shown = f"{label.grams}g"
    else:
        before = list_prices(session, order) if lines else {}
        matching = [
            ln
            for ln in lines
            if weight_in_name(ln.name, product.name) is None
            and label.value in (ln.unit_price_fen, before.get(ln.position))
        ]
        shown = Money(label.value).format()
    if not matching:  # another piece, or one the counter never scanned: wrong as any wrong item
        raise RefusedScan(
            "{scanned}: {code} {name} {label} is not on slip {number}.",
            scanned=scan.code,
            code=product.item_code,
            name=product.name,
            label=shown,
            number=order.number,
        )
    return _first_with_room(matching, scan.quantity)


def unweighed_line(session: Session, candidates: list[OrderLine], scan: Scan) -> OrderLine:
    """Of the lines an item code or barcode matches, the one to tick: never a weighed piece's (see
    tick), whose line name carries its weight."""
    suspects = {ln.product_id for ln in candidates if ln.name.endswith("g")}  # most scans: none, no query
    names = (
        dict(session.execute(select(Product.id, Product.name).where(Product.id.in_(suspects))).all())
        if suspects
        else {}
    )
    pieces = [ln for ln in candidates if ln.product_id in names and weight_in_name(ln.name, names[ln.product_id])]
    unweighed = [ln for ln in candidates if ln not in pieces]
    if not unweighed:  # which piece is this? only its own label says
        first = pieces[0]
        raise RefusedScan(
            "{code} {name} is weighed piece by piece: scan the label on the piece itself.",
            code=first.item_code,
            name=names[first.product_id],
        )
    return _first_with_room(unweighed, scan.quantity)
