"""signatures only grow, boxes set aside instead of deleted

Signatures: re-signing supersedes the earlier row (superseded_at, superseded_by_id) instead of
deleting it, so "one signature per role" becomes "one live signature per role" (a partial unique
index, on SQLite and PostgreSQL alike). Boxes: a box is set aside (discarded_at) instead of being
deleted, and box numbers are unique among the boxes in use. Existing rows are all live: nothing to
convert beyond the new columns being NULL.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

LIVE_SIGNATURE = sa.text("superseded_at IS NULL")
LIVE_BOX = sa.text("discarded_at IS NULL")


def upgrade() -> None:
    with op.batch_alter_table('signatures') as batch:
        batch.add_column(sa.Column('superseded_at', sa.DateTime(), nullable=True))
        batch.add_column(sa.Column('superseded_by_id', sa.Integer(), nullable=True))
        batch.create_foreign_key(op.f('fk_signatures_superseded_by_id_signatures'), 'signatures',
                                 ['superseded_by_id'], ['id'])
        batch.drop_constraint('uq_signatures_order_id_role', type_='unique')
        batch.drop_constraint('uq_signatures_return_slip_id_role', type_='unique')
    op.create_index('uq_signatures_live_order_role', 'signatures', ['order_id', 'role'], unique=True,
                    sqlite_where=LIVE_SIGNATURE, postgresql_where=LIVE_SIGNATURE)
    op.create_index('uq_signatures_live_return_slip_role', 'signatures', ['return_slip_id', 'role'], unique=True,
                    sqlite_where=LIVE_SIGNATURE, postgresql_where=LIVE_SIGNATURE)
    with op.batch_alter_table('boxes') as batch:
        batch.add_column(sa.Column('discarded_at', sa.DateTime(), nullable=True))
        batch.drop_constraint('uq_boxes_order_id_number', type_='unique')
    op.create_index('uq_boxes_live_order_number', 'boxes', ['order_id', 'number'], unique=True,
                    sqlite_where=LIVE_BOX, postgresql_where=LIVE_BOX)


def downgrade() -> None:
    # superseded signatures and set-aside boxes have no place in the older schema
    op.execute("DELETE FROM signatures WHERE superseded_at IS NOT NULL")
    op.drop_index('uq_boxes_live_order_number', table_name='boxes')
    with op.batch_alter_table('boxes') as batch:
        batch.create_unique_constraint('uq_boxes_order_id_number', ['order_id', 'number'])
        batch.drop_column('discarded_at')
    op.drop_index('uq_signatures_live_return_slip_role', table_name='signatures')
    op.drop_index('uq_signatures_live_order_role', table_name='signatures')
    with op.batch_alter_table('signatures') as batch:
        batch.create_unique_constraint('uq_signatures_return_slip_id_role', ['return_slip_id', 'role'])
        batch.create_unique_constraint('uq_signatures_order_id_role', ['order_id', 'role'])
        batch.drop_constraint(op.f('fk_signatures_superseded_by_id_signatures'), type_='foreignkey')
        batch.drop_column('superseded_by_id')
        batch.drop_column('superseded_at')
