"""Modal dialogs: set-up wizard, operator name, reasons, double entry, lots."""
