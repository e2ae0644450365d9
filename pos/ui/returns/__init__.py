"""The dialogs the returns screen (F11, pos/ui/returns_dialog.py) and the bench open for return
slips: which order, which units come back, and the customer's signature."""
