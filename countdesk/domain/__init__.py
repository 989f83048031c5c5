"""The count rules: pure functions over plain dataclasses. No Qt, no SQL, no I/O."""
