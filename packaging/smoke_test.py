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
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from make_version_info import project_version
from smoke_bundle import check_contents, check_notices
from smoke_desktop import (
    check_linux_install,
    check_platform_libraries,
    check_x11,
    required_glibc,
    window_timer,
    x11_tools_missing,
    xvfb,
)
from smoke_support import Isolation, Results, bundle_size, check_png
from smoke_timing import process_timer, timing_table

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


def retired_ids(stdout: str) -> list[str] | None:
    try:
        return [r["id"] for r in json.loads(stdout)["retired"]]
    except (ValueError, KeyError, TypeError):
        return None


def check_optimiser(iso: Isolation, res: Results, cli: Path, plan: Path, out: Path) -> None:
    """`reduce` runs HiGHS through highspy and numpy: their native libraries must be there.

    Large models are solved in a child process, which the frozen app starts as itself with
    a hidden argument: forced here for every solve, it must give the same proposal.
    """
    target, child = out / "reduced.govplan", out / "reduced-in-child.govplan"
    cmd = [cli, "reduce", plan, "--budget", "-10%", "--format", "json", "-o"]
    run = iso.run([*cmd, target], timeout=180)
    res.expect("reduce (the HiGHS optimiser)", run, target.is_file(), "writes a proposal")
    env = {**iso.env, "GOVPLANNER_SOLVE_ISOLATE_COLUMNS": "0"}
    in_child = iso.run_plain([*iso.prefix, *cmd, child], env, timeout=180)
    in_child.cmd = ["GOVPLANNER_SOLVE_ISOLATE_COLUMNS=0", *(str(c) for c in cmd), str(child)]
    expected = retired_ids(run.stdout)
    same = child.is_file() and expected is not None and retired_ids(in_child.stdout) == expected
    res.expect("reduce solved in the optimiser's child process", in_child, same,
               "the same proposal as solved in process")  # fmt: skip


def check_screenshots(iso: Isolation, res: Results, app: Path, plan: Path, out: Path) -> None:
    shots = []
    for label, extra in (("with the example plan", [plan]), ("welcome state", [])):
        target = out / f"screenshot {label}.png"
        run = iso.run([app, "--screenshot", target, *extra], timeout=120)
        verdict = check_png(target, min_size=(1280, 800))
        res.expect(f"--screenshot {label}", run, verdict == "", verdict or "non-blank PNG")
        shots.append(target.read_bytes() if target.is_file() else b"")
    differ = all(shots) and shots[0] != shots[1]
    detail = "it does" if differ else "the two images are missing or identical"
    res.expect_probe("the plan's screenshot differs from the welcome state", differ, detail)


def smoke(bundle: Path, tmp: Path, res: Results, x11: bool) -> Path:
    """Run every check on a relocated copy of the bundle; return that copy."""
    check_notices(res, bundle)
    check_contents(res, bundle)
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
        check_optimiser(iso, res, cli, plans[0], out)
        check_screenshots(iso, res, app, plans[0], out)
    if sys.platform.startswith("linux"):
        check_platform_libraries(res, copy)
        if x11 and plans:
            check_x11(iso, res, app, plans[0])
        check_linux_install(iso, res, copy)
        res.note(required_glibc(copy))
    return copy


def measure(copy: Path, source: Path | None, runs: int, tmp: Path, x11: bool) -> str:
    """Start-up times of the frozen launchers against `source`, on the first example plan."""
    iso = Isolation(tmp)
    plan = bundled_examples(copy)[0]
    cli, app = copy / f"govplanner-cli{EXE}", copy / f"govplanner{EXE}"
    timer = process_timer(iso)
    rows = {
        "--version": (timer, ["--version"]),
        "--screenshot PLAN": (timer, ["--screenshot", tmp / "timing.png", plan]),
    }
    if not (x11 and sys.platform.startswith("linux") and not x11_tools_missing()):
        return timing_table(cli, source, rows, runs)
    with xvfb() as display:
        rows["window shown (X11)"] = (window_timer(iso, display), [plan])
        # The app launcher for the window; the CLI launcher is the same program on Linux.
        return timing_table(app, source, rows, runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO / "dist" / "govplanner")
    parser.add_argument("--source-exe", type=Path, help="govplanner console script to compare with")
    parser.add_argument("--runs", type=int, default=5, help="timed runs per command (median)")
    parser.add_argument("--no-x11", action="store_true", help="skip the Xvfb window check")
    args = parser.parse_args()
    if not (args.bundle / f"govplanner-cli{EXE}").is_file():
        print(f"smoke test: no bundle in {args.bundle}; build it with packaging/build.py")
        return 1
    source = args.source_exe.resolve() if args.source_exe else None
    if source and not source.is_file():
        print(f"smoke test: --source-exe {source} does not exist")
        return 1
    res = Results()
    with tempfile.TemporaryDirectory(prefix="govplanner-smoke-") as name:
        tmp = Path(name)
        started = time.perf_counter()
        copy = smoke(args.bundle.resolve(), tmp, res, x11=not args.no_x11)
        if args.no_x11:
            res.note("NOTE: --no-x11: the app was not shown on an X server")
        res.note(f"smoke steps took {time.perf_counter() - started:.1f} s")
        res.note(bundle_size(args.bundle))
        if res.ok and args.runs > 0:
            res.note(measure(copy, source, args.runs, tmp, x11=not args.no_x11))
    return res.finish()


if __name__ == "__main__":
    os.environ.pop("PYTHONPATH", None)
    sys.exit(main())
