"""Build the desktop bundle dist/govplanner/ and smoke-test it: one command, Linux or Windows.

    python3 packaging/build.py            (Windows: py -3.11 packaging\\build.py)

Copies the files git knows (tracked, and new files not ignored) to build/source, so nothing an
earlier build left in the tree (build/lib, egg-info, deleted modules) can reach the bundle;
creates (or reuses) a build venv in build/pkgvenv with the tools in packaging/requirements.txt
at the exact versions of packaging/constraints.txt; installs govplanner from that clean copy;
runs PyInstaller on the copy's govplanner.spec (which writes THIRD-PARTY-NOTICES.txt and
BUILD-VERSIONS.txt into the bundle); then runs packaging/smoke_test.py on the frozen result.
Exit status 0 only if all of it worked.
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


def clean_source() -> Path:
    """build/source: a fresh copy of exactly the files git knows in this checkout."""
    target = REPO / "build" / "source"
    if target.exists():
        shutil.rmtree(target)
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=REPO, capture_output=True, check=False,
    )  # fmt: skip
    if listed.returncode != 0:
        raise SystemExit("build.py: builds from the files git knows; run it in a git checkout")
    names = [n for n in listed.stdout.decode("utf-8").split("\0") if n]
    for name in names:
        source = REPO / name
        if source.is_file():  # a deleted file is still listed until the deletion is staged
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    print(f"copied {len(names)} files to {target}", flush=True)
    return target


def prepare_venv(venv: Path, source: Path) -> Path:
    """A venv with the pinned build tools and a fresh, non-editable install of ``source``."""
    python = venv_python(venv)
    if not python.exists():
        run([sys.executable, "-m", "venv", venv])
    # The constraints pin the build tools, here and inside pip's isolated build of the wheel.
    env = {
        **os.environ,
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "PIP_CONSTRAINT": str(PACKAGING / "constraints.txt"),
    }
    tools = ["-r", PACKAGING / "requirements.txt"]
    if not IS_WINDOWS:  # lets Linux check the Windows version resource; Windows has it already
        tools.append("pefile")
    run([python, "-m", "pip", "install", "-q", *tools], env=env)
    with (REPO / "pyproject.toml").open("rb") as handle:
        dependencies = tomllib.load(handle)["project"]["dependencies"]
    run([python, "-m", "pip", "install", "-q", *dependencies], env=env)
    # Non-editable and always fresh, so the wheel's layout (govplanner/_templates) is frozen.
    run([python, "-m", "pip", "install", "-q", "--force-reinstall", "--no-deps", source], env=env)
    return python


def project_version() -> str:
    sys.path.insert(0, str(PACKAGING))
    try:
        from make_version_info import project_version as read_version
    finally:
        sys.path.remove(str(PACKAGING))
    return str(read_version())


def write_installer_version() -> Path:
    """build/version.iss, which the Inno Setup script includes: the version in one place."""
    target = REPO / "build" / "version.iss"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(f'#define AppVersion "{project_version()}"\n', encoding="utf-8")
    return target


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


def freeze(python: Path, source: Path) -> Path:
    dist = REPO / "dist"
    work = REPO / "build" / "pyinstaller"
    for stale in (dist / "govplanner", work):  # nothing from an earlier build survives
        if stale.exists():
            shutil.rmtree(stale)
    options = ["--noconfirm", "--clean", "--log-level", "WARN", "--distpath", dist]
    options += ["--workpath", work]
    run([python, "-m", "PyInstaller", *options, source / "packaging" / "govplanner.spec"])
    return dist / "govplanner"


def archive(bundle: Path) -> Path:
    """dist/govplanner-VERSION-OS-ARCH.zip on Windows, .tar.gz elsewhere (keeps exec bits)."""
    version = project_version()
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
    step("a clean copy of the source")
    source = clean_source()
    step(f"build venv {args.venv}")
    python = prepare_venv(args.venv.resolve(), source)
    step("Windows version resource and installer version")
    check_version_resource(python)
    print(f"installer version: {write_installer_version()}")
    step("PyInstaller")
    bundle = freeze(python, source)
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
