"""Builds the PDF and Word versions of test statements, and hostile files.

PDFs are written with PDFium itself (through pypdfium2, a dependency already), Word files with
zipfile: no extra test dependency, and every byte is under the tests' control.
"""

from __future__ import annotations

import ctypes
import textwrap
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from xml.sax.saxutils import escape

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

FIXTURES = Path(__file__).parent / "fixtures"


@dataclass(frozen=True)
class Statement:
    """A statement in parts, so that each format can put each part where it belongs."""

    header: tuple[str, ...]  # symbol, date, [OSCE+], language marker
    disclaimer: str
    body: tuple[str, ...]  # paragraphs
    closing: tuple[str, ...]  # the alignment paragraph and its footnote, if any

    def replace_text(self, old: str, new: str) -> Statement:
        """The statement with the first `old` (in any part) replaced."""
        parts = [("header", self.header), ("body", self.body), ("closing", self.closing)]
        if old in self.disclaimer:
            return replace(self, disclaimer=self.disclaimer.replace(old, new, 1))
        for name, items in parts:
            for index, item in enumerate(items):
                if old in item:
                    changed = (*items[:index], item.replace(old, new, 1), *items[index + 1 :])
                    return replace(self, **{name: changed})
        raise AssertionError(f"{old!r} is in no part of the statement")

    def text(self) -> str:
        """The header-first text layout."""
        blocks = ["\n".join([*self.header, self.disclaimer]), *self.body, "\n".join(self.closing)]
        return "\n\n".join(block for block in blocks if block) + "\n"


def statement_from_top_layout(name: str) -> Statement:
    """Reads a fixture in the header-first layout: header lines, the disclaimer up to
    'States.', body paragraphs, and the alignment paragraph with its footnote at the end."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("The OSCE Secretariat"))
    last = next(i for i, line in enumerate(lines) if line.rstrip().endswith("States."))
    rest = "\n".join(lines[last + 1 :]).strip().split("\n\n")
    closing: tuple[str, ...] = ()
    if rest and "align" in rest[-1]:
        closing = tuple(rest.pop().splitlines())
    return Statement(
        header=tuple(lines[:first]),
        disclaimer=" ".join(lines[first : last + 1]),
        body=tuple(paragraph.replace("\n", " ") for paragraph in rest),
        closing=closing,
    )


# PDF -------------------------------------------------------------------------------------------

A4 = (595.0, 842.0)
_LEADING = 12.0
_MARGIN = 72.0


# How a line placed at (x, y) on the page as seen is drawn on a page turned by /Rotate: the
# text's direction and the point it starts from, on a page seen `width` by `height`.
_TURNS = {
    0: lambda x, y, width, height: (1, 0, 0, 1, x, y),
    90: lambda x, y, width, height: (0, 1, -1, 0, height - y, x),
    180: lambda x, y, width, height: (-1, 0, 0, -1, width - x, height - y),
    270: lambda x, y, width, height: (0, -1, 1, 0, y, width - x),
}


class _PdfWriter:
    def __init__(self, size: tuple[float, float] = A4, rotation: int = 0) -> None:
        self.pdf = pdfium.PdfDocument.new()
        self.font = pdfium_c.FPDFText_LoadStandardFont(self.pdf.raw, b"Helvetica")
        self.pages: list[pdfium.PdfPage] = []
        self.size = size  # as seen
        self.rotation = rotation

    def page(self, number: int) -> pdfium.PdfPage:
        while len(self.pages) < number:
            width, height = self.size
            turned = self.rotation in (90, 270)
            page = self.pdf.new_page(*((height, width) if turned else (width, height)))
            if self.rotation:
                page.set_rotation(self.rotation)
            self.pages.append(page)
        return self.pages[number - 1]

    def line(self, page: int, text: str, x: float, y: float, size: float = 9.0) -> None:
        """A line of text starting at (x, y) on the page as seen."""
        obj = pdfium_c.FPDFPageObj_CreateTextObj(self.pdf.raw, self.font, size)
        buffer = ctypes.create_string_buffer((text + "\0").encode("utf-16-le"))
        pdfium_c.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)))
        pdfium_c.FPDFPageObj_Transform(obj, *_TURNS[self.rotation](x, y, *self.size))
        pdfium_c.FPDFPage_InsertObject(self.page(page).raw, obj)

    def save(self, path: Path) -> None:
        for page in self.pages:
            page.gen_content()
        self.pdf.save(str(path))


_COLUMN_GAP = 24.0


def write_pdf(
    statement: Statement,
    path: Path,
    header_last: bool = False,
    rotation: int = 0,
    landscape: bool = False,
    columns: int = 1,
    by_rows: bool = False,
) -> Path:
    """The statement as circulated: the header block (and the disclaimer) in the top region of
    page 1, the body below it and on the next pages, the alignment paragraph and footnote at the
    end. With `header_last`, the producer writes the header into the page after the body.

    The page is seen in A4 portrait, or landscape; `rotation` is its /Rotate (its content is
    drawn turned, so that it is seen upright). The body is set in `columns`, filled one after
    the other; `by_rows` writes each page's lines row by row across the columns, as producers
    that draw a page from top to bottom do."""
    width, height = A4[::-1] if landscape else A4
    writer = _PdfWriter((width, height), rotation)
    column_width = (width - 2 * _MARGIN - (columns - 1) * _COLUMN_GAP) / columns
    # 95 characters fill the width of a portrait page; a column gets fewer, with room to
    # spare for lines in capitals.
    wrap = 95 if columns == 1 else int(80 * column_width / (A4[0] - 2 * _MARGIN))
    body_lines = []
    for paragraph in (*statement.body, *statement.closing):
        body_lines += [*textwrap.wrap(paragraph, wrap), ""]
    page, column, y = 1, 0, height - 202
    placed = []
    for text in body_lines:
        if y < _MARGIN:  # the next column, below the header block on page 1; or the next page
            column, y = column + 1, height - (202 if page == 1 else _MARGIN)
            if column == columns:
                page, column, y = page + 1, 0, height - _MARGIN
        if text:
            placed.append((page, text, _MARGIN + column * (column_width + _COLUMN_GAP), y))
        y -= _LEADING
    if by_rows:
        placed.sort(key=lambda item: (item[0], -item[3], item[2]))
    top = height - 42
    header = [(1, text, width - 215, top - i * _LEADING) for i, text in enumerate(statement.header)]
    top -= len(statement.header) * _LEADING + 6
    header += [
        (1, text, _MARGIN, top - i * _LEADING)
        for i, text in enumerate(textwrap.wrap(statement.disclaimer, 95))
    ]
    for item in placed + header if header_last else header + placed:
        writer.line(*item)
    writer.save(path)
    return path


def write_text_pdf(text: str, path: Path) -> Path:
    """A PDF of a plain-text statement as it stands: each line a line of the page (long lines
    wrapped at the page's width), blank lines kept, pages filled top to bottom."""
    height = A4[1]
    writer = _PdfWriter()
    page, y = 1, height - 42
    for line in text.split("\n"):
        for piece in textwrap.wrap(line, 95) or [""]:
            if y < _MARGIN:
                page, y = page + 1, height - 42
            if piece:
                writer.line(page, piece, _MARGIN, y)
            y -= _LEADING
    writer.page(1)  # an empty text still makes a page
    writer.save(path)
    return path


def write_text_docx(text: str, path: Path) -> Path:
    """A Word file of a plain-text statement: each line a paragraph of the body."""
    return write_docx(docx_parts(Statement((), "", tuple(text.split("\n")), ())), path)


def write_image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: a filled shape and no text layer."""
    pdf = pdfium.PdfDocument.new()
    page = pdf.new_page(*A4)
    shape = pdfium_c.FPDFPageObj_CreateNewRect(72, 400, 300, 300)
    pdfium_c.FPDFPageObj_SetFillColor(shape, 40, 40, 40, 255)
    pdfium_c.FPDFPath_SetDrawMode(shape, pdfium_c.FPDF_FILLMODE_ALTERNATE, 0)
    pdfium_c.FPDFPage_InsertObject(page.raw, shape)
    page.gen_content()
    pdf.save(str(path))
    return path


def raw_pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A PDF from numbered object bodies (1 is the catalog), with a correct xref table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R %s>>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        trailer,
        xref,
    )
    return bytes(out)


def _one_page(content: bytes, extra: bytes = b"") -> list[bytes]:
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> " + extra + b">>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]


def encrypted_pdf() -> bytes:
    """A PDF whose standard security handler wants a user password nobody knows."""
    stream = b"BT /F1 12 Tf 72 720 Td (secret) Tj ET"
    objects = _one_page(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    objects.append(
        b"<< /Filter /Standard /V 1 /R 2 /P -44 /O <"
        + b"11" * 32
        + b"> /U <"
        + b"22" * 32
        + b"> >>"
    )
    trailer = b"/Encrypt 6 0 R /ID [<" + b"33" * 16 + b"> <" + b"33" * 16 + b">] "
    return raw_pdf(objects, trailer)


def deflate_bomb_pdf(inflated_mb: int) -> bytes:
    """A content stream a few hundred kilobytes long that inflates to `inflated_mb` MB."""
    compressor = zlib.compressobj(9)
    chunk = b"0 0 m " * (1024 * 1024 // 6)
    data = b"".join(compressor.compress(chunk) for _ in range(inflated_mb)) + compressor.flush()
    stream = b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(data) + data + b"\nendstream"
    return raw_pdf(_one_page(stream))


def nested_pdf(depth: int) -> bytes:
    """A page dictionary holding arrays nested `depth` deep."""
    nested = b"[" * depth + b"]" * depth
    stream = b"BT /F1 12 Tf 72 720 Td (deep) Tj ET"
    content = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream"
    return raw_pdf(_one_page(content, extra=b"/Deep " + nested + b" "))


# Word ------------------------------------------------------------------------------------------

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
</Types>"""
_PACKAGE_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>"""
_DOCUMENT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdH1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>
</Relationships>"""
NAMESPACES = _NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)


def _paragraph(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>'


def docx_parts(
    statement: Statement, header_in_body: bool = False, header_in_text_box: bool = False
) -> dict[str, str]:
    """The parts of a Word file: the header block in the first-page/default header (or, with
    `header_in_body`, typed after the body; with `header_in_text_box`, in a text box anchored
    in the page header's one paragraph), the disclaimer, the body and the alignment."""
    header = "".join(_paragraph(line) for line in statement.header)
    if header_in_text_box:
        header = word_paragraph(text_box(statement.header))
    body = "".join(_paragraph(text) for text in (*statement.body, *statement.closing))
    disclaimer = _paragraph(statement.disclaimer)
    section = (
        '<w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/>'
        '<w:headerReference w:type="first" r:id="rIdH1"/><w:titlePg/></w:sectPr>'
    )
    if header_in_body:
        document_body = body + header + disclaimer
        header_xml = f"<w:hdr {_NS}></w:hdr>"
    else:
        document_body = disclaimer + body
        header_xml = f"<w:hdr {_NS}>{header}</w:hdr>"
    return {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _PACKAGE_RELS,
        "word/_rels/document.xml.rels": _DOCUMENT_RELS,
        "word/document.xml": (
            f"<w:document {_NS}><w:body>{document_body}{section}</w:body></w:document>"
        ),
        "word/header1.xml": header_xml,
    }


def write_docx(parts: dict[str, str | bytes], path: Path) -> Path:
    """A Word file of these parts (deflated, as Word writes them)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return path


# A clean Word file's parts, for building bombs on (the benchmarks measure them).
CLEAN_PARTS_FOR_BOMBS = docx_parts(
    Statement(
        ("PC.DEL/1/23", "1 March 2023", "ENGLISH only"),
        "The OSCE Secretariat bears no responsibility for the content of this document.",
        ("Thank you.",),
        (),
    )
)


# Word: what Word writes around the text --------------------------------------------------------

_SHAPE_NS = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


def text_box(lines: tuple[str, ...], vml_only: bool = False) -> str:
    """A run holding a text box as Word writes it: the DrawingML shape (mc:Choice) and its VML
    copy for older readers (mc:Fallback), each with the lines as its paragraphs; with
    `vml_only`, the VML shape alone, as older versions of Word write it."""
    content = "<w:txbxContent>" + "".join(_paragraph(line) for line in lines) + "</w:txbxContent>"
    vml = (
        f'<w:pict {_SHAPE_NS}><v:shape style="width:216pt;height:72pt">'
        f"<v:textbox>{content}</v:textbox></v:shape></w:pict>"
    )
    if vml_only:
        return f"<w:r>{vml}</w:r>"
    shape = (
        '<w:drawing><wp:anchor><wp:extent cx="2743200" cy="914400"/><a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx><wps:bodyPr/></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing>"
    )
    return (
        f"<w:r><mc:AlternateContent {_SHAPE_NS}>"
        f'<mc:Choice Requires="wps">{shape}</mc:Choice><mc:Fallback>{vml}</mc:Fallback>'
        "</mc:AlternateContent></w:r>"
    )


def tracked(kind: str, text: str) -> str:
    """Runs under a tracked change: `ins`, `del` (its text as w:delText, as Word writes it),
    `moveFrom` or `moveTo`."""
    tag = "delText" if kind == "del" else "t"
    return (
        f'<w:{kind} w:id="9" w:author="Editor" w:date="2023-11-15T10:00:00Z"><w:r>'
        f'<w:{tag} xml:space="preserve">{escape(text)}</w:{tag}></w:r></w:{kind}>'
    )


def word_paragraph(*runs: str) -> str:
    """A paragraph of runs given as XML (plain text: `plain_run`)."""
    return "<w:p>" + "".join(runs) + "</w:p>"


def plain_run(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


# Elements Word nests: content controls, and tables in table cells.
NESTINGS = {
    "sdt": ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
    "tbl": ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
}


def nest_body(parts: dict[str, str], depth: int, kind: str) -> dict[str, str]:
    """The parts with the document body's paragraphs `depth` levels deep in `kind`."""
    document = parts["word/document.xml"]
    start = document.index("<w:body>") + len("<w:body>")
    end = document.index("<w:sectPr>")
    opening, closing = NESTINGS[kind]
    nested = opening * depth + document[start:end] + closing * depth
    return {**parts, "word/document.xml": document[:start] + nested + document[end:]}


def with_headers(parts: dict[str, str], count: int, padding: int) -> dict[str, str]:
    """The parts with `count` more page headers, one a section, each `padding` bytes larger
    with blank space (which costs nothing to compress and everything to inflate)."""
    parts = dict(parts)
    relationships, sections = [], []
    for number in range(2, count + 2):
        parts[f"word/header{number}.xml"] = f"<w:hdr {_NS}>{' ' * padding}</w:hdr>"
        relationships.append(
            f'<Relationship Id="rIdH{number}" Target="header{number}.xml" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/header"/>'
        )
        sections.append(
            f'<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH{number}"/>'
            "</w:sectPr></w:pPr></w:p>"
        )
    rels = parts["word/_rels/document.xml.rels"]
    parts["word/_rels/document.xml.rels"] = rels.replace(
        "</Relationships>", "".join(relationships) + "</Relationships>"
    )
    document = parts["word/document.xml"]
    parts["word/document.xml"] = document.replace("<w:sectPr>", "".join(sections) + "<w:sectPr>")
    return parts
