"""A user's reference.docx made safe to copy into every document: size limits, and only the
parts a reference lends (styles, numbering, theme, headers and footers, settings).

A Word file is a zip of parts joined by relationships. A reference from elsewhere may be a zip
bomb, or carry relationships Word follows when a recipient opens the document: an
``attachedTemplate`` pointing at a remote ``.dotm``, linked pictures, hyperlinks, embedded
objects, custom XML. Every role description is built on the reference, so each of those would
travel to every recipient. Here the zip is checked against the register importer's limits,
then rebuilt with the parts a reference needs and only internal relationships of known kinds;
everything else, and every reference to what was dropped, is removed.
"""

from __future__ import annotations

import io
import posixpath
import re
import stat
import zipfile
from pathlib import Path
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from govplanner.domain.errors import TemplateRenderError
from govplanner.files.workbook_reader import (
    MAX_FILE_BYTES,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_ENTRIES,
)

_MB = 1024 * 1024
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: The parts a reference lends to a document (paths inside the zip).
_KEPT_PARTS = re.compile(
    r"^(?:\[Content_Types\]\.xml|_rels/\.rels|docProps/(?:core|app)\.xml"
    r"|word/(?:document|styles|stylesWithEffects|settings|webSettings|fontTable|numbering"
    r"|footnotes|endnotes|header\d*|footer\d*)\.xml|word/theme/theme\d*\.xml"
    r"|word/media/[^/]+\.(?:png|jpe?g|gif|bmp|emf|wmf))$"
)
#: Relationship kinds kept (the last part of their type URI), all of them internal.
_KEPT_RELATIONS = frozenset(
    {
        "officeDocument", "core-properties", "extended-properties", "styles",
        "stylesWithEffects", "settings", "webSettings", "fontTable", "theme", "numbering",
        "header", "footer", "footnotes", "endnotes", "image",
    }
)  # fmt: skip
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_pis=True
)


def read_reference(path: Path) -> bytes:
    """The reference document at ``path``, checked and rebuilt (see the module's text)."""
    name = str(path)
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise _problem(name, "this is not an ordinary file")
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _problem(name, f"it cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise _problem(
            name,
            f"the file is larger than {MAX_FILE_BYTES // _MB} MB, the most govplanner reads as "
            "a reference document",
        )
    return clean_reference(data, name)


def clean_reference(data: bytes, name: str = "reference.docx") -> bytes:
    """``data`` rebuilt with only the parts and internal relationships a reference needs."""
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise _problem(name, "this is not a Word document (.docx): it is not a zip archive")
    parts = _unpack(data, name)
    if "word/document.xml" not in parts or "[Content_Types].xml" not in parts:
        raise _problem(name, "this is not a Word document (.docx): it has no document part")
    kept = {p: b for p, b in parts.items() if _KEPT_PARTS.match(p)}
    for rels in [p for p in parts if p.endswith(".rels")]:
        source = _source_of(rels)
        if source in kept or source == "":
            kept[rels] = _clean_relationships(parts[rels], rels, kept, name)
    for part, blob in list(kept.items()):
        if part.endswith(".xml") and part != "[Content_Types].xml":
            kept[part] = _clean_part(part, blob, kept, name)
    kept["[Content_Types].xml"] = _clean_content_types(kept["[Content_Types].xml"], kept, name)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for part in sorted(kept, key=lambda p: (p != "[Content_Types].xml", p)):
            archive.writestr(part, kept[part])
    return out.getvalue()


def _problem(name: str, problem: str) -> TemplateRenderError:
    return TemplateRenderError(name, problem)


def _unpack(data: bytes, name: str) -> dict[str, bytes]:
    """Every part, read within the limits; the sizes a zip declares are not trusted."""
    parts: dict[str, bytes] = {}
    total = 0
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES:
                raise _problem(
                    name,
                    f"the file holds more than {MAX_ZIP_ENTRIES:,} parts, the most govplanner "
                    "reads (it may be damaged or hostile)",
                )
            for entry in entries:
                if entry.is_dir():
                    continue
                with archive.open(entry) as stream:
                    blob = stream.read(MAX_UNCOMPRESSED_BYTES - total + 1)
                total += len(blob)
                if total > MAX_UNCOMPRESSED_BYTES:
                    raise _problem(
                        name,
                        f"the file unpacks to more than {MAX_UNCOMPRESSED_BYTES // _MB} MB, the "
                        "most govplanner reads (it may be a zip bomb)",
                    )
                parts[entry.filename.lstrip("/")] = blob
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError) as exc:
        raise _problem(name, f"this is not a usable Word document (.docx): {exc}") from None
    return parts


def _source_of(rels: str) -> str:
    """``word/_rels/document.xml.rels`` -> ``word/document.xml``; ``_rels/.rels`` -> ''."""
    folder, file_name = posixpath.split(rels)
    return posixpath.join(posixpath.dirname(folder), file_name[: -len(".rels")]).lstrip("/")


def _parse(blob: bytes, part: str, name: str) -> Any:
    if b"<!DOCTYPE" in blob[:4096] or b"<!ENTITY" in blob:
        raise _problem(name, f"the part {part} holds DTD or entity declarations, which are refused")
    try:
        return etree.fromstring(blob, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise _problem(name, f"the part {part} is not valid XML ({exc})") from None


def _clean_relationships(blob: bytes, rels: str, kept: dict[str, bytes], name: str) -> bytes:
    root = _parse(blob, rels, name)
    base = posixpath.dirname(_source_of(rels))
    for rel in list(root):
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        internal = rel.get("TargetMode", "Internal") != "External"
        resolved = posixpath.normpath(posixpath.join(base, target)).lstrip("/")
        if target.startswith("/"):
            resolved = target.lstrip("/")
        if not (internal and kind in _KEPT_RELATIONS and resolved in kept):
            root.remove(rel)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _kept_ids(part: str, kept: dict[str, bytes], name: str) -> set[str]:
    folder, file_name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", file_name + ".rels")
    if rels not in kept:
        return set()
    return {str(rel.get("Id")) for rel in _parse(kept[rels], rels, name)}


def _clean_part(part: str, blob: bytes, kept: dict[str, bytes], name: str) -> bytes:
    """Drop what points at removed relationships, the attached template, and the body."""
    root = _parse(blob, part, name)
    ids = _kept_ids(part, kept, name)
    for element in root.iter(f"{{{_W_NS}}}attachedTemplate"):
        element.getparent().remove(element)
    for element in list(root.iter()):
        for attribute in list(element.attrib):
            if str(attribute).startswith(f"{{{_REL_NS}}}") and element.get(attribute) not in ids:
                del element.attrib[attribute]
    if part == "word/document.xml":
        body = root.find(f"{{{_W_NS}}}body")
        if body is not None:
            for child in list(body):
                if child.tag != f"{{{_W_NS}}}sectPr":
                    body.remove(child)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _clean_content_types(blob: bytes, kept: dict[str, bytes], name: str) -> bytes:
    root = _parse(blob, "[Content_Types].xml", name)
    for override in root.findall(f"{{{_CT_NS}}}Override"):
        if str(override.get("PartName", "")).lstrip("/") not in kept:
            root.remove(override)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
