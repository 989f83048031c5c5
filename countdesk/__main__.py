"""`python -m countdesk`: hand over to the command line."""

from countdesk.cli import main

raise SystemExit(main())
