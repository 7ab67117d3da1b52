"""A Word document made ready to circulate: its properties, language and leftover parts.

Created and modified now, the application "govplanner", no comment or thumbnail left over from
the reference document, the proofing language British English throughout, and the subject and
keywords the caller gives.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

APPLICATION = "govplanner"
LANGUAGE = "en-GB"
_THUMBNAIL = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/thumbnail"
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
    'extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/'
    f'docPropsVTypes"><Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>'
    "</Properties>"
).encode()
#: Characters XML cannot hold (and C1 controls).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LANG_ATTRS = re.compile(rb'(<w:lang\b[^>]*?\bw:val=")[^"]*(")')


def set_properties(
    doc: DocxDocument,
    *,
    title: str,
    subject: str,
    keywords: Sequence[str],
    now: dt.datetime | None,
) -> None:
    """Core properties of a document made now by govplanner (none kept from the reference)."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    props = doc.core_properties
    props.title = clean_text(title[:255])
    props.subject = clean_text(subject[:255])
    props.keywords = clean_text(keywords_text(keywords))
    props.comments = ""
    props.category = ""
    props.author = APPLICATION
    props.last_modified_by = APPLICATION
    props.revision = 1
    # python-docx writes naive datetimes as UTC ('Z').
    props.created = props.modified = stamp.replace(tzinfo=None)


def keywords_text(keywords: Sequence[str]) -> str:
    """The keywords property: the non-empty keywords joined with '; ', at most 255 characters."""
    return "; ".join(k for k in keywords if k)[:255]


def prepare_reference(reference: bytes) -> bytes:
    """The reference made fit to copy from: no thumbnail or preview picture, the application
    govplanner, every language British English, spelling not marked as already checked."""
    doc = Document(io.BytesIO(reference))
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == _THUMBNAIL:
            del package.rels[r_id]
    for part in package.iter_parts():
        name = str(part.partname)
        if name == "/docProps/app.xml":
            part._blob = _APP_XML
        elif name == "/word/stylesWithEffects.xml":
            part._blob = _LANG_ATTRS.sub(rb"\g<1>" + LANGUAGE.encode() + rb"\2", part.blob)
    _british_styles(doc)
    settings = doc.settings.element
    for tag in ("w:savePreviewPicture", "w:proofState"):
        for element in settings.findall(qn(tag)):
            settings.remove(element)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def clean_text(text: str) -> str:
    """``text`` without control characters or others a Word document cannot hold."""
    return _NOT_XML.sub("", text)


def _british_styles(doc: DocxDocument) -> None:
    """British English as the default language and on every style that names a language."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    r_default = defaults.find(qn("w:rPrDefault"))
    if r_default is None:
        r_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, r_default)
    r_pr = r_default.find(qn("w:rPr"))
    if r_pr is None:
        r_pr = OxmlElement("w:rPr")
        r_default.append(r_pr)
    if r_pr.find(qn("w:lang")) is None:
        r_pr.append(OxmlElement("w:lang"))
    for lang in styles.iter(qn("w:lang")):
        lang.set(qn("w:val"), LANGUAGE)
        if lang.get(qn("w:eastAsia")) is not None:
            lang.set(qn("w:eastAsia"), LANGUAGE)
