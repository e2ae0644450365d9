"""payments indexed by station and time together

A day end sums one station's payments of one day. With an index on the station alone (and no
statistics), SQLite read the station's whole payment history for it; the index on both finds the
day's rows directly.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07
"""
from alembic import op


revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_station'))
        batch_op.create_index('ix_payments_station_created_at', ['station', 'created_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index('ix_payments_station_created_at')
        batch_op.create_index(batch_op.f('ix_payments_station'), ['station'], unique=False)
