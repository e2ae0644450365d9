"""Persistence: models, engine setup, migrations, numbering."""
