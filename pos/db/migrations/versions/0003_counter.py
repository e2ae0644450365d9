"""counter: customer initials, payment station, day-end reconciliation

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('reconciliations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('command_id', sa.String(length=64), nullable=False),
    sa.Column('station', sa.String(length=60), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('cashier_id', sa.Integer(), nullable=False),
    sa.Column('opening_float_fen', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['cashier_id'], ['staff.id'], name=op.f('fk_reconciliations_cashier_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reconciliations')),
    sa.UniqueConstraint('command_id', name=op.f('uq_reconciliations_command_id'))
    )
    op.create_table('reconciliation_lines',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reconciliation_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=10), nullable=False),
    sa.Column('expected_fen', sa.Integer(), nullable=False),
    sa.Column('counted_fen', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['reconciliation_id'], ['reconciliations.id'], name=op.f('fk_reconciliation_lines_reconciliation_id_reconciliations'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_reconciliation_lines')),
    sa.UniqueConstraint('reconciliation_id', 'method', name=op.f('uq_reconciliation_lines_reconciliation_id_method'))
    )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('name_initials', sa.String(length=100), nullable=False, server_default=sa.text("''")))
        batch_op.create_index(batch_op.f('ix_customers_name_initials'), ['name_initials'], unique=False)

    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.add_column(sa.Column('station', sa.String(length=60), nullable=False, server_default=sa.text("''")))
        batch_op.create_index(batch_op.f('ix_payments_created_at'), ['created_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_payments_station'), ['station'], unique=False)

    # 0001 kept "zhangsan zs" in name_pinyin; full pinyin and initials now have a column each
    customers = sa.table("customers", sa.column("id", sa.Integer), sa.column("name_pinyin", sa.String),
                         sa.column("name_initials", sa.String))
    bind = op.get_bind()
    for row in bind.execute(sa.select(customers.c.id, customers.c.name_pinyin)).all():
        full, _, initials = (row.name_pinyin or "").partition(" ")
        bind.execute(customers.update().where(customers.c.id == row.id).values(name_pinyin=full, name_initials=initials))


def downgrade() -> None:
    with op.batch_alter_table('payments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_payments_station'))
        batch_op.drop_index(batch_op.f('ix_payments_created_at'))
        batch_op.drop_column('station')

    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_name_initials'))
        batch_op.drop_column('name_initials')

    op.drop_table('reconciliation_lines')
    op.drop_table('reconciliations')