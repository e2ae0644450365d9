"""bench

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('tick_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('command_id', sa.String(length=64), nullable=False),
    sa.Column('order_id', sa.Integer(), nullable=False),
    sa.Column('order_line_id', sa.Integer(), nullable=False),
    sa.Column('box_id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('station', sa.String(length=60), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('manual', sa.Boolean(), nullable=False),
    sa.Column('undone_at', sa.DateTime(), nullable=True),
    sa.Column('undone_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['box_id'], ['boxes.id'], name=op.f('fk_tick_events_box_id_boxes')),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_tick_events_order_id_orders'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['order_line_id'], ['order_lines.id'], name=op.f('fk_tick_events_order_line_id_order_lines'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_tick_events_staff_id_staff')),
    sa.ForeignKeyConstraint(['undone_by_id'], ['staff.id'], name=op.f('fk_tick_events_undone_by_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tick_events')),
    sa.UniqueConstraint('command_id', name=op.f('uq_tick_events_command_id'))
    )
    with op.batch_alter_table('tick_events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tick_events_order_id'), ['order_id'], unique=False)

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.add_column(sa.Column('manual_ticks', sa.Integer(), nullable=False, server_default=sa.text("0")))

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('check_started_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('name_confirmed_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('copy3_to', sa.String(length=10), nullable=False, server_default=sa.text("''")))


def downgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_column('copy3_to')
        batch_op.drop_column('name_confirmed_at')
        batch_op.drop_column('check_started_at')

    with op.batch_alter_table('order_lines', schema=None) as batch_op:
        batch_op.drop_column('manual_ticks')

    with op.batch_alter_table('tick_events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tick_events_order_id'))

    op.drop_table('tick_events')