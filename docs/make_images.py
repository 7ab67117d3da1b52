"""Re-shoot the README's screenshots from the fictional examples.

Run from the repository (any working directory will do)::

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_images.py

It starts the app as ``govplanner`` does (``govplanner.gui.app.main``), with its settings,
autosaved copies and lock files kept in a temporary folder, opens copies of the examples there,
and writes into docs/images/:

- coverage.png, diagram.png, roles.png: examples/cluster-example.govplan at 1440×900;
- compare.png: the same plan against the proposal ``govplanner reduce … --budget -20%`` makes;
- laptop.png: the coverage tab on a 1366×768 laptop screen at 125 % (1093×614 logical pixels),
  shot by a second run of this script with ``QT_SCALE_FACTOR=1.25``.

Each picture opens the plan afresh and selects something worth seeing: a heatmap cell with a
gap, the worst committee on the diagram, a role whose holder has a finding (and that finding),
a removed role with the proposal's reasons. ``--only NAME[,NAME…]`` re-shoots some of them;
``--out FOLDER`` writes elsewhere. If a tab or widget the pictures rely on is missing, it says
which and exits with 1, and no picture is changed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "cluster-example.govplan"
IMAGES = ROOT / "docs" / "images"
#: name -> logical window size; laptop.png is shot at 125 % by a second process
SIZES = {
    "coverage": (1440, 900),
    "diagram": (1440, 900),
    "roles": (1440, 900),
    "compare": (1440, 900),
    "laptop": (1093, 614),
}
SCALED = {"laptop": "1.25"}
#: the proposal's file name, as the Compare tab's heading shows it
PROPOSAL = "cluster-example-proposed.govplan"


class MissingPartError(Exception):
    """A tab or widget the pictures rely on is not where the script expects it."""


def need(thing: Any, what: str) -> Any:
    """``thing``, or stop with 'cannot find ``what``' if it is None or empty."""
    if thing is None or thing == []:
        raise MissingPartError(what)
    return thing


def part(owner: Any, name: str, what: str) -> Any:
    """``owner.name``, or stop with 'cannot find ``what``'."""
    return need(getattr(owner, name, None), what)


# -- driving the window ---------------------------------------------------------------------


def settle(rounds: int = 8) -> None:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    for _ in range(rounds):
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)


def wait_for(test: Callable[[], Any], what: str, rounds: int = 200) -> Any:
    for _ in range(rounds):
        result = test()
        if result:
            return result
        settle(1)
    raise MissingPartError(what)


def main_window() -> Any:
    from PySide6.QtWidgets import QApplication

    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and getattr(widget, "attached", False):
            return widget
    return None


def tab(window: Any, *path: str) -> Any:
    """Show the editor tab at ``window.path…`` (e.g. "planning", "compare") and return it."""
    tabs = part(window, "tabs", "the window's tabs")
    widget = window
    for name in path:
        widget = part(widget, name, f"the {path[-1].capitalize()} tab")
    if tabs.indexOf(widget) < 0:
        raise MissingPartError(f"the {path[-1].capitalize()} tab among the window's tabs")
    tabs.setCurrentWidget(widget)
    return widget


def open_plan(window: Any, path: Path, size: tuple[int, int]) -> None:
    """Open ``path`` as File ▸ Open does, in a window of ``size`` (logical pixels)."""
    window.resize(*size)
    settle()
    files = part(window, "files", "the window's file operations")
    if not files.open_path(str(path), ask=False):
        raise MissingPartError(f"the plan {path.name} open in the window")
    live = part(window, "live", "the window's live analysis")
    wait_for(lambda: window.plan_open and not live.is_stale(), "the plan's analysis")
    settle()
    findings = part(window, "findings", "the findings panel")
    part(findings, "view", "the findings panel's list").clearSelection()  # none kept


def save(window: Any, out: Path) -> None:
    settle()
    if not window.grab().toImage().save(str(out), "PNG"):
        raise OSError(f"cannot write {out}")


# -- the pictures ---------------------------------------------------------------------------


def first_gap(coverage: Any) -> Any:
    """The heatmap's first cell where no committee that needs the function has it."""
    model = part(coverage, "model", "the coverage heatmap's model")
    partial = None
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            cell = model.cell(row, column)
            if cell.required and cell.covered == 0:
                return model.index(row, column)
            if partial is None and cell.required and cell.covered < cell.required:
                partial = model.index(row, column)
    return need(partial, "a heatmap cell with a gap")


def shoot_coverage(window: Any, out: Path) -> None:
    coverage = tab(window, "coverage")
    table = part(coverage, "table", "the coverage heatmap")
    table.setCurrentIndex(first_gap(coverage))
    table.setFocus()
    save(window, out)


def worst_committee(window: Any) -> str:
    """The id of the committee with the most critical findings."""
    counts: dict[str, int] = {}
    for finding in window.live.analysis.findings:
        if finding.subject_kind.value == "committee" and finding.severity.value == "critical":
            counts[finding.subject_id] = counts.get(finding.subject_id, 0) + 1
    need(counts or None, "a committee with a critical finding")
    return max(counts, key=lambda cid: counts[cid])


def shoot_diagram(window: Any, out: Path) -> None:
    """Every tier at the largest zoom that shows them all (fitted whole, this cluster's cards
    would be too small to read), from the left, with the worst committee selected."""
    diagram = tab(window, "diagram")
    settle()
    scene, viewport = diagram.sceneRect(), diagram.viewport()
    need(scene.height() > 0 or None, "the diagram's committees")
    diagram.reset_zoom()
    settle()
    diagram.zoom_by(min(1.0, (viewport.height() - 2) / scene.height()))
    if not diagram.select_committee(worst_committee(window)):
        raise MissingPartError("the committee with the most critical findings in the diagram")
    settle()
    for bar in (diagram.horizontalScrollBar(), diagram.verticalScrollBar()):
        bar.setValue(bar.minimum())  # the legend and the tiers' names in view
    save(window, out)


def role_with_finding(window: Any) -> tuple[Any, Any]:
    """(role, finding): a role whose holder has more sessions than capacity (or any finding
    about a person who holds a role), so the roles tab and the findings agree."""
    plan = window.document.plan
    findings = [f for f in window.live.analysis.findings if f.subject_kind.value == "person"]
    findings.sort(key=lambda f: f.code != "LOD001")
    for finding in findings:
        held = [r for r in plan.roles if r.holder_id == finding.subject_id]
        if held:
            return held[-1], finding
    raise MissingPartError("a role whose holder has a finding")


def shoot_roles(window: Any, out: Path) -> None:
    role, finding = role_with_finding(window)
    tab(window, "roles")
    window.select_subject("role", role.id)
    if not window.findings.select_key(finding.key):
        raise MissingPartError(f"the finding about {finding.subject} in the findings panel")
    settle()  # the finding's detail shows beneath the list, which then keeps it in view
    view = window.findings.view
    view.scrollTo(view.currentIndex(), view.ScrollHint.PositionAtCenter)
    save(window, out)


def show_whole_grid(compare: Any) -> None:
    """Give the before/after grid room for every tier (its share of the splitter leaves the
    last tier under a scroll bar at 1440×900), the lists below the rest."""
    from PySide6.QtWidgets import QSplitter

    grid = part(compare, "grid", "the Compare tab's coverage grid")
    split = need(compare.body.findChild(QSplitter), "the Compare tab's splitter")
    rows = grid.verticalHeader()
    wanted = grid.horizontalHeader().height() + 2 * grid.frameWidth() + 4
    wanted += rows.minimumSectionSize() * grid.model().rowCount()
    split.setSizes([wanted, max(0, sum(split.sizes()) - wanted)])


def removed_with_reasons(compare: Any) -> Any:
    """A removed item whose reasons are shown beneath it: of those with three or more, the
    one with fewest (so the picture has room for the other removed items)."""
    tree = part(compare, "structure", "the Compare tab's structural changes")
    removed = []
    for group in range(tree.topLevelItemCount()):
        kind = tree.topLevelItem(group)
        rows = [kind.child(i) for i in range(kind.childCount())]
        removed += [r for r in rows if "Removed" in r.text(0) and r.text(3).startswith("Why:")]
    need(removed or None, "a removed item with its reasons ('Why:') in the Compare tab")
    for row in removed:
        row.setExpanded(False)
    return min(removed, key=lambda r: (r.childCount() < 3, r.childCount()))


def shoot_compare(window: Any, out: Path, proposal: Path) -> None:
    compare = tab(window, "planning", "compare")
    compare.set_target(proposal, swapped=True)  # today's plan before, the proposal after
    wait_for(lambda: compare.comparison is not None, "the comparison")
    settle()
    show_whole_grid(compare)
    removed = removed_with_reasons(compare)
    removed.setExpanded(True)
    compare.structure.setCurrentItem(removed)
    compare.structure.setFocus()
    save(window, out)


# -- one run of the app ---------------------------------------------------------------------


def take(window: Any, name: str, plans: Path, out: Path) -> None:
    open_plan(window, plans / EXAMPLE.name, SIZES[name])
    target = out / f"{name}.png"
    if name == "diagram":
        shoot_diagram(window, target)
    elif name == "roles":
        shoot_roles(window, target)
    elif name == "compare":
        shoot_compare(window, target, plans / PROPOSAL)
    else:  # coverage, laptop
        shoot_coverage(window, target)


def shoot(names: list[str], plans: Path, out: Path) -> int:
    """Start the app as ``govplanner`` does, take the pictures ``names``, close it; the exit
    code. The app's event loop is replaced by this script, which runs the events itself."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from govplanner.gui import app

    # Recent files and window layout go to the temporary folder, on every system.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(plans.parent))

    def run_shots(_app: Any) -> int:
        try:
            window = wait_for(main_window, "the main window")
            for name in names:
                take(window, name, plans, out)
            window.undo_stack.setClean()
            window.close()
            settle()
            return 0
        except MissingPartError as exc:
            print(f"make_images: cannot find {exc}; the app has changed, so update "
                  "docs/make_images.py to match it.", file=sys.stderr)  # fmt: skip
        except Exception:  # said here, never left to the app's crash dialog (offscreen)
            traceback.print_exc()
        return 1

    QApplication.exec = run_shots  # type: ignore[method-assign,assignment]
    return app.main()


# -- the whole run --------------------------------------------------------------------------


def prepare(folder: Path) -> Path:
    """Copies of the example and its -20 % proposal in ``folder``/Plans."""
    plans = folder / "Plans"
    plans.mkdir()
    shutil.copy2(EXAMPLE, plans / EXAMPLE.name)
    command = [sys.executable, "-m", "govplanner", "reduce", str(plans / EXAMPLE.name)]
    command += ["--budget", "-20%", "-o", str(plans / PROPOSAL)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"make_images: govplanner reduce failed:\n{done.stderr}", file=sys.stderr)
        raise SystemExit(1)
    return plans


def environment(folder: Path, scale: str | None) -> dict[str, str]:
    """Offscreen, at ``scale``, with the app's settings and autosaves in ``folder``."""
    env = dict(os.environ, GOVPLANNER_DATA_DIR=str(folder / "appdata"))
    env["XDG_CONFIG_HOME"] = str(folder / "config")
    env["QT_QPA_PLATFORM"] = "offscreen"  # the same pictures whatever the desktop
    env.pop("QT_SCALE_FACTOR", None)
    if scale is not None:
        env["QT_SCALE_FACTOR"] = scale
    return env


def run(names: list[str], out: Path) -> int:
    """Take the pictures in child runs; copy them to ``out`` only if every one was taken."""
    with tempfile.TemporaryDirectory(prefix="govplanner-images-") as tmp:
        folder = Path(tmp)
        prepare(folder)
        shots = folder / "images"
        shots.mkdir()
        groups = [[n for n in names if n not in SCALED]] + [[n] for n in names if n in SCALED]
        for group in filter(None, groups):
            command = [sys.executable, __file__, "--only", ",".join(group), "--work", tmp]
            env = environment(folder, SCALED.get(group[0]))
            if subprocess.run(command, env=env, check=False).returncode != 0:
                print("make_images: no picture was changed.", file=sys.stderr)
                return 1
        for name in names:
            shutil.copyfile(shots / f"{name}.png", out / f"{name}.png")
            print(f"wrote {out / f'{name}.png'}")
        return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SIZES), help="pictures to take")
    parser.add_argument("--out", type=Path, default=IMAGES, help="folder to write them in")
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)  # a child run's folder
    args = parser.parse_args(argv)
    names = [n.strip() for n in args.only.split(",") if n.strip()]
    unknown = sorted(set(names) - set(SIZES))
    if unknown:
        parser.error(f"no such picture: {', '.join(unknown)} (there are {', '.join(SIZES)})")
    if args.work is not None:  # a child run: the plans are ready, the environment set
        return shoot(names, args.work / "Plans", args.work / "images")
    args.out.mkdir(parents=True, exist_ok=True)
    return run(names, args.out.resolve())


if __name__ == "__main__":
    sys.exit(main())
