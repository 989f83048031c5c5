"""A stick that is full, write-protected or pulled out mid-export: one clear sentence, nothing that
looks like a bundle, the count database exactly as it was, and the next export succeeds.

Faults are injected into os calls on paths under the stick's folder only, as the bundle writer's
own tests do (the tests run as root, for whom chmod cannot make a folder read-only)."""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
from pathlib import Path

import pytest
from export_builders import GENERATED_AT

from countdesk.services.count_session import CountSession
from countdesk.services.export import EXPORT_ACTION, BundleWriteError, export_bundle

FOLDER = "mayor.liverpool.2021-05-06_liverpool"


def fail_under(monkeypatch, function: str, code: int, folder: Path, after_calls: int = 0) -> None:
    real = getattr(os, function)
    seen = [0]

    def faulty(*args, **kwargs):
        if not str(args[0]).startswith(str(folder)):
            return real(*args, **kwargs)
        if function == "open" and not args[1] & (os.O_WRONLY | os.O_RDWR):
            return real(*args, **kwargs)
        seen[0] += 1
        if seen[0] > after_calls:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, function, faulty)


def fail_writes_to_stick(monkeypatch, code: int, folder: Path, after_calls: int) -> None:
    """os.write on file descriptors opened under the stick fails after `after_calls` writes."""
    real_open, real_write = os.open, os.write
    on_stick: set[int] = set()
    seen = [0]

    def tracking_open(path, flags, *args, **kwargs):
        fd = real_open(path, flags, *args, **kwargs)
        if str(path).startswith(str(folder)):
            on_stick.add(fd)
        else:
            on_stick.discard(fd)
        return fd

    def faulty_write(fd, data):
        if fd in on_stick:
            seen[0] += 1
            if seen[0] > after_calls:
                raise OSError(code, os.strerror(code))
        return real_write(fd, data)

    monkeypatch.setattr(os, "open", tracking_open)
    monkeypatch.setattr(os, "write", faulty_write)


def database_state(session: CountSession) -> tuple[str, tuple[int, str]]:
    return hashlib.sha256(session.path.read_bytes()).hexdigest(), session.audit_head()


def assert_untouched_then_next_export_succeeds(monkeypatch, session, stick, key, before) -> None:
    assert [p.name for p in stick.iterdir() if not p.name.startswith(".")] == []
    assert database_state(session) == before
    assert session.audit_rows(action=EXPORT_ACTION) == []
    monkeypatch.undo()
    if not stick.exists():
        stick.mkdir()  # the stick is put back
    report = export_bundle(session, stick, signing_key=key, generated_at=GENERATED_AT)
    assert report.path == stick / FOLDER
    assert [row.id for row in session.audit_rows(action=EXPORT_ACTION)] == [report.audit_row_id]


def test_a_full_stick(monkeypatch, liverpool, stick, key):
    before = database_state(liverpool)
    fail_writes_to_stick(monkeypatch, errno.ENOSPC, stick, after_calls=3)
    with pytest.raises(BundleWriteError) as caught:
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert caught.value.message.startswith("The USB stick is full: ")
    assert "needed" in caught.value.message and caught.value.where == str(stick)
    assert_untouched_then_next_export_succeeds(monkeypatch, liverpool, stick, key, before)


def test_a_stick_too_small_is_refused_before_writing(monkeypatch, liverpool, stick, key):
    before = database_state(liverpool)
    real_usage = shutil.disk_usage

    def tiny(path):
        usage = real_usage(path)
        return usage._replace(free=40_000) if str(path).startswith(str(stick)) else usage

    monkeypatch.setattr(shutil, "disk_usage", tiny)
    with pytest.raises(BundleWriteError, match=r"The USB stick is full: .* needed, 40 kB free"):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert_untouched_then_next_export_succeeds(monkeypatch, liverpool, stick, key, before)


def test_a_write_protected_stick(monkeypatch, liverpool, stick, key):
    before = database_state(liverpool)
    fail_under(monkeypatch, "mkdir", errno.EROFS, stick)
    with pytest.raises(BundleWriteError, match="read-only \\(check the write-protect switch"):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert_untouched_then_next_export_succeeds(monkeypatch, liverpool, stick, key, before)


def test_a_stick_pulled_out_mid_write(monkeypatch, liverpool, stick, key):
    before = database_state(liverpool)
    real_open = os.open
    opened = [0]

    def pulled(path, *args, **kwargs):
        if str(path).startswith(str(stick)):
            opened[0] += 1
            if opened[0] == 4:
                shutil.rmtree(stick)  # the mount point empties when the stick goes
            if not stick.exists():
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", pulled)
    with pytest.raises(BundleWriteError, match="removed or stopped responding"):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert not stick.exists()
    stick.mkdir()
    assert_untouched_then_next_export_succeeds(monkeypatch, liverpool, stick, key, before)


def test_an_input_output_error_on_the_stick(monkeypatch, liverpool, stick, key):
    before = database_state(liverpool)
    fail_writes_to_stick(monkeypatch, errno.EIO, stick, after_calls=5)
    with pytest.raises(BundleWriteError, match="removed or stopped responding"):
        export_bundle(liverpool, stick, signing_key=key, generated_at=GENERATED_AT)
    assert_untouched_then_next_export_succeeds(monkeypatch, liverpool, stick, key, before)
