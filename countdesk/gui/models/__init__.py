"""Models over the services: each a Qt item model checked by qtmodeltester, with the words its rows
show (result_model: what a contest's result says, for the Result tab, its chart, the lots and
the hall's screen)."""
