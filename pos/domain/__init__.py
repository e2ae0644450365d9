"""Pure business rules: no Qt, no SQL. Everything here is testable without a database or a window."""
