"""PySide6 front end. Thin: it calls services on a background worker and shows results."""
