"""Smoke-test the FROZEN bundle in dist/govplanner with no Python reachable; time it against source.

    python packaging/smoke_test.py [dist/govplanner] [--source-exe VENV/bin/govplanner]

Run it with a Python that has govplanner's dependencies (build.py uses its build venv): that
Python only checks the outputs; the bundle itself runs in a clean environment whose PATH holds
no Python and, where `unshare` allows (root on Linux), with every Python installation on the
machine hidden behind empty mounts. Any failed step makes the exit status 1.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import tomllib
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from smoke_support import (
    Isolation,
    Results,
    bundle_size,
    check_png,
    timing_table,
)

REPO = Path(__file__).resolve().parent.parent
IS_WINDOWS = sys.platform == "win32"
EXE = ".exe" if IS_WINDOWS else ""
# Per format: how the file starts, and bytes it must contain (for PDF: an embedded font, which
# proves Qt found fonts from inside the bundle).
ROLE_FORMATS = {
    "docx": (b"PK", b""),
    "pdf": (b"%PDF-", b"/FontFile"),
    "html": (b"", b"</html>"),
    "md": (b"", b""),
}


def project_version() -> str:
    with (REPO / "pyproject.toml").open("rb") as handle:
        return str(tomllib.load(handle)["project"]["version"])


def bundled_examples(bundle: Path) -> list[Path]:
    """The example plans inside the bundle, where the app's Open Example finds them."""
    return sorted((bundle / "_internal" / "govplanner" / "_examples").glob("*.govplan"))


def relocate(bundle: Path, tmp: Path) -> Path:
    """Copy the bundle under a path with a space and a non-ASCII letter, like Program Files."""
    target = tmp / "Program Files é" / "govplanner"
    shutil.copytree(bundle, target, symlinks=True)
    return target


def check_versions(iso: Isolation, res: Results, app: Path, cli: Path) -> None:
    want = project_version()
    run = iso.run([cli, "--version"])
    res.expect("govplanner-cli --version", run, want in run.stdout, f"prints {want}")
    if not IS_WINDOWS:  # the windowed launcher has no stdout on Windows
        run = iso.run([app, "--version"])
        res.expect("govplanner --version (app launcher)", run, want in run.stdout, f"prints {want}")


def check_plans(iso: Isolation, res: Results, cli: Path, plans: list[Path]) -> None:
    for plan in plans:
        run = iso.run([cli, "check", plan, "--fail-on", "never"])
        res.expect(f"check {plan.name}", run, bool(run.stdout.strip()), "prints a report")
    run = iso.run([cli, "check", plans[0], "--format", "json", "--fail-on", "never"])
    try:
        data = json.loads(run.stdout)
        shaped = {"plan", "summary", "findings", "coverage"} <= set(data)
    except ValueError:
        shaped = False
    res.expect(f"check {plans[0].name} --format json", run, shaped, "JSON with the documented keys")
    missing = iso.tmp / "no such plan.govplan"
    run = iso.run([cli, "check", missing], expect_rc=2)
    one_line = len(run.stderr.strip().splitlines()) == 1 and "Traceback" not in run.stderr
    res.expect("check on a missing file", run, one_line, "exit 2 and a one-line error")


def zip_member(path: Path, member: str) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            return member in archive.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


def document_ok(path: Path, start: bytes, inside: bytes) -> bool:
    data = path.read_bytes()
    return len(data) > 200 and data.startswith(start) and inside.lower() in data.lower()


def check_exports(iso: Isolation, res: Results, cli: Path, plan: Path, out: Path) -> None:
    for kind in ("gaps", "register"):
        target = out / f"{kind}.xlsx"
        run = iso.run([cli, "export", kind, plan, "-o", target])
        ok = zip_member(target, "xl/workbook.xml")
        res.expect(f"export {kind}", run, ok, f"{target.name} is an Excel workbook")
    for fmt, (start, inside) in ROLE_FORMATS.items():
        folder = out / f"roles-{fmt}"
        run = iso.run([cli, "export", "roles", plan, "-o", folder, "--format", fmt])
        files = sorted(folder.glob(f"*.{fmt}")) if folder.is_dir() else []
        ok = bool(files) and all(document_ok(f, start, inside) for f in files)
        if fmt == "docx":
            ok = ok and all(zip_member(f, "word/document.xml") for f in files)
        res.expect(f"export roles --format {fmt}", run, ok, f"{len(files)} .{fmt} file(s)")


def check_screenshots(iso: Isolation, res: Results, app: Path, plan: Path, out: Path) -> None:
    shots = []
    for label, extra in (("with the example plan", [plan]), ("welcome state", [])):
        target = out / f"screenshot {label}.png"
        run = iso.run([app, "--screenshot", target, *extra], timeout=120)
        verdict = check_png(target, min_size=(1280, 800))
        res.expect(f"--screenshot {label}", run, verdict == "", verdict or "non-blank PNG")
        shots.append(target.read_bytes() if target.is_file() else b"")
    differ = shots[0] != shots[1]
    res.expect_probe("the plan's screenshot differs from the welcome state", differ, "it does")


def check_linux_install(iso: Isolation, res: Results, bundle: Path) -> None:
    """install-linux.sh puts the menu entry, MIME type and icons in place, and removes them."""
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
    missing = [str(p.relative_to(home)) for p in wanted if not p.exists()]
    desktop = wanted[0].read_text(encoding="utf-8") if wanted[0].exists() else ""
    ok = not missing and f'Exec="{bundle}/govplanner" %f' in desktop
    globs = share / "mime" / "globs2"
    if shutil.which("update-mime-database"):
        ok = ok and "application/x-govplanner-plan:*.govplan" in globs.read_text(encoding="utf-8")
    res.expect("install-linux.sh", run, ok, f"missing: {missing}" if missing else "all in place")
    run = iso.run_plain(["/bin/sh", bundle / "install-linux.sh", "--uninstall"], env)
    left = [str(p.relative_to(home)) for p in wanted if p.exists() or p.is_symlink()]
    res.expect("install-linux.sh --uninstall", run, not left, f"left behind: {left}")


def smoke(bundle: Path, tmp: Path, res: Results) -> Path:
    """Run every check on a relocated copy of the bundle; return that copy."""
    copy = relocate(bundle, tmp)
    iso = Isolation(tmp)
    res.note(iso.describe())
    res.expect_probe("no Python reachable from the bundle's environment", *iso.probe())
    app, cli = copy / f"govplanner{EXE}", copy / f"govplanner-cli{EXE}"
    plans = bundled_examples(copy)
    res.expect_probe("the bundle carries the examples", bool(plans), f"{len(plans)} plan(s)")
    check_versions(iso, res, app, cli)
    if plans:
        out = tmp / "out"
        out.mkdir()
        check_plans(iso, res, cli, plans)
        check_exports(iso, res, cli, plans[0], out)
        check_screenshots(iso, res, app, plans[0], out)
    if not IS_WINDOWS:
        check_linux_install(iso, res, copy)
    return copy


def measure(copy: Path, source_exe: Path | None, runs: int, tmp: Path) -> str:
    iso = Isolation(tmp)
    plans = bundled_examples(copy)
    shot = tmp / "timing.png"
    commands = {"--version": ["--version"]}
    if plans:
        commands["--screenshot PLAN"] = ["--screenshot", shot, plans[0]]
    return timing_table(iso, copy / f"govplanner-cli{EXE}", source_exe, commands, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO / "dist" / "govplanner")
    parser.add_argument("--source-exe", type=Path, help="govplanner console script to compare with")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (median)")
    args = parser.parse_args()
    if not (args.bundle / f"govplanner-cli{EXE}").is_file():
        print(f"smoke test: no bundle in {args.bundle}; build it with packaging/build.py")
        return 1
    res = Results()
    with tempfile.TemporaryDirectory(prefix="govplanner-smoke-") as name:
        tmp = Path(name)
        started = time.perf_counter()
        copy = smoke(args.bundle.resolve(), tmp, res)
        res.note(f"smoke steps took {time.perf_counter() - started:.1f} s")
        res.note(bundle_size(args.bundle))
        if res.ok and args.runs > 0:
            res.note(measure(copy, args.source_exe, args.runs, tmp))
    return res.finish()


if __name__ == "__main__":
    os.environ.pop("PYTHONPATH", None)
    sys.exit(main())
