"""What Chromium printed: the pages of a tagged PDF and the page each piece of a sheet is on.

Chromium writes a tagged PDF (`page.pdf(tagged=True)`): a tree of the document's
structure (headings, paragraphs, table rows, each question box, which the sheet
marks as a group) whose leaves point at the text drawn on each page. Reading that
tree says where the printer put each part of the sheet, with no PDF library: the
objects are found through the cross-reference table, and only the plain
dictionaries of the page tree and the structure tree are read. The words drawn on
each page (the page footer is drawn, not tagged) are read through each font's
ToUnicode map.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

A4 = {"format": "A4", "prefer_css_page_size": True, "print_background": True, "tagged": True}
_REF = rb"(\d+) 0 R"
# One kid of a structure element: a marked-content reference, a child element, an MCID.
_KID = re.compile(rb"<<(.*?)>>|(\d+) 0 R|(\d+)", re.S)


@dataclass
class Element:
    """One element of the structure tree: its tag (H2, P, Div, TR, TH...), its depth,
    its dictionary as written, the pages its own text is on in order, its children."""

    tag: str
    depth: int
    body: bytes
    pages: list[int] = field(default_factory=list)
    children: list[Element] = field(default_factory=list)

    def all_pages(self) -> list[int]:
        """The pages of all its text, its children's included, in reading order."""
        found = list(self.pages)
        for child in self.children:
            found += child.all_pages()
        return found

    def col_span(self) -> int:
        """A table cell's column span (1 where the PDF does not say)."""
        span = re.search(rb"/ColSpan (\d+)", self.body)
        return int(span.group(1)) if span else 1


def print_pdf(browser: Any, html: str, folder: Path) -> bytes:
    """The page as Chromium prints it on A4 (or the page size its CSS asks for)."""
    path = folder / "printed.html"
    path.write_text(html, encoding="utf-8")
    page = browser.new_page()
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    pdf: bytes = page.pdf(**A4)
    page.close()
    return pdf


def _offsets(pdf: bytes) -> tuple[dict[int, int], int]:
    """Where each object starts, by its number, and where the cross-reference table does."""
    start = int(pdf[pdf.rindex(b"startxref") + 9 :].split()[0])
    assert pdf[start : start + 4] == b"xref", "expected a cross-reference table"
    lines = pdf[start:].split(b"\n")
    first, count = map(int, lines[1].split())
    offsets = {
        first + number: int(entry.split()[0])
        for number, entry in enumerate(lines[2 : 2 + count])
        if entry.split()[2] == b"n"
    }
    return offsets, start


def _objects(pdf: bytes) -> dict[int, bytes]:
    """Each object's dictionary (before any stream), by its number."""
    offsets, start = _offsets(pdf)
    ends = sorted([*offsets.values(), start])
    following = dict(pairwise(ends))
    return {
        number: pdf[at : following[at]].split(b"obj", 1)[1].split(b"stream", 1)[0].strip()
        for number, at in offsets.items()
    }


def _ref(body: bytes, key: bytes) -> int | None:
    found = re.search(rb"/" + key + rb"\s+" + _REF, body)
    return int(found.group(1)) if found else None


class Printed:
    """A printed PDF: its pages, and its structure tree in reading order."""

    def __init__(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._starts = _offsets(pdf)[0]
        self._objects = _objects(pdf)
        catalog = next(body for body in self._objects.values() if b"/Type /Catalog" in body)
        pages = _ref(catalog, b"Pages")
        tree = _ref(catalog, b"StructTreeRoot")
        assert pages is not None and tree is not None, "not a tagged PDF"
        self.page_numbers = {ref: n for n, ref in enumerate(self._page_refs(pages), start=1)}
        count = re.search(rb"/Count (\d+)", self._objects[pages])
        assert count is not None
        self.pages = int(count.group(1))
        assert self.pages == len(self.page_numbers)
        root = _ref(self._objects[tree], b"K")
        assert root is not None
        self.root = self._element(root, 0)

    def _page_refs(self, node: int) -> list[int]:
        body = self._objects[node]
        if b"/Type /Pages" not in body:
            return [node]
        kids = re.search(rb"/Kids\s*\[(.*?)\]", body, re.S)
        assert kids is not None
        return [ref for kid in re.findall(_REF, kids.group(1)) for ref in self._page_refs(int(kid))]

    def _element(self, number: int, depth: int) -> Element:
        body = self._objects[number]
        tag = re.search(rb"/S /(\w+)", body)
        element = Element(tag.group(1).decode() if tag else "", depth, body)
        page = _ref(body.split(b"/K", 1)[0], b"Pg")
        kids = re.search(rb"/K\s*(\[.*?\](?=\s*(?:/|>>))|\d+ 0 R|\d+)", body, re.S)
        for kid in _KID.finditer(kids.group(1) if kids else b""):
            marked, child, mcid = kid.groups()
            if marked is not None:  # content drawn on another page than the element's
                where = _ref(marked, b"Pg")
                assert where is not None
                element.pages.append(self.page_numbers[where])
            elif child is not None:
                if b"/StructElem" in self._objects[int(child)]:
                    element.children.append(self._element(int(child), depth + 1))
            elif mcid is not None:
                assert page is not None, f"marked content with no page in {body!r}"
                element.pages.append(self.page_numbers[page])
        return element

    def elements(self) -> list[Element]:
        """Every element, in reading order."""
        found: list[Element] = []

        def walk(element: Element) -> None:
            found.append(element)
            for child in element.children:
                walk(child)

        walk(self.root)
        return found

    def sizes(self) -> set[bytes]:
        """The media boxes of the pages, as written."""
        found = set()
        for ref in self.page_numbers:
            box = re.search(rb"/MediaBox \[(.*?)\]", self._objects[ref])
            assert box is not None
            found.add(box.group(1))
        return found

    def _stream(self, number: int) -> bytes:
        body = self._objects[number]
        at = self._pdf.index(b"stream", self._starts[number]) + len(b"stream")
        at += 2 if self._pdf[at : at + 2] == b"\r\n" else 1
        length = re.search(rb"/Length (\d+)", body)
        assert length is not None
        data = self._pdf[at : at + int(length.group(1))]
        return zlib.decompress(data) if b"/FlateDecode" in body else data

    def _glyphs(self, font: int) -> dict[int, str]:
        """A font's glyph codes and the characters they draw, from its ToUnicode map."""
        ref = _ref(self._objects[font], b"ToUnicode")
        assert ref is not None
        text = self._stream(ref).decode("latin-1")
        glyphs = {}
        for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
            for code, char in re.findall(r"<(\w+)>\s*<(\w+)>", block):
                glyphs[int(code, 16)] = bytes.fromhex(char).decode("utf-16-be")
        for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
            for low, high, char in re.findall(r"<(\w+)>\s*<(\w+)>\s*<(\w+)>", block):
                for step, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    glyphs[code] = chr(int(char, 16) + step)
        return glyphs

    def page_text(self, number: int) -> str:
        """The characters drawn on a page (numbered from 1), run together."""
        page = next(ref for ref, n in self.page_numbers.items() if n == number)
        body = self._objects[page]
        fonts = {
            name: self._glyphs(int(ref)) for name, ref in re.findall(rb"/(F\d+) (\d+) 0 R", body)
        }
        contents = _ref(body, b"Contents")
        assert contents is not None
        drawn = []
        glyphs: dict[int, str] = {}
        shows = rb"/(F\d+) [\d.]+ Tf|\[(.*?)\]\s*TJ|<([0-9A-Fa-f]*)>\s*Tj"
        for show in re.finditer(shows, self._stream(contents), re.S):
            font, many, one = show.groups()
            if font is not None:
                glyphs = fonts[font]
                continue
            for run in re.findall(rb"<([0-9A-Fa-f]*)>", many) if many is not None else [one]:
                codes = [int(run[i : i + 4], 16) for i in range(0, len(run), 4)]
                drawn.append("".join(glyphs.get(code, "\ufffd") for code in codes))
        return "".join(drawn)
