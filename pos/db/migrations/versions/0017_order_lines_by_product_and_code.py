"""order lines indexed by order and product, and by order and code

A scan raises the line of its product and a tick finds the line of its code. With only the order
indexed, both read every line of the order to find it, so a tick on a 2,000-line order cost more
than on a 300-line one. The index on the order alone goes: (order_id, position) covers it.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-08
"""
from alembic import op


revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_lines_order_id'))
        batch_op.create_index('ix_order_lines_order_product', ['order_id', 'product_id'], unique=False)
        batch_op.create_index('ix_order_lines_order_code', ['order_id', 'item_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_index('ix_order_lines_order_code')
        batch_op.drop_index('ix_order_lines_order_product')
        batch_op.create_index(batch_op.f('ix_order_lines_order_id'), ['order_id'], unique=False)
