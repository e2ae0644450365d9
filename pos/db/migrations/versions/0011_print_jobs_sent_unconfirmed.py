"""print jobs sent, unconfirmed

A job is 'done' only when the printer confirmed it took every byte (a status reply after the last
byte). A printer that never answers status, or a CUPS queue, cannot confirm: its jobs end 'sent'
instead, so the queue says "sent, unconfirmed" rather than claiming they printed. Existing rows
keep their state: what was recorded before cannot be confirmed now.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None

OLD_STATES = "status IN ('pending', 'sending', 'done', 'failed', 'cancelled')"
NEW_STATES = "status IN ('pending', 'sending', 'done', 'sent', 'failed', 'cancelled')"
jobs = sa.table('print_jobs', sa.column('status', sa.String))


def upgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_print_jobs_status'), type_='check')
        batch_op.create_check_constraint(op.f('ck_print_jobs_status'), sa.text(NEW_STATES))


def downgrade() -> None:
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_print_jobs_status'), type_='check')
    op.execute(jobs.update().where(jobs.c.status == 'sent').values(status='done'))
    with op.batch_alter_table('print_jobs', schema=None) as batch_op:
        batch_op.create_check_constraint(op.f('ck_print_jobs_status'), sa.text(OLD_STATES))
