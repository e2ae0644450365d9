"""print job spooling

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('job_ref', sa.String(length=16), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('station', sa.String(length=60), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('box_number', sa.Integer(), nullable=False, server_default=sa.text("0")))
        batch_op.add_column(sa.Column('next_attempt_at', sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column('created_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('cancel_reason', sa.Text(), nullable=False, server_default=sa.text("''")))
        batch_op.add_column(sa.Column('cancelled_by_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('archive_path', sa.String(length=400), nullable=False, server_default=sa.text("''")))
        batch_op.create_index(batch_op.f('ix_print_jobs_station'), ['station'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_print_jobs_cancelled_by_id_staff'), 'staff', ['cancelled_by_id'], ['id'])
        batch_op.create_foreign_key(batch_op.f('fk_print_jobs_created_by_id_staff'), 'staff', ['created_by_id'], ['id'])


def downgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_print_jobs_created_by_id_staff'), type_='foreignkey')
        batch_op.drop_constraint(batch_op.f('fk_print_jobs_cancelled_by_id_staff'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_print_jobs_station'))
        batch_op.drop_column('archive_path')
        batch_op.drop_column('cancelled_by_id')
        batch_op.drop_column('cancel_reason')
        batch_op.drop_column('created_by_id')
        batch_op.drop_column('next_attempt_at')
        batch_op.drop_column('box_number')
        batch_op.drop_column('station')
        batch_op.drop_column('job_ref')
