"""Alembic environment. Run through pos.db.migrate, which hands us a live connection so the
SQLite pragmas and BEGIN IMMEDIATE of pos.db.engine apply to migrations too."""

from alembic import context

from pos.db.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    from pos.db.engine import make_engine

    connection = make_engine(config.get_main_option("sqlalchemy.url")).connect()

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite needs table rebuilds for ALTER
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
