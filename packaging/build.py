"""Build the desktop bundle dist/govplanner/ and smoke-test it: one command, Linux or Windows.

    python3 packaging/build.py            (Windows: py -3.11 packaging\\build.py)

Creates (or reuses) a build venv in build/pkgvenv, installs govplanner from this checkout and
the tools in packaging/requirements.txt into it, runs PyInstaller on packaging/govplanner.spec,
then runs packaging/smoke_test.py on the frozen result. Exit status 0 only if all of it worked.
Options: --venv DIR, --skip-smoke, --runs N (timed runs, 0 = none), --archive (zip/tar.gz too),
--no-x11 (Linux: skip showing the app on Xvfb; otherwise xvfb and x11-utils must be installed).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

PACKAGING = Path(__file__).resolve().parent
REPO = PACKAGING.parent
IS_WINDOWS = sys.platform == "win32"


def step(title: str) -> None:
    print(f"\n=== {title} ===", flush=True)


def run(cmd: list[str | Path], **kwargs: object) -> None:
    """Run a command from the repo root; any failure stops the build with its exit status."""
    shown = ["<script>" if "\n" in str(c) else str(c) for c in cmd]
    print("+ " + " ".join(shown), flush=True)
    done = subprocess.run([str(c) for c in cmd], cwd=REPO, check=False, **kwargs)  # type: ignore[call-overload]
    if done.returncode != 0:
        raise SystemExit(f"build.py: command failed with exit status {done.returncode}")


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if IS_WINDOWS else "bin/python")


def prepare_venv(venv: Path) -> Path:
    """A venv with PyInstaller and a fresh, non-editable install of this checkout."""
    python = venv_python(venv)
    if not python.exists():
        run([sys.executable, "-m", "venv", venv])
    env = {**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    run([python, "-m", "pip", "install", "-q", "-r", PACKAGING / "requirements.txt"], env=env)
    if not IS_WINDOWS:  # lets Linux check the Windows version resource; Windows has it already
        run([python, "-m", "pip", "install", "-q", "pefile>=2023.2.7"], env=env)
    with (REPO / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    run([python, "-m", "pip", "install", "-q", *dependencies], env=env)
    # Non-editable and always fresh, so the wheel's layout (govplanner/_templates) is frozen.
    run([python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", "."], env=env)
    return python


VERSION_CHECK = """
import sys
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import PyInstaller.compat
if not hasattr(PyInstaller.compat, "win32api"):
    PyInstaller.compat.win32api = None  # only needed to write into an .exe, not to parse
from PyInstaller.utils.win32.versioninfo import load_version_info_from_text_file
from make_version_info import write_version_info
info = load_version_info_from_text_file(write_version_info(Path(sys.argv[2])))
ffi = info.ffi
numbers = [ffi.fileVersionMS >> 16, ffi.fileVersionMS & 0xFFFF]
numbers += [ffi.fileVersionLS >> 16, ffi.fileVersionLS & 0xFFFF]
print(f"version resource parses and serialises: {len(info.toRaw())} bytes, version {numbers}")
"""


def check_version_resource(python: Path) -> None:
    """Parse and serialise the generated Windows version resource as PyInstaller does on Windows."""
    target = REPO / "build" / "pyinstaller" / "version-check.txt"
    run([python, "-c", VERSION_CHECK, PACKAGING, target])


def freeze(python: Path) -> Path:
    dist = REPO / "dist"
    options = ["--noconfirm", "--clean", "--log-level", "WARN", "--distpath", dist]
    options += ["--workpath", REPO / "build" / "pyinstaller"]
    run([python, "-m", "PyInstaller", *options, PACKAGING / "govplanner.spec"])
    return dist / "govplanner"


def archive(bundle: Path) -> Path:
    """dist/govplanner-VERSION-OS-ARCH.zip on Windows, .tar.gz elsewhere (keeps exec bits)."""
    with (REPO / "pyproject.toml").open("rb") as handle:
        version = tomllib.load(handle)["project"]["version"]
    stem = f"govplanner-{version}-{platform.system().lower()}-{platform.machine().lower()}"
    if IS_WINDOWS:
        return Path(
            shutil.make_archive(str(bundle.parent / stem), "zip", bundle.parent, bundle.name)
        )
    target = bundle.parent / f"{stem}.tar.gz"
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname="govplanner")
    return target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--venv", type=Path, default=REPO / "build" / "pkgvenv", help="default: build/pkgvenv"
    )
    parser.add_argument("--skip-smoke", action="store_true", help="build only")
    parser.add_argument("--runs", type=int, default=5, help="timed start-ups per command")
    parser.add_argument("--archive", action="store_true", help="also pack the bundle for release")
    parser.add_argument("--no-x11", action="store_true", help="smoke test without Xvfb")
    args = parser.parse_args()
    started = time.perf_counter()
    step(f"build venv {args.venv}")
    python = prepare_venv(args.venv.resolve())
    step("Windows version resource from pyproject.toml")
    check_version_resource(python)
    step("PyInstaller")
    bundle = freeze(python)
    print(f"built {bundle} in {time.perf_counter() - started:.0f} s", flush=True)
    if args.archive:
        print(f"archive: {archive(bundle)}")
    if not args.skip_smoke:
        step("smoke test of the frozen bundle")
        source = args.venv.resolve() / (
            "Scripts/govplanner.exe" if IS_WINDOWS else "bin/govplanner"
        )
        smoke = [PACKAGING / "smoke_test.py", bundle, "--source-exe", source]
        run([python, *smoke, "--runs", str(args.runs), *(["--no-x11"] if args.no_x11 else [])])
    print(f"\nbuild.py: done in {time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
