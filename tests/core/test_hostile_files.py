"""Files that are not files, too large, unreadable, named oddly or twice: a clear message, never a hang."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from game.core import reader
from game.core.deckfile import load_deck_file
from game.core.library import load_library
from game.core.library_check import check_library
from game.paths import SCENARIOS

ROOT = Path(__file__).resolve().parents[2]
DECK = SCENARIOS / "first-steps.yaml"


def _in_time(fn, seconds: float = 20.0):
    """Run fn in a thread; a hang fails the test instead of stopping the run."""
    out: dict = {}

    def go():
        out["value"] = fn()

    t = threading.Thread(target=go, daemon=True)
    t.start()
    t.join(seconds)
    assert not t.is_alive(), "hung"
    return out["value"]


def _codes(diags) -> list[str]:
    return [d.code for d in diags]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this platform")
def test_a_fifo_named_as_a_deck_is_refused_not_waited_on(tmp_path: Path):
    fifo = tmp_path / "x.yaml"
    os.mkfifo(fifo)
    deck, diags = _in_time(lambda: load_deck_file(fifo))
    assert deck is None and _codes(diags) == ["AT108"] and "named pipe" in diags[0].message
    lib = _in_time(lambda: load_library([tmp_path]))  # found in a folder too
    assert _codes(lib.diagnostics) == ["AT108"]
    report = _in_time(lambda: check_library([fifo]))
    assert _codes(report.diagnostics) == ["AT108"]


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_a_device_is_refused_before_a_byte_is_read():
    deck, diags = _in_time(lambda: load_deck_file("/dev/zero"))
    assert deck is None and _codes(diags) == ["AT108"] and "device" in diags[0].message


def test_a_folder_named_as_a_file_and_a_missing_file(tmp_path: Path):
    got = reader.read_bytes(tmp_path, 100)
    assert isinstance(got, reader.Refused) and got.code == "AT108" and "folder" in got.reason
    deck, diags = load_deck_file(tmp_path / "nothing.yaml")
    assert deck is None and _codes(diags) == ["AT101"] and "No such file" in diags[0].message


def test_a_file_over_the_size_cap_has_its_own_code(tmp_path: Path, monkeypatch):
    big = tmp_path / "big.yaml"
    big.write_bytes(b"# " + b"x" * (reader.MAX_DECK_BYTES + 10))
    deck, diags = load_deck_file(big)
    assert deck is None and _codes(diags) == ["AT107"]
    assert "MB" in diags[0].message and "split" in diags[0].message
    assert isinstance(reader.read_bytes(big, reader.MAX_DECK_BYTES + 100), bytes)


def test_suffixes_match_in_any_case_and_the_same_file_is_read_once(tmp_path: Path):
    shutil.copy(DECK, tmp_path / "A.YAML")
    text = DECK.read_text().replace("id: first-steps", "id: other-steps", 1)
    (tmp_path / "b.Yml").write_text(text)
    (tmp_path / "notes.txt").write_text("not a deck")
    lib = load_library([tmp_path, tmp_path / "A.YAML", tmp_path])
    assert lib.diagnostics == () and sorted(d.id for d in lib.decks) == ["first-steps", "other-steps"]
    lib = load_library([DECK, DECK, str(DECK)])
    assert len(lib.decks) == 1 and lib.diagnostics == (), "the same file twice must not clash with itself"
    if hasattr(os, "symlink"):
        (tmp_path / "again.yaml").symlink_to(tmp_path / "A.YAML")
        (tmp_path / "loop").symlink_to(tmp_path)  # a folder that contains itself
        lib = _in_time(lambda: load_library([tmp_path]))
        assert lib.diagnostics == () and len(lib.decks) == 2
    rep = check_library([tmp_path, DECK, DECK])  # A.YAML is a copy of DECK: one clash, not two
    assert rep.files == 3 and [d.code for d in rep.diagnostics] == ["AT208"]


def test_folders_are_walked_in_sorted_order_with_deep_nesting_and_no_recursion(tmp_path: Path):
    deep = tmp_path
    for i in range(60):
        deep = deep / f"d{i}"
    deep.mkdir(parents=True)
    shutil.copy(DECK, deep / "deep.yaml")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "z.yaml").write_text("")
    (tmp_path / "b.yaml").write_text("")
    found = [e.path for e in reader.walk([tmp_path], (".yaml",))]
    assert found == sorted(found, key=lambda p: Path(p).parts)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX names")
def test_a_file_name_that_is_not_utf8_is_shown_escaped(tmp_path: Path):
    name = os.fsdecode(b"bad-\xff\x1b[2J.yaml")
    (tmp_path / name).write_bytes(b"format: 1\n")
    lib = load_library([tmp_path])
    line = str(lib.diagnostics[0])
    assert "\\xff" in line and "\x1b" not in line
    line.encode("utf-8")  # printable anywhere
    proc = subprocess.run(
        [sys.executable, "main.py", "validate", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        timeout=120,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert proc.returncode == 1 and b"Traceback" not in proc.stderr and b"\\xff" in proc.stdout


# -- permissions: as an ordinary user -------------------------------------------

UNPRIVILEGED = 65534  # nobody


def _as_unprivileged(paths: list[str]) -> dict:
    """Load and check `paths` in a forked child that runs as an ordinary user (root reads everything).

    A fork, not a new interpreter: the interpreter may live where that user
    cannot reach. Everything the loader imports lazily is imported first.
    """
    import json

    load_library([DECK])
    check_library([DECK])
    load_deck_file(Path(__file__))  # an error path: difflib and the rest
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        code = 1
        try:
            os.close(r)
            if os.geteuid() == 0:
                os.setgid(UNPRIVILEGED)
                os.setuid(UNPRIVILEGED)
            lib = load_library(paths)
            rep = check_library(paths, jobs=1)
            out = {"lib": [str(d) for d in lib.diagnostics], "check": [str(d) for d in rep.diagnostics]}
            out["decks"] = len(lib.decks)
            os.write(w, json.dumps(out).encode())
            code = 0
        except BaseException as e:  # noqa: BLE001 - report anything to the parent
            os.write(w, json.dumps({"error": repr(e)}).encode())
        finally:
            os._exit(code)
    os.close(w)
    chunks = []
    while chunk := os.read(r, 65536):
        chunks.append(chunk)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    got = json.loads(b"".join(chunks) or b"{}")
    assert os.waitstatus_to_exitcode(status) == 0, got
    return got


@pytest.mark.skipif(not hasattr(os, "fork") or not hasattr(os, "geteuid"), reason="POSIX permissions")
def test_folders_and_files_the_user_cannot_open_are_reported_not_raised_nor_skipped():
    import tempfile

    top = Path(tempfile.mkdtemp(prefix="attune-perm-"))  # pytest's own folder is closed to other users
    try:
        _check_permissions(top)
    finally:
        for p in top.rglob("*"):
            with contextlib.suppress(OSError):
                os.chmod(p, 0o755)
        shutil.rmtree(top, ignore_errors=True)


def _check_permissions(tmp_path: Path) -> None:
    base = tmp_path / "decks"
    (base / "closed").mkdir(parents=True)  # cannot be searched: a deck inside it cannot be opened
    (base / "unlisted").mkdir()  # cannot be listed
    (base / "open").mkdir()
    shutil.copy(DECK, base / "open" / "good.yaml")
    shutil.copy(DECK, base / "closed" / "inside.yaml")
    (base / "unlisted" / "hidden.yaml").write_text("format: 1\n")
    (base / "secret.yaml").write_text("format: 1\n")
    for p in (tmp_path, base, base / "open"):
        os.chmod(p, 0o755)
    os.chmod(base / "open" / "good.yaml", 0o644)
    os.chmod(base / "secret.yaml", 0o000)
    os.chmod(base / "closed", 0o744)
    os.chmod(base / "unlisted", 0o311)
    try:
        got = _as_unprivileged([str(base), str(base / "closed" / "inside.yaml")])
    finally:
        os.chmod(base / "closed", 0o755)
        os.chmod(base / "unlisted", 0o755)
        os.chmod(base / "secret.yaml", 0o644)
    for key in ("lib", "check"):
        text = "\n".join(got[key])
        assert "closed" in text and "unlisted" in text and "secret.yaml" in text, text
        assert "Permission denied" in text, text
        assert all(":1:1: error[AT101]" in line for line in got[key]), text
    assert got["decks"] == 1
