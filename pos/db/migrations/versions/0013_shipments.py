"""shipments, their boxes, call-the-customer tasks; the way of sending

A shipment (发货记录) now says who pays, the weight, when the boxes were handed over and which
boxes it holds (each box in one shipment at most). Recording one, or a shortfall at the bench,
makes a task to call the customer, with every call tried. The way of sending is stored on the
order and remembered on the customer.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('send_by', sa.String(length=40), server_default='', nullable=False))
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('send_by', sa.String(length=40), server_default='', nullable=False))
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('command_id', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('weight_grams', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('payer', sa.String(length=16), server_default='on_delivery', nullable=False))
        batch_op.add_column(sa.Column('days_to_arrive', sa.Integer(), server_default='0', nullable=False))
        batch_op.add_column(sa.Column('handed_over_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('recorded_by_id', sa.Integer(), nullable=True))
        batch_op.create_unique_constraint(batch_op.f('uq_shipments_command_id'), ['command_id'])
        batch_op.create_foreign_key(
            batch_op.f('fk_shipments_recorded_by_id_staff'), 'staff', ['recorded_by_id'], ['id']
        )
        batch_op.create_check_constraint(
            batch_op.f('ck_shipments_payer'), "payer IN ('on_delivery', 'customer_to_us', 'shop')"
        )
        batch_op.create_check_constraint(
            batch_op.f('ck_shipments_amounts'), 'weight_grams >= 0 AND fee_fen >= 0 AND days_to_arrive >= 0'
        )
        batch_op.create_index(batch_op.f('ix_shipments_waybill'), ['waybill'], unique=False)
        batch_op.create_index(batch_op.f('ix_shipments_created_at'), ['created_at'], unique=False)

    op.create_table(
        'shipment_boxes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('shipment_id', sa.Integer(), nullable=False),
        sa.Column('box_id', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['box_id'], ['boxes.id'], name=op.f('fk_shipment_boxes_box_id_boxes')),
        sa.ForeignKeyConstraint(
            ['shipment_id'], ['shipments.id'], name=op.f('fk_shipment_boxes_shipment_id_shipments'),
            ondelete='CASCADE',
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_shipment_boxes')),
        sa.UniqueConstraint('box_id', name=op.f('uq_shipment_boxes_box_id')),
    )
    with op.batch_alter_table('shipment_boxes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_shipment_boxes_shipment_id'), ['shipment_id'], unique=False)

    op.create_table(
        'call_tasks',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('order_id', sa.Integer(), nullable=False),
        sa.Column('shipment_id', sa.Integer(), nullable=True),
        sa.Column('kind', sa.String(length=10), nullable=False),
        sa.Column('script', sa.Text(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('done_at', sa.DateTime(), nullable=True),
        sa.Column('done_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("kind IN ('shipped', 'shortfall')", name=op.f('ck_call_tasks_kind')),
        sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'], name=op.f('fk_call_tasks_created_by_id_staff')),
        sa.ForeignKeyConstraint(['done_by_id'], ['staff.id'], name=op.f('fk_call_tasks_done_by_id_staff')),
        sa.ForeignKeyConstraint(['order_id'], ['orders.id'], name=op.f('fk_call_tasks_order_id_orders')),
        sa.ForeignKeyConstraint(['shipment_id'], ['shipments.id'], name=op.f('fk_call_tasks_shipment_id_shipments')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_call_tasks')),
    )
    with op.batch_alter_table('call_tasks', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_tasks_order_id'), ['order_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_call_tasks_done_at'), ['done_at'], unique=False)

    op.create_table(
        'call_attempts',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('task_id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('outcome', sa.String(length=10), nullable=False),
        sa.Column('note', sa.Text(), nullable=False),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.CheckConstraint("outcome IN ('reached', 'no_answer')", name=op.f('ck_call_attempts_outcome')),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_call_attempts_staff_id_staff')),
        sa.ForeignKeyConstraint(
            ['task_id'], ['call_tasks.id'], name=op.f('fk_call_attempts_task_id_call_tasks'), ondelete='CASCADE'
        ),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_call_attempts')),
    )
    with op.batch_alter_table('call_attempts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_call_attempts_task_id'), ['task_id'], unique=False)


def downgrade() -> None:
    op.drop_table('call_attempts')
    op.drop_table('call_tasks')
    op.drop_table('shipment_boxes')
    with op.batch_alter_table('shipments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_shipments_created_at'))
        batch_op.drop_index(batch_op.f('ix_shipments_waybill'))
        batch_op.drop_constraint(batch_op.f('ck_shipments_amounts'), type_='check')
        batch_op.drop_constraint(batch_op.f('ck_shipments_payer'), type_='check')
        batch_op.drop_constraint(batch_op.f('fk_shipments_recorded_by_id_staff'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('uq_shipments_command_id'), type_='unique')
        for column in ('recorded_by_id', 'handed_over_at', 'days_to_arrive', 'payer', 'weight_grams', 'command_id'):
            batch_op.drop_column(column)
    # a plain DROP COLUMN: rebuilding customers or orders on SQLite would trip their foreign keys
    op.drop_column('customers', 'send_by')
    op.drop_column('orders', 'send_by')
