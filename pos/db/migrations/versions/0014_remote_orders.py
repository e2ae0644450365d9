"""remote orders: where an order was taken, awaiting payment, transfers

An order now says where it was taken (counter, phone, video, website), a video call's time and the
products asked for, and when its payment notice went out. 'awaiting_pay' joins the states: a remote
order waits there until its transfer is recorded, with the bank and reference number on the
payment.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa


revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

OLD_STATES = "status IN ('open', 'printed', 'checking', 'checked', 'settled', 'voided')"
NEW_STATES = "status IN ('open', 'awaiting_pay', 'printed', 'checking', 'checked', 'settled', 'voided')"
orders = sa.table('orders', sa.column('status', sa.String), sa.column('notice_at', sa.DateTime))


def upgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_orders_status'), type_='check')
        batch_op.add_column(sa.Column('source', sa.String(length=8), server_default='counter', nullable=False))
        batch_op.add_column(sa.Column('appointment_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('wanted', sa.String(length=400), server_default='', nullable=False))
        batch_op.add_column(sa.Column('notice_at', sa.DateTime(), nullable=True))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_orders_status'), sa.text(NEW_STATES))
        batch_op.create_check_constraint(
            op.f('ck_orders_source'), sa.text("source IN ('counter', 'phone', 'video', 'website')")
        )
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('bank', sa.String(length=60), server_default='', nullable=False))
        batch_op.add_column(sa.Column('reference', sa.String(length=60), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_column('reference')
        batch_op.drop_column('bank')
    # an order waiting for its money goes back to being made up: its notice is void without the state
    op.execute(orders.update().where(orders.c.status == 'awaiting_pay').values(status='open'))
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_orders_source'), type_='check')
        batch_op.drop_constraint(op.f('ck_orders_status'), type_='check')
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_orders_status'), sa.text(OLD_STATES))
        batch_op.drop_column('notice_at')
        batch_op.drop_column('wanted')
        batch_op.drop_column('appointment_at')
        batch_op.drop_column('source')
