"""carriers

The carriers the shop sends by (standard chapter 6), each with its rate: by weight (first kg and
each further kg begun) or per box, with a minimum, and its usual days to arrive. A manager changes
them; the standard's four are there from the start, with example rates.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

DEFAULTS = [  # name, basis, first kg, further kg, per box, minimum (fen), days to arrive
    ('中铁快运', 'weight', 2000, 300, 0, 2000, 3),
    ('顺丰', 'weight', 2300, 1300, 0, 2300, 2),
    ('申通', 'weight', 1200, 500, 0, 1200, 3),
    ('公路运输', 'box', 0, 0, 1500, 3000, 4),
]


def upgrade() -> None:
    carriers = op.create_table(
        'carriers',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(length=40), nullable=False),
        sa.Column('basis', sa.String(length=10), nullable=False),
        sa.Column('first_kg_fen', sa.Integer(), nullable=False),
        sa.Column('further_kg_fen', sa.Integer(), nullable=False),
        sa.Column('per_box_fen', sa.Integer(), nullable=False),
        sa.Column('minimum_fen', sa.Integer(), nullable=False),
        sa.Column('days_to_arrive', sa.Integer(), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.CheckConstraint("basis IN ('weight', 'box')", name=op.f('ck_carriers_basis')),
        sa.CheckConstraint('days_to_arrive >= 0', name=op.f('ck_carriers_days')),
        sa.CheckConstraint(
            'first_kg_fen >= 0 AND further_kg_fen >= 0 AND per_box_fen >= 0 AND minimum_fen >= 0',
            name=op.f('ck_carriers_fees'),
        ),
        sa.ForeignKeyConstraint(['updated_by_id'], ['staff.id'], name=op.f('fk_carriers_updated_by_id_staff')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_carriers')),
        sa.UniqueConstraint('name', name=op.f('uq_carriers_name')),
    )
    now = datetime.now(timezone.utc).replace(tzinfo=None)  # times are stored as naive UTC
    op.bulk_insert(
        carriers,
        [
            dict(
                name=name, basis=basis, first_kg_fen=first, further_kg_fen=further, per_box_fen=box,
                minimum_fen=minimum, days_to_arrive=days, active=True, position=i,
                updated_at=now,
            )
            for i, (name, basis, first, further, box, minimum, days) in enumerate(DEFAULTS)
        ],
    )


def downgrade() -> None:
    op.drop_table('carriers')
