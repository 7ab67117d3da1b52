"""Helpers for smoke_test.py: an environment with no Python in reach, results, checks, timings."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

IS_LINUX = sys.platform.startswith("linux")
# Mount an empty folder (or an empty, non-executable file) over each path given before "--",
# then run the command after it. Uses no PATH lookups: the environment's PATH is empty.
HIDE_SCRIPT = (
    'm="$1"; e="$2"; f="$3"; shift 3; '
    'while [ "$1" != "--" ]; do '
    'if [ -d "$1" ]; then "$m" --bind "$e" "$1" || exit 125; '
    'else "$m" --bind "$f" "$1" || exit 125; fi; shift; done; shift; exec "$@"'
)


@dataclass
class Run:
    """One finished command."""

    cmd: list[str]
    rc: int | None
    stdout: str
    stderr: str
    seconds: float
    expected_rc: int | None = 0


def python_installations(keep: Path) -> list[str]:
    """Every Python on this machine that the frozen app could wrongly lean on."""
    found = {sys.prefix, sys.base_prefix, sys.exec_prefix, sys.base_exec_prefix}
    for pattern in ("/usr/lib/python3*", "/usr/local/lib/python3*", "/usr/bin/python*",
                    "/usr/local/bin/python*", "/opt/python*"):  # fmt: skip
        found.update(glob.glob(pattern))
    for name in ("python3", "python"):
        where = shutil.which(name)
        if where:
            found.add(str(Path(where).parent) if "shims" in where else os.path.realpath(where))
    keep_str = str(keep.resolve())
    system = {"/", "/usr", "/usr/local", "/usr/bin", "/usr/lib", "/opt", "/tmp", "/root", "/home"}
    hidden: list[str] = []
    for path in sorted(found, key=len):  # a parent hides its children: mount it alone
        if not os.path.exists(path) or path in system or keep_str.startswith(path + "/"):
            continue
        if not any(path.startswith(parent + "/") for parent in hidden):
            hidden.append(path)
    return sorted(hidden)


def can_unshare() -> bool:
    if (
        not IS_LINUX
        or os.geteuid() != 0
        or not shutil.which("unshare")
        or not shutil.which("mount")
    ):
        return False
    trial = subprocess.run(
        ["unshare", "--mount", "--fork", "true"], capture_output=True, check=False
    )
    return trial.returncode == 0


class Isolation:
    """Runs the frozen app with a clean environment: no Python on PATH, Pythons hidden if we can."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        for name in ("empty-bin", "empty-dir", "home", "cwd"):
            (tmp / name).mkdir(exist_ok=True)
        (tmp / "empty-file").write_bytes(b"")
        self.env = {
            "PATH": str(tmp / "empty-bin"),
            "HOME": str(tmp / "home"),
            "LANG": "C.UTF-8",
            "QT_QPA_PLATFORM": "offscreen",
            "TMPDIR": str(tmp),
        }
        if sys.platform == "win32":  # the least Windows programs expect to find
            home = str(tmp / "home")
            self.env.update(SYSTEMROOT=os.environ.get("SYSTEMROOT", r"C:\Windows"), TEMP=str(tmp))
            self.env.update(TMP=str(tmp), USERPROFILE=home, APPDATA=home, LOCALAPPDATA=home)
        self.hidden = python_installations(tmp) if can_unshare() else []
        self.prefix: list[str] = []
        if self.hidden:
            unshare = [shutil.which("unshare") or "unshare", "--mount", "--fork", "--"]
            hide = ["/bin/sh", "-c", HIDE_SCRIPT, "sh", shutil.which("mount") or "mount"]
            empties = [str(tmp / "empty-dir"), str(tmp / "empty-file")]
            self.prefix = [*unshare, *hide, *empties, *self.hidden, "--"]

    def describe(self) -> str:
        text = f"environment: only {sorted(self.env)} set; PATH={self.env['PATH']} (empty)"
        if self.hidden:
            return text + "\nhidden behind empty mounts: " + ", ".join(self.hidden)
        return text + "\nNOTE: Python installations not hidden (needs root and unshare on Linux)"

    def run(self, cmd: list, expect_rc: int | None = 0, timeout: float = 60) -> Run:
        done = self.run_plain([*self.prefix, *cmd], self.env, expect_rc, timeout)
        done.cmd = [str(part) for part in cmd]  # report what ran, not the isolation around it
        return done

    def start(self, cmd: list, env: dict, isolated: bool = True) -> subprocess.Popen[bytes]:
        """Start the app without waiting for it (for the X11 window checks)."""
        args = [*(self.prefix if isolated else []), *(str(part) for part in cmd)]
        return subprocess.Popen(
            args,
            env=env,
            cwd=self.tmp / "cwd",
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            start_new_session=True,  # its own process group, so it can be stopped as a whole
        )

    def run_plain(
        self, cmd: list, env: dict, expect_rc: int | None = 0, timeout: float = 60
    ) -> Run:
        args = [str(part) for part in cmd]
        start = time.perf_counter()
        try:
            done = subprocess.run(
                args,
                env=env,
                cwd=self.tmp / "cwd",
                capture_output=True,
                timeout=timeout,
                check=False,
            )
        except subprocess.TimeoutExpired:
            return Run(args, None, "", f"timed out after {timeout} s", timeout, expect_rc)
        out, err = (b.decode("utf-8", "replace") for b in (done.stdout, done.stderr))
        return Run(args, done.returncode, out, err, time.perf_counter() - start, expect_rc)

    def probe(self) -> tuple[bool, str]:
        """Prove the isolation: no python on PATH, and hidden interpreters cannot start."""
        on_path = [n for n in ("python", "python3") if shutil.which(n, path=self.env["PATH"])]
        if on_path:
            return False, f"{on_path} found on PATH"
        if not self.hidden:
            return True, "PATH has no python (installations not hidden)"
        works = self.run(["/bin/sh", "-c", "exit 0"])
        if works.rc != 0:
            return False, f"the isolation itself fails ({works.rc}): {works.stderr.strip()}"
        interpreters = [sys.executable, os.path.realpath(sys.executable), "/usr/bin/python3"]
        started = [
            exe for exe in dict.fromkeys(interpreters)
            if os.path.exists(exe) and self.run([exe, "-c", "pass"], None).rc not in (126, 127)
        ]  # fmt: skip
        if started:
            return False, f"still runs inside the isolation: {started}"
        return True, f"PATH has no python; {len(self.hidden)} Python location(s) hidden"


class Results:
    """Prints each check as it happens and counts failures."""

    def __init__(self) -> None:
        self.passed = 0
        self.failed: list[str] = []

    @property
    def ok(self) -> bool:
        return not self.failed

    def note(self, text: str) -> None:
        print(text, flush=True)

    def expect_probe(self, name: str, ok: bool, detail: str) -> None:
        self._record(name, ok, detail, [])

    def expect(self, name: str, run: Run, ok: bool, detail: str) -> None:
        problems = []
        if run.expected_rc is not None and run.rc != run.expected_rc:
            problems.append(f"exit status {run.rc}, expected {run.expected_rc}")
        if "Traceback (most recent call last)" in run.stdout + run.stderr:
            problems.append("printed a Python traceback")
        if not ok:
            problems.append(f"output check failed: {detail}")
        lines = [f"  command: {' '.join(run.cmd)}"] if problems else []
        if problems or run.stderr.strip():
            lines += [f"  stdout: {line}" for line in run.stdout.strip().splitlines()[-8:]]
            lines += [f"  stderr: {line}" for line in run.stderr.strip().splitlines()[-12:]]
        self._record(name, not problems, "; ".join(problems) or detail, lines, run.seconds)

    def _record(
        self, name: str, ok: bool, detail: str, lines: list[str], seconds: float | None = None
    ) -> None:
        if ok:
            self.passed += 1
        else:
            self.failed.append(name)
        took = f" ({seconds:.2f} s)" if seconds is not None else ""
        print(f"{'PASS' if ok else 'FAIL'}  {name}{took}: {detail}", flush=True)
        for line in lines:
            print(line, flush=True)

    def finish(self) -> int:
        if self.failed:
            print("FAILED smoke steps: " + ", ".join(self.failed))
        print(f"smoke: {self.passed} passed, {len(self.failed)} failed")
        return 1 if self.failed else 0


def check_png(path: Path, min_size: tuple[int, int]) -> str:
    """'' when `path` is a PNG of at least `min_size` that is not blank, else the reason."""
    if not path.is_file() or not path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
        return f"{path.name} was not written as a PNG"
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    width, height = image.width(), image.height()
    if width < min_size[0] or height < min_size[1]:
        return f"{width}×{height} is smaller than {min_size[0]}×{min_size[1]}"
    colours = Counter(
        image.pixel(x * width // 160, y * height // 100) for x in range(160) for y in range(100)
    )
    share = colours.most_common(1)[0][1] / sum(colours.values())
    if len(colours) < 4 or share > 0.995:  # a blank or single-colour window
        return f"looks blank: {len(colours)} colours, {share:.0%} of it one colour"
    return ""


def bundle_size(bundle: Path) -> str:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    apparent = sum(p.stat().st_size for p in files)
    disk = sum(getattr(p.stat(), "st_blocks", 0) * 512 for p in files) or apparent
    return (
        f"bundle size: {disk / 2**20:.0f} MiB on disk ({apparent / 2**20:.0f} MiB in "
        f"{len(files)} files)"
    )
