"""What every detail form shares: the item it shows, reloading on change, committing edits."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QFormLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from govplanner.domain.document import Change, Kind, PlanDocument
from govplanner.gui import commands
from govplanner.gui.forms.widgets import CommitTextEdit, IdComboBox
from govplanner.gui.models.lookup import Lookup
from govplanner.gui.wording import UiWords, ui_words

W = TypeVar("W", bound=QWidget)


def add_row(
    form: QFormLayout, label: str, widget: W, tip: str = "", words: UiWords | None = None
) -> W:
    """Add a labelled field: the label is its buddy and its text is the accessible name.

    With ``words``, ``label`` and ``tip`` are templates in the plan's words ("&{Tier}:").
    """
    caption = QLabel(form.parentWidget())
    caption.setBuddy(widget)
    name = label.replace("&", "").rstrip(":")
    if words is None:
        caption.setText(label)
        widget.setAccessibleName(name)
    else:
        words.bind(caption, "setText", label)
        words.bind(widget, "setAccessibleName", name)
    if tip:
        if words is None:
            widget.setToolTip(tip)
            widget.setAccessibleDescription(tip)
        else:
            words.bind(widget, "setToolTip", tip)
            words.bind(widget, "setAccessibleDescription", tip)
    form.addRow(caption, widget)
    return widget


def set_combo(combo: IdComboBox, entries: list[tuple[str, Any]], current: Any) -> None:
    """Refill a combo box with (text, id) entries and select the one holding ``current``."""
    combo.set_entries(entries, current)


def show_text(edit: QLineEdit, value: str) -> None:
    """Show ``value`` unless the box already says it (give or take the spaces being typed)."""
    if edit.text().strip() != value.strip():
        edit.setText(value)


def hint_label(parent: QWidget, text: str = "") -> QLabel:
    """A quiet, wrapping note under a field."""
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setEnabled(False)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def wrap_long_rows(body: QWidget) -> list[QFormLayout]:
    """A row too wide for a narrow pane puts its field under its label, so the form reflows
    instead of running off the right edge (a laptop at 125 %). Returns the forms that reflow
    (not those that always put labels above)."""
    forms = []
    for form in body.findChildren(QFormLayout):
        if form.rowWrapPolicy() != QFormLayout.RowWrapPolicy.WrapAllRows:
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            forms.append(form)
    return forms


def label_width(form: QFormLayout) -> int:
    """The width of the form's widest label."""
    widest = 0
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
        if item is not None and item.widget() is not None:
            widest = max(widest, item.sizeHint().width())
    return widest


def reflow(forms: list[QFormLayout], width: int) -> None:
    """Labels above their fields where the labels would take over 40 % of a narrow pane."""
    for form in forms:
        above = label_width(form) > 0.4 * width
        wanted = QFormLayout.RowWrapPolicy.WrapAllRows if above else WRAP_LONG
        if form.rowWrapPolicy() != wanted:
            form.setRowWrapPolicy(wanted)


WRAP_LONG = QFormLayout.RowWrapPolicy.WrapLongRows


class DetailForm(QWidget):
    """A form for one item of ``kind``; shows a hint when nothing is selected."""

    #: the user wants to see another item (kind, id), e.g. a committee listed on a role
    navigate = Signal(str, str)
    #: a refused edit, in plain English (the window shows it)
    edit_refused = Signal(str)

    kind: Kind = "committee"
    empty_text = "Nothing selected."

    def __init__(
        self, document: PlanDocument, undo_stack: QUndoStack, lookup: Lookup, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.document, self.undo_stack, self.lookup = document, undo_stack, lookup
        self.item_id: str | None = None
        self._loading = False
        self._stale = False
        #: typing in one field merges into one undo command until the field is left
        self._session = 0
        self._echo = ""  # see echoing()
        self._pages = QStackedWidget(self)
        self.words = ui_words(document)
        hint = QLabel(self)
        self.words.bind(hint, "setText", self.empty_text)  # a template: "Select a {committee}…"
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setWordWrap(True)
        hint.setEnabled(False)
        self._pages.addWidget(hint)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget(scroll)
        scroll.setWidget(self.body)
        self._pages.addWidget(scroll)
        self._scroll = scroll
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._pages)
        self.build(self.body)
        self._reflowing = wrap_long_rows(self.body)
        self._unsubscribe = document.subscribe(self._changed)
        self.words.changed.connect(self._words_changed)

    def row(self, form: QFormLayout, label: str, widget: W, tip: str = "") -> W:
        """:func:`add_row` in the plan's words: ``self.row(form, "&{Tier}:", combo)``."""
        return add_row(form, label, widget, tip, self.words)

    def _words_changed(self) -> None:
        """Texts filled in by :meth:`load` carry the words too: fill them again."""
        if self.item_id is not None:
            self.reload()

    # -- for subclasses --------------------------------------------------------------------

    def build(self, body: QWidget) -> None:
        raise NotImplementedError

    def load(self, item: Any) -> None:
        raise NotImplementedError

    def item(self) -> Any:
        return getattr(self.lookup, self.kind)(self.item_id)

    @contextmanager
    def loading(self) -> Iterator[None]:
        """Fill widgets without their change signals turning into edits."""
        was, self._loading = self._loading, True
        try:
            yield
        finally:
            self._loading = was

    def commit(self, text: str | None = None, *, typing: str = "", **values: Any) -> None:
        """Apply a change to the shown item as one undo command (nothing if unchanged).

        ``typing``: the field being typed into; its changes merge into one command until
        :meth:`end_typing` (the field was left).
        """
        item = self.item()
        if self._loading or item is None:
            return
        if all(getattr(item, k) == v for k, v in values.items()):
            return
        merge = (typing, self._session) if typing else None
        command = commands.update_item(
            self.document, self.kind, item.id, text=text, merge_key=merge, **values
        )
        self.run(command)

    @contextmanager
    def echoing(self, field: str) -> Iterator[None]:
        """The box being typed in already shows ``field``: its own change needs no reload.

        Only for fields nothing else in the form shows; a reload per keystroke would rebuild
        every list and picker, far too slow for a national plan.
        """
        self._echo = field
        try:
            yield
        finally:
            self._echo = ""

    def end_typing(self) -> None:
        """The next keystroke starts a new undo command."""
        self._session += 1

    def typed(self, edit: QLineEdit, field: str, *, required: bool = False) -> None:
        """Commit ``field`` from a line edit as the user types, and again when it is left.

        A ``required`` field (a name) is not committed while empty: leaving it empty is refused.
        """

        def on_text(text: str) -> None:
            if text.strip() or not required:
                with self.echoing(field):
                    self.commit(typing=field, **{field: text.strip()})

        def finished() -> None:
            self.commit(**{field: edit.text().strip()})
            self.end_typing()

        edit.textEdited.connect(self.on_change(on_text))
        edit.editingFinished.connect(self.on_change(finished))

    def typed_text(self, box: CommitTextEdit, field: str) -> None:
        """Commit multi-line text as the user types; one command per visit to the box."""

        def on_text(text: str) -> None:
            with self.echoing(field):
                self.commit(typing=field, **{field: text})

        box.typed.connect(self.on_change(on_text))
        box.committed.connect(self.on_change(lambda text: self.commit(**{field: text})))
        box.left.connect(self.end_typing)

    def typed_number(self, box: QAbstractSpinBox, field: str, value: Callable[[], Any]) -> None:
        """Commit a spin box's ``value()`` as it changes; one command per visit to the box."""
        box.valueChanged.connect(  # type: ignore[attr-defined]
            self.on_change(lambda *_: self.commit(typing=field, **{field: value()}))
        )
        box.editingFinished.connect(self.end_typing)

    def run(self, command: commands.DocumentCommand) -> None:
        message = commands.try_execute(self.undo_stack, command)
        if message is not None:
            self.edit_refused.emit(message)
            self.reload()

    def on_change(self, handler: Callable[..., None]) -> Callable[..., None]:
        """Wrap a widget signal handler so it is ignored while the form is loading."""

        def guarded(*args: Any) -> None:
            if not self._loading:
                handler(*args)

        return guarded

    # -- showing an item -------------------------------------------------------------------

    def set_item(self, item_id: str | None) -> None:
        if item_id != self.item_id:
            self._scroll.verticalScrollBar().setValue(0)  # another item opens at its top
        self.item_id = item_id
        self.end_typing()
        self.reload()
        self._focus_moved(None, QApplication.focusWidget())

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the field the keyboard is in on screen: Alt+letter, or a new item's name box
        that already had the focus, must not leave the typing out of sight."""
        if new is not None and shiboken6.isValid(self) and self._scroll.isAncestorOf(new):
            self._scroll.ensureWidgetVisible(new)

    def reload(self) -> None:
        item = self.item()
        self._pages.setCurrentIndex(0 if item is None else 1)
        if item is not None:
            with self.loading():
                self.load(item)

    def _changed(self, change: Change) -> None:
        if not shiboken6.isValid(self):
            self._unsubscribe()
            return
        if self.item_id is None:
            return
        own = change.kind == self.kind and change.item_id == self.item_id
        if own and change.action == "updated" and change.fields == (self._echo,):
            return  # the typed text, already in its box
        removed = change.kind == self.kind and change.action == "removed"
        if removed and change.item_id == self.item_id:
            self.item_id = None
        if self.isVisible():
            self.reload()
        else:
            self._stale = True  # a hidden tab catches up when it is shown

    def resizeEvent(self, event: QResizeEvent) -> None:
        reflow(self._reflowing, event.size().width())
        super().resizeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self._stale = False
            self.reload()
        super().showEvent(event)
