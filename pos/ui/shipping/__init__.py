"""The shipping screen: orders ready to ship, the shipment form, the record, calls to make."""
