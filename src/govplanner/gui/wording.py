"""The open plan's words for committee, tier and role, for every view, live as they change.

One :class:`UiWords` per document (``ui_words(document)``; the window's is ``window.words``)
listens for a new plan and for edits of ``plan.vocabulary`` (undo too) and emits ``changed``.
Widgets keep their texts in one ``retranslate()`` method, connected to ``changed``, and write
texts as templates: ``words.text("Add {committee}")``, ``words.text("{Tiers} and stages…")``.
"""

from __future__ import annotations

import re
import weakref
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Signal

from govplanner.domain.vocabulary import Words, words

if TYPE_CHECKING:
    from collections.abc import Callable

    from govplanner.domain.document import Change, PlanDocument

_BY_DOCUMENT: dict[int, UiWords] = {}
_PLACEHOLDER = re.compile(r"\{((?:[Cc]ommittee|[Tt]ier|[Rr]ole)s?)\}")


class UiWords(QObject):
    """The document's words; ``changed`` is emitted when they differ from before."""

    changed = Signal()

    def __init__(self, document: PlanDocument) -> None:
        super().__init__()
        self._document = weakref.ref(document)
        self.words: Words = words(document.plan)
        # Strong references: a parented label's wrapper may otherwise go; a deleted one is
        # dropped at the next change.
        self._bound: list[tuple[QObject, str, str, tuple[object, ...]]] = []
        self._unsubscribe = document.subscribe(self._after)

    def _after(self, change: Change) -> None:
        if change.action == "reset" or (change.action == "plan" and "vocabulary" in change.fields):
            self.refresh()

    def refresh(self) -> None:
        """Read the plan's words again; emit ``changed`` if they are new."""
        document = self._document()
        new = words(document.plan if document is not None else None)
        if new != self.words:
            self.words = new
            self._apply_bound()
            self.changed.emit()

    def text(self, template: str) -> str:
        """``template`` with {committee}, {Committees}, {tier}, {Roles}... filled in.

        Only those twelve placeholders: any other brace (in a name, say) is left as it is.
        """
        return fill(template, self.words)

    def __getitem__(self, key: str) -> str:
        """One form by its default spelling: ``words["Committees"]``."""
        return self.words.as_dict()[key]

    def follow(self, slot: Callable[[], None]) -> None:
        """Call ``slot`` now and whenever the words change.

        ``slot`` must be a method of a QObject (Qt then drops the connection with it).
        """
        slot()
        self.changed.connect(slot)

    def bind(self, target: QObject, setter: str, template: str, *args: object) -> None:
        """Call ``target.setter(*args, self.text(template))`` now and whenever the words change.

        For fixed texts: ``words.bind(label, "setText", "{Tier}:")``,
        ``words.bind(dock, "setWindowTitle", "{Committees} and {tiers}")``,
        ``words.bind(tabs, "setTabText", "&{Roles}", 2)``.
        """
        getattr(target, setter)(*args, self.text(template))
        self._bound = [
            b
            for b in self._bound
            if shiboken6.isValid(b[0]) and (b[:2] != (target, setter) or b[3] != args)
        ]
        self._bound.append((target, setter, template, args))

    def _apply_bound(self) -> None:
        alive = []
        for target, setter, template, args in self._bound:
            if not shiboken6.isValid(target):
                continue
            try:
                getattr(target, setter)(*args, self.text(template))
            except RuntimeError:  # its C++ side is gone
                continue
            alive.append((target, setter, template, args))
        self._bound = alive


def fill(template: str, words: Words) -> str:
    """``template`` with the twelve placeholders ({committee}, {Tiers}...) in ``words``."""
    forms = words.as_dict()
    return _PLACEHOLDER.sub(lambda m: forms[m.group(1)], template)


def ui_words(document: PlanDocument) -> UiWords:
    """The one :class:`UiWords` of ``document`` (made the first time it is asked for)."""
    found = _BY_DOCUMENT.get(id(document))
    if found is None:
        found = UiWords(document)
        key = id(document)
        _BY_DOCUMENT[key] = found
        weakref.finalize(document, _BY_DOCUMENT.pop, key, None)
    return found
