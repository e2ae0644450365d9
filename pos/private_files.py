"""Files that hold the shop's data or where it lives: readable by their owner only."""

from __future__ import annotations

import os
from pathlib import Path


def private_file(path: Path) -> None:
    """Create `path` with mode 0600 if missing, and narrow an existing one to 0600: the database
    holds customers' phones and addresses, the settings file says where the data is."""
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)
