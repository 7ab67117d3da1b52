"""Linux desktop checks for smoke_test.py: Qt's libraries, a real X11 window, install-linux.sh."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from smoke_support import Isolation, Results

# Debian/Ubuntu packages that provide libraries Qt's platform plugins load, for the hint below.
PACKAGE_OF = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libwayland-client.so.0": "libwayland-client0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
}
X11_TOOLS = {"Xvfb": "xvfb", "xwininfo": "x11-utils"}


def check_platform_libraries(res: Results, bundle: Path) -> None:
    """Every library the xcb, wayland and offscreen plugins need is in the bundle or the system.

    A library missing on the build machine is silently left out of the bundle, and the app then
    fails to start on desktops that lack it too; installing it before building bundles it.
    """
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": f"{internal}:{internal / 'PySide6' / 'Qt' / 'lib'}"}
    missing: set[str] = set()
    plugins = sorted((internal / "PySide6" / "Qt" / "plugins" / "platforms").glob("*.so"))
    for plugin in plugins:
        out = subprocess.run(["ldd", plugin], env=env, capture_output=True, text=True, check=False)
        missing.update(re.findall(r"^\s*(\S+) => not found", out.stdout, flags=re.MULTILINE))
    names = [p.name for p in plugins]
    ok = bool(plugins) and not missing
    hint = " ".join(sorted({PACKAGE_OF.get(m, m) for m in missing}))
    detail = f"{', '.join(names)}" if ok else f"missing {sorted(missing)}: apt-get install {hint}"
    res.expect_probe("Qt platform plugins find all their libraries", ok, detail)


def required_glibc(bundle: Path) -> str:
    """The newest glibc symbol version any file in the bundle needs: the oldest Linux it runs on."""
    if not shutil.which("objdump"):
        return "glibc needed: unknown (objdump not installed)"
    newest = (0, 0)
    for path in bundle.rglob("*"):
        if path.is_file() and (".so" in path.name or os.access(path, os.X_OK)):
            out = subprocess.run(
                ["objdump", "-T", path], capture_output=True, text=True, check=False
            )
            for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", out.stdout):
                newest = max(newest, (int(major), int(minor)))
    return f"glibc needed: {newest[0]}.{newest[1]} or later (the build machine's glibc or older)"


@contextlib.contextmanager
def xvfb() -> Iterator[str]:
    """A virtual X server for the duration of the block; yields its DISPLAY."""
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert server.stdout is not None
    number = server.stdout.readline().decode().strip()
    try:
        if not number.isdigit():
            raise RuntimeError("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def x11_tools_missing() -> list[str]:
    return [f"{tool} (apt-get install {pkg})" for tool, pkg in X11_TOOLS.items()
            if not shutil.which(tool)]  # fmt: skip


def _find_window(display: str, seconds: float, poll: float = 0.5) -> str:
    """The xwininfo line of a govplanner top-level window, or '' if none appears in time."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        tree = subprocess.run(
            ["xwininfo", "-root", "-tree", "-display", display],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        for line in tree.stdout.splitlines():
            size = re.search(r"\)\s+(\d+)x(\d+)", line)
            if '("govplanner" "govplanner")' in line and size and int(size.group(1)) >= 800:
                return line.strip()
        time.sleep(poll)
    return ""


def _stop(proc: subprocess.Popen[bytes]) -> bytes:
    """Stop the app and the isolation around it (one process group); return its stderr."""
    for sig, wait in ((signal.SIGTERM, 15), (signal.SIGKILL, 15)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            return proc.communicate(timeout=wait)[1]
        except subprocess.TimeoutExpired:
            continue
    return b"(could not stop the app)"


def check_x11(iso: Isolation, res: Results, app: Path, plan: Path) -> None:
    """The app opens a real window on an X server (Xvfb) through Qt's xcb plugin."""
    absent = x11_tools_missing()
    if absent:
        res.expect_probe("app window on X11", False, f"needs {', '.join(absent)}, or --no-x11")
        return
    with xvfb() as display:
        env = {**iso.env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        started = time.perf_counter()
        proc = iso.start([app, plan], env)
        window = _find_window(display, seconds=60)
        seconds = time.perf_counter() - started
        alive = proc.poll() is None
        err = _stop(proc)
    ok = bool(window) and alive and b"Traceback" not in err
    detail = f"window after {seconds:.1f} s: {window}" if ok else f"no window; {err[-600:]!r}"
    res.expect_probe("app window on X11 (xcb plugin, Xvfb)", ok, detail)


def window_timer(iso: Isolation, display: str) -> Callable[[list], float]:
    """Seconds from starting the app until its main window is on the X server."""
    env = {**iso.env, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}

    def timer(cmd: list) -> float:
        started = time.perf_counter()
        proc = iso.start(cmd, env, isolated=False)
        window = _find_window(display, seconds=60, poll=0.02)
        seconds = time.perf_counter() - started
        err = _stop(proc)
        if not window:
            raise SystemExit(f"no window from {cmd}: {err[-600:]!r}")
        return seconds

    return timer


def check_linux_install(iso: Isolation, res: Results, bundle: Path) -> None:
    """install-linux.sh installs a valid menu entry, the MIME type and icons, and removes them."""
    tools = {
        "update-mime-database": "shared-mime-info",
        "desktop-file-validate": "desktop-file-utils",
    }
    absent = [
        f"{tool} (apt-get install {pkg})" for tool, pkg in tools.items() if not shutil.which(tool)
    ]
    if absent:
        res.expect_probe("install-linux.sh", False, f"needs {', '.join(absent)}")
        return
    home = iso.tmp / "home-install"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    run = iso.run_plain(["/bin/sh", bundle / "install-linux.sh"], env)
    share = home / ".local" / "share"
    wanted = [
        share / "applications" / "govplanner.desktop",
        share / "mime" / "packages" / "govplanner-mime.xml",
        share / "icons" / "hicolor" / "48x48" / "apps" / "govplanner.png",
        share / "icons" / "hicolor" / "scalable" / "apps" / "govplanner.svg",
        home / ".local" / "bin" / "govplanner",
    ]
    problems = [f"missing {p.relative_to(home)}" for p in wanted if not p.exists()]
    if not problems:
        problems += _installed_problems(bundle, share)
        linked = iso.run([home / ".local" / "bin" / "govplanner-cli", "--version"])
        if linked.rc != 0 or "govplanner" not in linked.stdout:
            problems.append(f"~/.local/bin/govplanner-cli does not run: {linked.stderr.strip()}")
    res.expect("install-linux.sh", run, not problems, "; ".join(problems) or "all in place")
    run = iso.run_plain(["/bin/sh", bundle / "install-linux.sh", "--uninstall"], env)
    left = [str(p.relative_to(home)) for p in wanted if p.exists() or p.is_symlink()]
    res.expect("install-linux.sh --uninstall", run, not left, f"left behind: {left}")


def _installed_problems(bundle: Path, share: Path) -> list[str]:
    """What is wrong with the installed menu entry and file type."""
    problems = []
    entry = share / "applications" / "govplanner.desktop"
    if f'Exec="{bundle}/govplanner" %f' not in entry.read_text(encoding="utf-8"):
        problems.append("the menu entry does not run the bundle")
    check = subprocess.run(["desktop-file-validate", entry], capture_output=True, text=True)
    if check.returncode != 0 or check.stdout.strip():
        problems.append(f"desktop-file-validate: {check.stdout.strip()}")
    globs = (share / "mime" / "globs2").read_text(encoding="utf-8")
    if "application/x-govplanner-plan:*.govplan" not in globs:
        problems.append("*.govplan is not registered as application/x-govplanner-plan")
    return problems
