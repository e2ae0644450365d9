"""Devices: scanners, cash drawer, customer display, voice. No Qt: the UI wraps them."""
