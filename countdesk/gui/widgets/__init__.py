"""The main window's tabs and panels, one module each."""
