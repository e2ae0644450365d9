"""searched columns compare in code point order on PostgreSQL

The columns searched by prefix as a person types (customers' number, name, pinyin, initials,
phone and its reverse; products' item code and name; barcodes) take the "C" collation on
PostgreSQL, so their indexes answer LIKE 'prefix%' and give matches in index order. SQLite already
compares this way; nothing changes there.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07
"""
from alembic import op
import sqlalchemy as sa


revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None

SEARCHED = (
    ('customers', 'number', 20),
    ('customers', 'name', 100),
    ('customers', 'name_pinyin', 400),
    ('customers', 'name_initials', 100),
    ('customers', 'phone', 30),
    ('customers', 'phone_reversed', 30),
    ('products', 'item_code', 48),
    ('products', 'name', 200),
    ('product_barcodes', 'barcode', 48),
)


def upgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table, column, length in SEARCHED:
        op.alter_column(table, column, type_=sa.String(length, collation='C'), existing_type=sa.String(length))


def downgrade() -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table, column, length in SEARCHED:
        op.alter_column(table, column, type_=sa.String(length), existing_type=sa.String(length, collation='C'))
