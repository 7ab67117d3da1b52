"""Checks a PDF page by page against the HTML it was made from.

The words of each page are read in drawing order with their positions (poppler's
``pdftotext -raw -bbox``), the running head and foot (the top 16 mm and bottom 17 mm) set
aside, and compared with the HTML's headings and table rows:

- every heading is there, and no page but the last ends with one (stranded at the foot);
- every table row's text is found whole on one page (no row split across pages);
- every word of a table cell is found whole there (no word broken inside a cell);
- no placeholder or template text, and no American spelling, anywhere;
- the document's language is British English (``/Lang en-GB``);
- every page says "Page X of Y".

A Word document is checked the same way once LibreOffice has printed it to PDF.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from govplanner.export.html_tree import Node, parse_html

MM = 72 / 25.4
HEAD_ZONE, FOOT_ZONE = 16 * MM, 17 * MM
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
#: Text a template or the data left unfilled.
PLACEHOLDER = re.compile(
    r"\{\{|\}\}|\{%|%\}|\bTODO\b|\bTBC\b|\bTBD\b|\bXXX\b|lorem ipsum|\bundefined\b|\bnan\b"
    r"|\bNone\b(?!\s+(?:of|is|are|has|have|yet)\b)|\[[A-Za-z_ ]+\]|<[a-z]+>|&[a-z]+;",
    re.I,
)
#: American spellings that have no place in a British English document.
AMERICAN = re.compile(
    r"\b(organiz\w*|prioritiz\w*|recogniz\w*|behavior\w*|favor\w*|analyz\w*|center|centers"
    r"|color|colors|program|programs|licens(?:e|ed) to practice)\b"
)


@dataclass(frozen=True)
class PageText:
    number: int
    body: str  # the text between the running head and foot, in drawing order
    whole: str  # all the page's text
    lines: list[Line]  # the body's lines, top to bottom

    def ends_with_line_start_text(self, text: str) -> bool:
        """Whether the page's last lines are ``text`` alone, starting at the left edge (as a
        heading would; not the end of a table cell that happens to read the same)."""
        if not self.lines:
            return False
        edge = min(line.left for line in self.lines) + 3
        wanted, taken = squash(text), ""
        for line in reversed(self.lines):
            if line.left > edge:
                return False
            taken = squash(line.text) + taken
            if len(taken) >= len(wanted):
                return taken == wanted
        return False


@dataclass(frozen=True)
class Line:
    left: float
    text: str


@dataclass(frozen=True)
class Row:
    cells: list[str]

    @property
    def text(self) -> str:
        return " ".join(self.cells)


def squash(text: str) -> str:
    """Text compared without regard to spacing, line breaks or ligatures."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def read_pages(data: bytes) -> tuple[list[PageText], str]:
    """Each page's text (poppler's pdftotext, in drawing order), and the document's language
    (empty when it declares none)."""
    program = shutil.which("pdftotext")
    if program is None:
        raise RuntimeError("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        [program, "-raw", "-bbox", "-enc", "UTF-8", "-", "-"],
        input=data, capture_output=True, check=True, timeout=120,
    )  # fmt: skip
    pages = [_page_text(n, m) for n, m in enumerate(_PAGE.finditer(result.stdout), start=1)]
    return pages, _language(data)


_PAGE = re.compile(rb'<page width="[\d.]+" height="([\d.]+)">(.*?)</page>', re.S)
_WORD = re.compile(
    rb'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*?)</word>'
)


def _page_text(number: int, match: re.Match[bytes]) -> PageText:
    height = float(match.group(1))
    body: list[str] = []
    whole: list[str] = []
    lines: dict[int, list[tuple[float, str]]] = {}
    for left, top, bottom, raw in _WORD.findall(match.group(2)):
        word = html.unescape(raw.decode("utf-8"))
        whole.append(word)
        if float(top) > HEAD_ZONE and float(bottom) < height - FOOT_ZONE:
            body.append(word)
            lines.setdefault(round(float(bottom)), []).append((float(left), word))
    ordered = [
        Line(min(x for x, _ in words), " ".join(w for _, w in words))
        for _, words in sorted(lines.items())
    ]
    return PageText(number, " ".join(body), " ".join(whole), ordered)


def _language(data: bytes) -> str:
    """The catalogue's /Lang (the last one written wins, as in an incremental update)."""
    found = re.findall(rb"/Lang\s*(\([^)]*\)|<[0-9A-Fa-f]+>)", data)
    if not found:
        return ""
    value = found[-1]
    if value.startswith(b"("):
        return value[1:-1].decode("latin-1")
    raw = bytes.fromhex(value[1:-1].decode("ascii"))
    return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")


def headings_and_rows(html: str) -> tuple[list[str], list[Row]]:
    """The HTML's heading texts and table rows (each a list of cell texts)."""
    headings: list[str] = []
    rows: list[Row] = []
    for node in _walk(parse_html(html)):
        if node.tag in HEADINGS and node.text():
            headings.append(node.text())
        elif node.tag == "tr":
            cells = [c.text() for c in node.elements("th", "td")]
            if any(cells):
                rows.append(Row(cells))
    return headings, rows


def _walk(node: Node) -> Iterator[Node]:
    for child in node.elements():
        yield child
        yield from _walk(child)


def check_pdf(data: bytes, html: str, *, language: str = "en-GB") -> list[str]:
    """Every problem a reader of the printed pages would see; empty when there is none."""
    pages, declared = read_pages(data)
    headings, rows = headings_and_rows(html)
    problems: list[str] = []
    if not declared.startswith(language):
        problems.append(f"the document's language is {declared or 'not set'}, not {language}")
    everything = "".join(squash(page.body) for page in pages)
    problems += [f"the heading '{h}' is missing" for h in headings if squash(h) not in everything]
    for page in pages[:-1]:
        for heading in headings:
            if page.ends_with_line_start_text(heading):
                problems.append(f"page {page.number} ends with the heading '{heading}'")
    for row in rows:
        problems.extend(_row_problems(row, pages))
    problems.extend(_text_problems(pages))
    return problems


def _row_problems(row: Row, pages: list[PageText]) -> list[str]:
    wanted = squash(row.text)
    for page in pages:
        segment = _segment(page.body, wanted)
        if segment is None:
            continue
        # A line may break after a hyphen ("non-|voting"), never inside a word.
        joined = re.sub(r"-\s+", "-", segment)
        tokens = {_bare(t) for t in re.split(r"\s+", joined)}
        broken = [w for c in row.cells for w in c.split() if len(_bare(w)) > 1]
        broken = [w for w in broken if _bare(w) not in tokens]
        if broken:
            return [
                f"page {page.number}: in the table row '{row.text}', {', '.join(broken)} broken"
            ]
        return []
    return [f"the table row '{row.text}' is not whole on any page (split across pages?)"]


def _bare(word: str) -> str:
    return word.strip(".,;:()“”\"'‘’!?")


def _segment(text: str, wanted: str) -> str | None:
    """The part of ``text`` (spacing kept) that squashes to ``wanted``, if there is one."""
    normal = unicodedata.normalize("NFKC", text)
    positions = [i for i, ch in enumerate(normal) if not ch.isspace()]
    at = "".join(normal[i] for i in positions).find(wanted)
    if at < 0 or not wanted:
        return None
    return normal[positions[at] : positions[at + len(wanted) - 1] + 1]


def _text_problems(pages: list[PageText]) -> list[str]:
    problems = []
    for page in pages:
        text = unicodedata.normalize("NFKC", page.whole)
        problems += [f"page {page.number}: placeholder '{m}'" for m in PLACEHOLDER.findall(text)]
        problems += [f"page {page.number}: American '{m}'" for m in AMERICAN.findall(text)]
        if f"Page {page.number} of {len(pages)}" not in re.sub(r"\s+", " ", text):
            problems.append(f"page {page.number} does not say 'Page {page.number} of {len(pages)}'")
    return problems


def libreoffice() -> str | None:
    """The LibreOffice program, when it is installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def print_with_libreoffice(documents: list[Path], out_dir: Path) -> list[Path]:
    """The Word documents printed to PDF by LibreOffice (one run for all), in order."""
    program = libreoffice()
    if program is None:
        raise RuntimeError("LibreOffice is not installed")
    profile = out_dir / "profile"
    subprocess.run(
        [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
         "pdf", "--outdir", str(out_dir), *map(str, documents)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return [out_dir / f"{d.stem}.pdf" for d in documents]
