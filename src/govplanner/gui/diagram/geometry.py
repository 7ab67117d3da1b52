"""The diagram's measures and the places the layout gives things (plain data, no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from govplanner.domain.enums import Level, LineKind

BOX_WIDTH = 248.0
BOX_HEIGHT = 112.0
SIBLING_GAP = 24.0
TREE_GAP = 56.0
BAND_GAP = 48.0
LABEL_WIDTH = 190.0
MARGIN = 24.0
LEGEND_HEIGHT = 44.0  # the key to colours and lines, above the first band
EMPTY_BAND_WIDTH = 3 * BOX_WIDTH
FRAME_TOP = 26.0  # room above the boxes of a committees-in-common frame for its name
FRAME_PAD = 10.0  # the frame's margin beside and below its boxes
GROUP_GAP = 16.0  # between committees in one frame
TRACKS = 4  # heights for the horizontals of lines into different committees of a band
TRACK_STEP = 8.0
CURVE_OFFSET = 14.0  # lines that are not in the tree leave right of centre, arrive left of it

Point = tuple[float, float]
Shape = Literal["elbow", "lane", "curve"]


@dataclass(frozen=True)
class Sizes:
    """The measures that depend on the text size: the scene grows boxes for larger fonts."""

    box_width: float = BOX_WIDTH
    box_height: float = BOX_HEIGHT
    #: where the first band starts (below the legend)
    top: float = MARGIN + LEGEND_HEIGHT
    frame_top: float = FRAME_TOP

    @property
    def band_padding(self) -> float:
        """Space above the boxes of a band (a frame's name fits there)."""
        return self.frame_top + 8

    @property
    def band_height(self) -> float:
        return self.band_padding + self.box_height + FRAME_PAD + 12

    def band_top(self, index: int) -> float:
        return self.top + index * (self.band_height + BAND_GAP)


DEFAULT_SIZES = Sizes()


@dataclass(frozen=True)
class BoxPlace:
    committee_id: str
    x: float
    y: float
    band: int


@dataclass(frozen=True)
class BandPlace:
    tier_id: str
    name: str
    level: Level
    index: int
    y: float
    height: float
    committees: int


@dataclass(frozen=True)
class FramePlace:
    """A committees-in-common group's committees on one band, framed and named together."""

    group_id: str
    name: str
    band: int
    x: float
    y: float
    width: float
    height: float
    committee_ids: tuple[str, ...]


@dataclass(frozen=True)
class Connector:
    """A line from ``from_id`` to ``to_id`` (the committee accountable to, or advised).

    ``shape`` is "elbow" (up into a committee on a higher band), "lane" (to a committee beside
    it on the same band) or "curve" (anything the tree does not carry).
    """

    from_id: str
    to_id: str
    kind: LineKind
    points: tuple[Point, ...]
    shape: Shape
    #: accountable to a lower level, or on a loop of accountable lines
    irregular: bool = False

    @property
    def accountable(self) -> bool:
        return self.kind is LineKind.ACCOUNTABLE


@dataclass
class Layout:
    boxes: dict[str, BoxPlace] = field(default_factory=dict)
    bands: list[BandPlace] = field(default_factory=list)
    frames: list[FramePlace] = field(default_factory=list)
    connectors: list[Connector] = field(default_factory=list)
    width: float = 0.0
    height: float = 0.0
    sizes: Sizes = DEFAULT_SIZES


def band_top(index: int, sizes: Sizes = DEFAULT_SIZES) -> float:
    return sizes.band_top(index)


#: a unit is one committee, or one group's committees on one band
UnitKey = tuple[str, ...]
