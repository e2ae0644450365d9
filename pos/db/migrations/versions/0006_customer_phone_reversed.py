"""customer phone reversed, for search by the last digits

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('phone_reversed', sa.String(length=30), server_default='', nullable=False))
    # SQLite has no reverse(): fill existing records from Python, in one pass
    connection = op.get_bind()
    customers = sa.table('customers', sa.column('id', sa.Integer), sa.column('phone', sa.String),
                         sa.column('phone_reversed', sa.String))
    rows = connection.execute(sa.select(customers.c.id, customers.c.phone)).all()
    if rows:
        connection.execute(
            customers.update().where(customers.c.id == sa.bindparam('row_id'))
            .values(phone_reversed=sa.bindparam('reversed')),
            [{'row_id': row_id, 'reversed': (phone or '')[::-1]} for row_id, phone in rows],
        )
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_customers_phone_reversed'), ['phone_reversed'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_customers_phone_reversed'))
        batch_op.drop_column('phone_reversed')
