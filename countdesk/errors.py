"""The one error type users see: a plain message that names the place at fault.

`where` is a path into the document or table (``contests[0].count_sheets[3].votes``) so that the
command line and the app can both point at the exact field. Pure: imported by every layer.
"""

from __future__ import annotations


class CountdeskError(Exception):
    """A problem the user can fix: bad input, a refused action, a file that will not open."""

    def __init__(self, message: str, where: str = "") -> None:
        super().__init__(f"{where}: {message}" if where else message)
        self.message = message
        self.where = where


class ValidationError(CountdeskError):
    """Input that breaks the count file's rules; nothing was written."""


class CollationError(CountdeskError):
    """Area counts that cannot be added together."""
