"""Use cases: one function, one transaction. Roles are checked and audit entries written here."""
