"""How many bytes of a file Python code reads: to prove a huge file is refused by its size or its
header without being read, instead of timing the refusal (a time proves nothing on a loaded
machine). Every `open` (builtins.open, io.open, so Path.open and Path.read_bytes too) of a watched
file returns the real file object behind a proxy that counts what its reads return."""

from __future__ import annotations

import builtins
import io
import os
from pathlib import Path
from typing import Any


class _CountingFile:
    def __init__(self, file: Any, spy: ReadSpy, path: Path) -> None:
        self._file, self._spy, self._path = file, spy, path

    def _count(self, data: Any) -> Any:
        if data:
            self._spy.read[self._path] = self._spy.read.get(self._path, 0) + len(data)
        return data

    def read(self, *args: Any) -> Any:
        return self._count(self._file.read(*args))

    def read1(self, *args: Any) -> Any:
        return self._count(self._file.read1(*args))

    def readline(self, *args: Any) -> Any:
        return self._count(self._file.readline(*args))

    def readlines(self, *args: Any) -> list[Any]:
        return [self._count(line) for line in self._file.readlines(*args)]

    def readinto(self, buffer: Any) -> int:
        n = self._file.readinto(buffer)
        self._count(b"x" * (n or 0))
        return n

    def __iter__(self) -> Any:
        return (self._count(line) for line in self._file)

    def __enter__(self) -> _CountingFile:
        self._file.__enter__()
        return self

    def __exit__(self, *exc: Any) -> Any:
        return self._file.__exit__(*exc)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


class ReadSpy:
    """`read[path]`: the bytes (characters, in text mode) read from each watched file so far."""

    def __init__(self, monkeypatch: Any, *watched: Path) -> None:
        self.watched = {Path(p).resolve() for p in watched}
        self.read: dict[Path, int] = {}
        self.opened: list[Path] = []
        real_open = io.open

        def spying_open(file: Any, *args: Any, **kwargs: Any) -> Any:
            handle = real_open(file, *args, **kwargs)
            if isinstance(file, (str, bytes, os.PathLike)):
                path = Path(os.fsdecode(file)).resolve()
                if path in self.watched:
                    self.opened.append(path)
                    return _CountingFile(handle, self, path)
            return handle

        monkeypatch.setattr(io, "open", spying_open)
        monkeypatch.setattr(builtins, "open", spying_open)

    def bytes_read(self, path: Path) -> int:
        return self.read.get(Path(path).resolve(), 0)
