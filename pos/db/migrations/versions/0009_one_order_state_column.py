"""one order state column

An order's state was spread over status, settled_at and needs_packing (an order paid without
packing stayed 'open'). From here `status` alone says it: 'settled' joins the states, settled_at
is only the time it happened, and needs_packing goes (no state check may read it; "taken unpacked"
is a settled order that was never checked, and the audit records it).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

OLD_STATES = "status IN ('open', 'printed', 'checking', 'checked', 'voided')"
NEW_STATES = "status IN ('open', 'printed', 'checking', 'checked', 'settled', 'voided')"
orders = sa.table('orders', sa.column('status', sa.String), sa.column('settled_at', sa.DateTime),
                  sa.column('checked_at', sa.DateTime), sa.column('needs_packing', sa.Boolean))


def upgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_orders_status'), type_='check')
    # paid is settled, whichever state the paid order was left in (checked, or open when taken unpacked)
    op.execute(orders.update().where(orders.c.settled_at.is_not(None)).values(status='settled'))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_orders_status'), sa.text(NEW_STATES))
        batch_op.drop_column('needs_packing')


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('needs_packing', sa.Boolean(), server_default=sa.true(), nullable=False))
        batch_op.drop_constraint(op.f('ck_orders_status'), type_='check')
    settled = orders.c.status == 'settled'
    op.execute(orders.update().where(settled, orders.c.checked_at.is_(None))
               .values(status='open', needs_packing=False))
    op.execute(orders.update().where(settled).values(status='checked'))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_orders_status'), sa.text(OLD_STATES))
