"""Table models over the services: each a QAbstractTableModel checked by qtmodeltester."""
