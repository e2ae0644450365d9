"""stock history for sales and returns before 0005

Stock movements began with 0005: what was sold or taken back before it left no history, so the
sum per product did not say how many left the shop. Each settled order without a sale movement
gets one per line (the whole quantity at its settlement time, as settling records it), and each
completed return slip without a return movement gets one per line (at its completion time).
Orders and slips that already have theirs are left alone, so running it twice adds nothing.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06
"""
from alembic import op


revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute(
        "INSERT INTO stock_movements (product_id, quantity, kind, order_id, return_slip_id, created_at) "
        "SELECT l.product_id, -l.quantity, 'sale', o.id, NULL, o.settled_at "
        "FROM order_lines l JOIN orders o ON o.id = l.order_id "
        "WHERE o.settled_at IS NOT NULL AND NOT EXISTS "
        "(SELECT 1 FROM stock_movements m WHERE m.order_id = o.id AND m.kind = 'sale') "
        "ORDER BY o.id, l.position"
    )
    op.execute(
        "INSERT INTO stock_movements (product_id, quantity, kind, order_id, return_slip_id, created_at) "
        "SELECT l.product_id, r.quantity, 'return', s.order_id, s.id, COALESCE(s.completed_at, s.created_at) "
        "FROM return_lines r JOIN return_slips s ON s.id = r.return_slip_id "
        "JOIN order_lines l ON l.id = r.order_line_id "
        "WHERE s.status = 'complete' AND NOT EXISTS "
        "(SELECT 1 FROM stock_movements m WHERE m.return_slip_id = s.id AND m.kind = 'return') "
        "ORDER BY s.id, r.id"
    )


def downgrade() -> None:
    # the history stays: it is true whichever release reads it, and 0005's table holds it as is
    pass
