"""Gap report and role descriptions, against openpyxl and python-docx writing the same content."""

from __future__ import annotations

import gc
import io
import shutil
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.generate import count_seats
from benchmarks.timing import NotAvailable, Row, measure_pair, median
from govplanner.domain.model import Plan

# -- gap report ------------------------------------------------------------------------------


def _gap_report_exporter() -> Any:
    try:
        from govplanner.export.gap_report import export_gap_report
    except ImportError as exc:
        raise NotAvailable(
            f"govplanner.export.gap_report.export_gap_report is not available yet ({exc})"
        ) from None
    return export_gap_report


def workbook_values(path: Path) -> list[tuple[str, list[tuple[Any, ...]]]]:
    """Every sheet's title and rows of cell values, read back from a written workbook."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True)
    try:
        return [(ws.title, list(ws.iter_rows(values_only=True))) for ws in book.worksheets]
    finally:
        book.close()


def write_plain_workbook(sheets: list[tuple[str, list[tuple[Any, ...]]]], path: Path) -> None:
    """The baseline: the same cells through a write-only openpyxl workbook, with no styling."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for title, rows in sheets:
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)


def bench_gap_report(
    plan: Plan, analysis: Any, label: str, workdir: Path, repeat: int, limit: float | None
) -> Row:
    """export_gap_report(plan, analysis, path) against openpyxl writing the same values."""
    export = _gap_report_exporter()
    ours_path, base_path = workdir / f"gaps-{label}.xlsx", workdir / f"gaps-{label}-plain.xlsx"
    export(plan, analysis, ours_path)
    sheets = workbook_values(ours_path)
    cells = sum(len(row) for _, rows in sheets for row in rows)
    ours, base = measure_pair(
        lambda: export(plan, analysis, ours_path),
        lambda: write_plain_workbook(sheets, base_path),
        repeat,
    )
    return Row(
        "gap report (xlsx)",
        label,
        median(ours),
        median(base),
        "≤ 2× openpyxl write-only, unstyled",
        limit,
        count_seats(plan),
        f"{len(sheets)} sheets, {cells:,} cells",
        len(ours),
    )


# -- role descriptions -----------------------------------------------------------------------

#: Documents read back per batch to give the baseline the same content.
DOC_SAMPLE = 12


@dataclass(frozen=True)
class Para:
    style: str | None
    runs: tuple[tuple[str, bool, bool, bool], ...]  # text, bold, italic, underline


@dataclass(frozen=True)
class TableBlock:
    style: str | None
    rows: int
    columns: int
    cells: tuple[tuple[int, int, tuple[Para, ...]], ...]


Block = Para | TableBlock


def _para(paragraph: Any) -> Para:
    runs = tuple((r.text, bool(r.bold), bool(r.italic), bool(r.underline)) for r in paragraph.runs)
    style = paragraph.style.name if paragraph.style is not None else None
    return Para(None if style == "Normal" else style, runs)


def docx_blocks(data: bytes) -> list[Block]:
    """A document's paragraphs (style, runs) and tables (size, cell paragraphs), in order."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(io.BytesIO(data))
    blocks: list[Block] = []
    for item in doc.iter_inner_content():
        if isinstance(item, Paragraph):
            blocks.append(_para(item))
        elif isinstance(item, Table):
            seen: set[int] = set()
            cells = []
            for r, row in enumerate(item.rows):
                for c, cell in enumerate(row.cells):
                    if id(cell._tc) in seen:  # a merged cell: its content is written once
                        continue
                    seen.add(id(cell._tc))
                    cells.append((r, c, tuple(_para(p) for p in cell.paragraphs)))
            style = item.style.name if item.style is not None else None
            blocks.append(TableBlock(style, len(item.rows), len(item.columns), tuple(cells)))
    return blocks


def _write_para(container: Any, para: Para, styles: dict[str, str], paragraph: Any = None) -> None:
    if paragraph is None:
        paragraph = container.add_paragraph()
    if para.style:
        paragraph._p.style = styles[para.style]
    for text, bold, italic, underline in para.runs:
        run = paragraph.add_run(text)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if underline:
            run.underline = True


def build_docx(blocks: list[Block], reference: bytes | None) -> bytes:
    """The baseline: python-docx building one document directly from its blocks.

    Done the careful way: style ids are looked up once per document and set directly, as
    looking a style up by name on every paragraph is python-docx's slowest path.
    """
    from docx import Document

    doc = Document(io.BytesIO(reference)) if reference else Document()
    styles = {s.name: s.style_id for s in doc.styles if s.name}
    for block in blocks:
        if isinstance(block, Para):
            _write_para(doc, block, styles)
            continue
        table = doc.add_table(rows=block.rows, cols=block.columns)
        if block.style:
            table._tbl.tblPr.style = styles[block.style]
        for r, c, paragraphs in block.cells:
            cell = table.cell(r, c)
            for i, para in enumerate(paragraphs):  # a new cell already has one paragraph
                _write_para(cell, para, styles, cell.paragraphs[0] if i == 0 else None)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def plan_with_clinical_roles(plan: Plan, start: int, stop: int) -> Plan:
    """A copy keeping clinical roles ``start:stop`` (counting clinical roles only) and every
    non-clinical one, so its role descriptions are exactly those roles'."""
    kept, clinical = [], 0
    for role in plan.roles:
        if role.clinical:
            clinical += 1
            if not start < clinical <= stop:
                continue
        kept.append(role)
    if clinical < stop:
        raise ValueError(f"the plan has only {clinical} clinical roles, not {stop}")
    ids = {r.id for r in kept}
    committees = [
        c
        if c.chair_role_id in ids or c.chair_role_id is None
        else c.model_copy(update={"chair_role_id": None})
        for c in plan.committees
    ]
    return plan.model_copy(update={"roles": kept, "committees": committees})


def _reference_bytes() -> bytes | None:
    """The shipped reference.docx govplanner builds on (None: python-docx's default)."""
    try:
        from govplanner.export.roles import REFERENCE_DOCX
        from govplanner.export.templating import shipped_templates_dir
    except ImportError:
        return None
    path = shipped_templates_dir() / REFERENCE_DOCX
    return path.read_bytes() if path.is_file() else None


def _timed(fn: Any, *args: Any, **kwargs: Any) -> float:
    gc.collect()
    start = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - start


def build_all(contents: list[list[Block]], reference: bytes | None) -> list[bytes]:
    return [build_docx(blocks, reference) for blocks in contents]


#: Issue 17: 1,000 role descriptions in at most 10 s. python-docx building the same documents
#: takes about 25.7 s per 1,000 on a quiet reference machine (RESULTS.md), so the target is
#: judged as a ratio to that same-run baseline (a noisy, shared machine slows both alike).
DOCS_RATIO = 0.39
DOCS_TARGET = "≤ 10 s per 1,000 (0.39× python-docx direct)"


def bench_role_docs(plan: Plan, workdir: Path, docs: int, batches: int, judged: bool) -> Row:
    """export_role_descriptions(fmt="docx") against python-docx building the same documents.

    ``docs`` documents in ``batches`` interleaved batches (ours, baseline, ours...): one run of
    1,000 documents takes about a minute here, so batches stand in for repeats. The baseline
    rebuilds each batch's documents from a sample read back from govplanner's output.
    """
    try:
        from govplanner.analysis import analyse
        from govplanner.export.roles import export_role_descriptions
    except ImportError as exc:
        raise NotAvailable(f"govplanner.export.roles is not available yet ({exc})") from None
    reference = _reference_bytes()
    ours, base, paragraphs = [], [], []
    size = docs // batches
    for k in range(batches):
        part = plan_with_clinical_roles(plan, k * size, (k + 1) * size)
        analysis, out_dir = analyse(part), workdir / f"roles-{k}"
        shutil.rmtree(out_dir, ignore_errors=True)
        ours.append(_timed(export_role_descriptions, part, out_dir, analysis=analysis, fmt="docx"))
        sample = [docx_blocks(f.read_bytes()) for f in sorted(out_dir.glob("*.docx"))[:DOC_SAMPLE]]
        contents = [sample[i % len(sample)] for i in range(size)]
        paragraphs += [sum(isinstance(b, Para) for b in blocks) for blocks in sample]
        base.append(_timed(build_all, contents, reference))
    per_doc = statistics.median(paragraphs)
    per_thousand = sum(ours) / (size * batches) * 1000
    return Row(
        "role descriptions (docx)",
        f"{size * batches:,} docs",
        sum(ours),
        sum(base),
        DOCS_TARGET if judged else "",
        DOCS_RATIO if judged else None,
        0,
        f"{batches} interleaved batches; ~{per_doc:.0f} paragraphs/doc; {per_thousand:.1f} s per "
        "1,000 here; baseline on the same reference.docx, to BytesIO",
        batches,
    )
