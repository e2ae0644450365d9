"""customer contract period and return ratio, editable customer record

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28

A franchise customer's return allowance runs over the contract's own dates, kept on the customer
with the ratio. Existing customers keep their ratio; their dates stay empty (no contract on file)
until a manager enters them: nothing here can know when a paper contract was signed.
"""
from alembic import op
import sqlalchemy as sa


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.add_column(sa.Column('contract_start', sa.Date(), nullable=True))
        batch_op.add_column(sa.Column('contract_end', sa.Date(), nullable=True))
        batch_op.create_check_constraint(op.f('ck_customers_contract_period'), 'contract_end >= contract_start')


def downgrade() -> None:
    with op.batch_alter_table('customers', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_customers_contract_period'), type_='check')
        batch_op.drop_column('contract_end')
        batch_op.drop_column('contract_start')
