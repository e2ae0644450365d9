"""Printing: documents built once by layouts, rendered to ESC/POS bytes, PDF or plain-text preview,
sent through connections named by URI, via a durable spooler."""
