"""A bundle write that fails (stick full, read-only, pulled out) says so plainly, leaves nothing
that looks like a complete bundle, and does not stop the next write from succeeding.

The faults are injected by replacing os.open/os.write/os.fsync/os.mkdir/os.rename for the
duration of one write. (The tests run as root, for whom a chmod 0o555 folder is still writable,
so the read-only cases are injected too.)"""

from __future__ import annotations

import errno
import os
import shutil
from collections import namedtuple
from pathlib import Path

import pytest

from countdesk.errors import CountdeskError
from countdesk.exchange import bundle as bundle_module
from countdesk.exchange import fsutil
from countdesk.exchange.bundle import BundleWriteError, verify_bundle, write_bundle
from countdesk.exchange.signing import generate_key

NAME = "mayor.liverpool.2021-05-06_liverpool"
FILES = {
    "count.json": b'{"format": "countdesk/1"}\n' * 2000,
    "reports/declaration.pdf": b"%PDF-1.7\n" + b"\x00\x01" * 30000,
    "results.csv": b"ballot_paper_id,votes\r\nmayor.liverpool.2021-05-06,46493\r\n",
}


@pytest.fixture(scope="module")
def key():
    return generate_key()


@pytest.fixture
def target(tmp_path) -> Path:
    folder = tmp_path / "USBSTICK"
    folder.mkdir()
    return folder


def fail_after(monkeypatch, function: str, code: int, calls: int, under: Path | None = None) -> list[int]:
    """Make os.<function> raise OSError(code) from its (calls+1)-th call on; the earlier calls work.
    With `under`, only calls whose first argument is a path inside that folder count; for os.open
    only opens for writing count."""
    real = getattr(os, function)
    seen = [0]

    def faulty(*args, **kwargs):
        if under is not None and not str(args[0]).startswith(str(under)):
            return real(*args, **kwargs)
        if function == "open" and not args[1] & (os.O_WRONLY | os.O_RDWR):
            return real(*args, **kwargs)  # a read-only device still lets files be read (and removed)
        seen[0] += 1
        if seen[0] > calls:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, function, faulty)
    return seen


def assert_nothing_complete_looking(target: Path) -> None:
    for entry in target.iterdir():
        assert entry.name.startswith("."), f"{entry.name} looks like a finished bundle"
        assert not (entry / "SHA256SUMS.sig").exists() or "partial" in entry.name or "failed" in entry.name


def assert_next_write_succeeds(target: Path, key) -> None:
    written = write_bundle(target, NAME, FILES, key)
    assert written == target / NAME
    assert verify_bundle(written, expected_public_key=key.public_key).ok
    assert [p.name for p in target.iterdir() if not p.name.startswith(".")] == [NAME]


def test_stick_full_mid_write(monkeypatch, target, key):
    fail_after(monkeypatch, "write", errno.ENOSPC, calls=2)
    with pytest.raises(BundleWriteError) as caught:
        write_bundle(target, NAME, FILES, key)
    message = str(caught.value)
    assert message.startswith(f"{target}: The USB stick is full: ")
    assert " MB needed" in message or " kB needed" in message
    assert "free" in message
    assert isinstance(caught.value, CountdeskError)
    assert os.listdir(target) == []  # the partial folder was removed
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


def test_stick_full_is_found_before_writing_when_free_space_is_known(monkeypatch, target, key):
    usage = namedtuple("usage", "total used free")
    monkeypatch.setattr(shutil, "disk_usage", lambda path: usage(8_000_000, 7_950_000, 50_000))
    opened = fail_after(monkeypatch, "open", errno.EIO, calls=10_000, under=target)
    with pytest.raises(BundleWriteError, match=r"The USB stick is full: 0\.\d MB needed, 50 kB free"):
        write_bundle(target, NAME, FILES, key)
    assert opened[0] == 0  # nothing was even opened
    assert os.listdir(target) == []


def test_read_only_stick(monkeypatch, target, key):
    fail_after(monkeypatch, "mkdir", errno.EROFS, calls=0, under=target)
    with pytest.raises(BundleWriteError, match="The target folder is read-only .*write-protect"):
        write_bundle(target, NAME, FILES, key)
    assert os.listdir(target) == []
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


def test_read_only_found_when_the_first_file_is_opened(monkeypatch, target, key):
    fail_after(monkeypatch, "open", errno.EROFS, calls=0, under=target)
    with pytest.raises(BundleWriteError, match="read-only"):
        write_bundle(target, NAME, FILES, key)
    assert os.listdir(target) == []
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


@pytest.mark.parametrize("code", [errno.EACCES, errno.EPERM])
def test_permission_denied_partway(monkeypatch, target, key, code):
    fail_after(monkeypatch, "open", code, calls=2, under=target)
    with pytest.raises(BundleWriteError, match="read-only for this account \\(permission denied\\)"):
        write_bundle(target, NAME, FILES, key)
    assert os.listdir(target) == []
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


def test_input_output_error_on_fsync(monkeypatch, target, key):
    fail_after(monkeypatch, "fsync", errno.EIO, calls=3)
    with pytest.raises(BundleWriteError, match="removed or stopped responding"):
        write_bundle(target, NAME, FILES, key)
    assert os.listdir(target) == []
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


def test_stick_pulled_out_mid_write(monkeypatch, target, key):
    real_open = os.open
    calls = [0]

    def pulled(path, *args, **kwargs):
        if str(path).startswith(str(target)):
            calls[0] += 1
            if calls[0] == 3:
                shutil.rmtree(target)  # the mount point empties when the stick goes
            if not target.exists():
                raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", pulled)
    with pytest.raises(BundleWriteError, match="removed or stopped responding"):
        write_bundle(target, NAME, FILES, key)
    monkeypatch.undo()
    target.mkdir()  # the stick is put back
    assert_next_write_succeeds(target, key)


def test_a_target_that_is_not_there(tmp_path, key):
    with pytest.raises(BundleWriteError, match="removed or stopped responding"):
        write_bundle(tmp_path / "gone", NAME, FILES, key)


def test_rename_failing_leaves_only_the_hidden_partial_which_the_next_write_clears(monkeypatch, target, key):
    monkeypatch.setattr(bundle_module, "_remove_tree_quietly", lambda folder: None)  # device refuses removal
    fail_after(monkeypatch, "rename", errno.EIO, calls=0, under=target)
    with pytest.raises(BundleWriteError, match="removed or stopped responding"):
        write_bundle(target, NAME, FILES, key)
    leftovers = os.listdir(target)
    assert len(leftovers) == 1 and leftovers[0].startswith(f".{NAME}.partial-")
    assert_nothing_complete_looking(target)
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)
    assert os.listdir(target) == [NAME]  # the stale partial was cleared


def test_a_file_that_reads_back_wrong_is_caught_before_the_folder_gets_its_name(monkeypatch, target, key):
    real_chunks = fsutil.device_chunks

    def flaky_device(path):
        data = b"".join(real_chunks(path))
        yield data[:-1] + b"?" if Path(path).name == "results.csv" else data

    monkeypatch.setattr(fsutil, "device_chunks", flaky_device)
    expected = r"did not read back correctly from the USB stick \(altered: results.csv\)"
    with pytest.raises(BundleWriteError, match=expected):
        write_bundle(target, NAME, FILES, key)
    assert os.listdir(target) == []
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


def test_a_failure_on_the_final_read_back_sets_the_folder_aside(monkeypatch, target, key):
    real_chunks = fsutil.device_chunks

    def fails_at_final_name(path):
        final = Path(path).parent.name == "reports" and Path(path).parent.parent.name == NAME
        yield b"corrupt" if final else b"".join(real_chunks(path))

    monkeypatch.setattr(fsutil, "device_chunks", fails_at_final_name)
    with pytest.raises(BundleWriteError, match="altered: reports/declaration.pdf"):
        write_bundle(target, NAME, FILES, key)
    assert_nothing_complete_looking(target)
    assert all(name.startswith(f".{NAME}.failed-") for name in os.listdir(target))
    monkeypatch.undo()
    assert_next_write_succeeds(target, key)


def test_a_huge_file_in_place_of_a_listed_one_is_refused_without_being_held_in_memory(target, key):
    import tracemalloc

    bundle = write_bundle(target, NAME, FILES, key)
    with open(bundle / "results.csv", "wb") as swapped:
        swapped.truncate(256 * 1024 * 1024)  # sparse: instant to make, 256 MB to read
    tracemalloc.start()
    verdict = verify_bundle(bundle)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not verdict.ok and "altered: results.csv" in verdict.problems
    assert peak < 16 * 1024 * 1024, f"peak {peak:,} bytes while verifying"
