"""The editor tables over a big plan: first paint and sort per column.

``python -m benchmarks.gui.tables PLAN.govplan``. Each table (committees, roles, people) is
built the way the app builds it (``govplanner.gui.models.collections`` models in a
``TablePage``), shown, and timed from model creation to its first painted rows; then each
column is sorted the way a click on its header sorts (the header's sort indicator changes and
the view asks the model to sort once; ``QTableView.sortByColumn`` would sort twice) and timed
until the rows are repainted.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from benchmarks.gui import common


def _page(kind: str, document: Any, undo: Any, lookup: Any) -> Any:
    """The app's table page for ``kind`` (its model, view and detail form)."""
    from PySide6.QtGui import QAction

    from govplanner.gui.forms.committee_form import CommitteeForm
    from govplanner.gui.forms.person_form import PersonForm
    from govplanner.gui.forms.role_form import RoleForm
    from govplanner.gui.models import collections
    from govplanner.gui.table_page import TablePage

    factory, form_class = {
        "committees": (collections.committees_model, CommitteeForm),
        "roles": (collections.roles_model, RoleForm),
        "people": (collections.people_model, PersonForm),
    }[kind]
    model = factory(document, undo, lookup)
    form = form_class(document, undo, lookup)
    page = TablePage(kind, model, form, QAction("Add"), QAction("Delete"))
    page.resize(1400, 800)
    return page


def _table(kind: str, document: Any, undo: Any, lookup: Any) -> dict[str, Any]:
    from PySide6.QtCore import Qt

    start = time.perf_counter()
    page = _page(kind, document, undo, lookup)
    watch = common.PaintWatch(page.view.viewport())
    page.show()
    watch.wait()
    first_paint = time.perf_counter() - start
    sorts = {}
    for column in range(page.model.columnCount()):
        header = str(page.model.headerData(column, Qt.Orientation.Horizontal))
        start = time.perf_counter()
        page.view.horizontalHeader().setSortIndicator(column, Qt.SortOrder.AscendingOrder)
        watch.wait()
        sorts[header] = time.perf_counter() - start
    page.hide()
    page.deleteLater()
    common.settle()
    return {"rows": page.model.rowCount(), "first_paint": first_paint, "sort": sorts}


def main(path: str) -> int:
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from govplanner.domain.document import PlanDocument
    from govplanner.files.planfile import load_plan
    from govplanner.gui.models.lookup import Lookup

    app = QApplication(sys.argv[:1])
    document = PlanDocument(plan=load_plan(path))
    undo = QUndoStack()
    lookup = Lookup(document)
    tables = {
        kind: _table(kind, document, undo, lookup) for kind in ("committees", "roles", "people")
    }
    common.report(tables=tables, rss_mb=common.peak_rss_mb())
    app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
