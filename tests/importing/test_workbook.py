""".xlsx exports: read as written, hostile sizes refused quickly, damage named in one message."""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coprod_assess.errors import CoprodError, Problem
from coprod_assess.importing import workbook
from coprod_assess.importing.tables import read_table

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
PACKAGE = "http://schemas.openxmlformats.org/package/2006/relationships"
LINKS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SHEET = "xl/worksheets/sheet1.xml"
STRINGS = "xl/sharedStrings.xml"


def sheet(rows: str, dimension: str = "A1:C3") -> str:
    return (
        f'<worksheet xmlns="{MAIN}"><dimension ref="{dimension}"/>'
        f"<sheetData>{rows}</sheetData></worksheet>"
    )


# A workbook laid out as Excel and Microsoft Forms write one: shared strings, a rich-text
# string, an inline string, a number, a truth value and a sparse row.
PARTS = {
    "[Content_Types].xml": (
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'
    ),
    "_rels/.rels": f'<Relationships xmlns="{PACKAGE}"><Relationship Id="rId1" '
    f'Type="{LINKS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{LINKS}"><sheets>'
    '<sheet name="Form1" sheetId="1" r:id="rId1"/><sheet name="Other" sheetId="2" r:id="rId9"/>'
    "</sheets></workbook>",
    "xl/_rels/workbook.xml.rels": f'<Relationships xmlns="{PACKAGE}">'
    f'<Relationship Id="rId1" Type="{LINKS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{LINKS}/sharedStrings" Target="/xl/sharedStrings.xml"/>'
    "</Relationships>",
    STRINGS: f'<sst xmlns="{MAIN}" count="4" uniqueCount="4"><si><t>Role</t></si>'
    "<si><t>money-1</t></si><si><t>staff</t></si>"
    '<si><r><t>Some</t></r><r><t xml:space="preserve">times </t></r><rPh><t>x</t></rPh></si>'
    "</sst>",
    SHEET: sheet(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="inlineStr"><is><t>Note</t></is></c></row>'
        '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>1.0</v></c>'
        '<c r="C2" t="s"><v>3</v></c></row>'
        '<row r="5"><c r="A5" t="s"><v>2</v></c><c r="C5" t="b"><v>1</v></c></row>'
    ),
}


def zipped(parts: Mapping[str, str | bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def patched(data: bytes, part: str, offset: int, value: int, size: int) -> bytes:
    """The archive with one field of a part's central directory entry overwritten."""
    patched = bytearray(data)
    archive = zipfile.ZipFile(io.BytesIO(data))
    position = archive.start_dir
    for info in archive.infolist():
        name_length = int.from_bytes(patched[position + 28 : position + 30], "little")
        extra = int.from_bytes(patched[position + 30 : position + 34], "little")
        if info.filename == part:
            patched[position + offset : position + offset + size] = value.to_bytes(size, "little")
        position += 46 + name_length + (extra & 0xFFFF) + (extra >> 16)
    return bytes(patched)


@pytest.fixture
def export(write: Callable[..., Path]) -> Callable[..., Path]:
    """An .xlsx file of PARTS with some parts changed (None removes one), or of given bytes."""

    def _export(data: bytes | None = None, **changes: str | None) -> Path:
        if data is None:
            parts: dict[str, str | bytes] = dict(PARTS)
            for key, content in changes.items():
                name = {"sheet": SHEET, "strings": STRINGS}.get(key, key)
                if content is None:
                    del parts[name]
                else:
                    parts[name] = content
            data = zipped(parts)
        return write("export.xlsx", data)

    return _export


def refused(path: Path) -> Problem:
    with pytest.raises(CoprodError) as caught:
        read_table(path)
    (problem,) = caught.value.problems
    assert problem.file.endswith("export.xlsx")
    return problem


def test_cells_read_as_written(export: Callable[..., Path]) -> None:
    table = read_table(export())
    assert table.header == ["Role", "money-1", "Note"]
    assert [(row.line, row.cells) for row in table.rows] == [
        (2, ["staff", "1", "Sometimes "]),
        (5, ["staff", "", "TRUE"]),
    ]


@pytest.mark.parametrize(
    ("dimension", "size"),
    [("A1:XFD1048576", "1,048,576 rows by 16,384 columns"), ("B2:C9000000", "8,999,999 rows")],
)
def test_a_tiny_file_declaring_a_huge_sheet_is_refused(
    export: Callable[..., Path], dimension: str, size: str
) -> None:
    problem = refused(export(sheet=sheet("", dimension)))
    assert problem.code == "table-too-large"
    assert f"declares a sheet of {size}" in problem.message


def test_a_row_past_the_last_row_is_refused(export: Callable[..., Path]) -> None:
    problem = refused(export(sheet=sheet('<row r="2000000"><c r="A2000000"><v>1</v></c></row>')))
    assert (problem.code, problem.line) == ("table-too-large", 0)
    assert "a row numbered 2,000,000; the limit is 1,048,576" in problem.message


def test_rows_reaching_the_last_column_are_refused_at_the_cell_limit(
    export: Callable[..., Path],
) -> None:
    rows = "".join(f'<row r="{n}"><c r="XFD{n}"><v>1</v></c></row>' for n in range(1, 1000))
    problem = refused(export(sheet=sheet(rows)))
    assert problem.code == "table-too-large"
    assert "more than 5,000,000 cells" in problem.message
    assert problem.line == 306, "refused at the row that passes the limit"


def test_a_cell_past_the_last_column_is_damage(export: Callable[..., Path]) -> None:
    problem = refused(export(sheet=sheet('<row r="1"><c r="XFE1"><v>1</v></c></row>')))
    assert (problem.code, problem.line, problem.column) == ("xlsx-damaged", 1, 16_385)


def test_declared_shared_strings_past_the_limit_are_refused(export: Callable[..., Path]) -> None:
    strings = f'<sst xmlns="{MAIN}" uniqueCount="999999999"><si><t>x</t></si></sst>'
    problem = refused(export(strings=strings))
    assert "declares 999,999,999 shared strings; the limit is 5,000,000" in problem.message


def test_shared_strings_are_counted_while_read(
    export: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_SHARED_STRINGS", 3)
    undeclared = PARTS[STRINGS].replace(' count="4" uniqueCount="4"', "")
    assert "more than 3 shared strings" in refused(export(strings=undeclared)).message


def test_a_part_declaring_a_huge_size_is_refused_before_unpacking(
    export: Callable[..., Path],
) -> None:
    # The central directory's "uncompressed size" field, at offset 24.
    data = patched(zipped(PARTS), SHEET, 24, 3_000_000_000, 4)
    problem = refused(export(data))
    assert problem.code == "xlsx-too-large"
    assert f"a part {SHEET} of 3,000,000,000 bytes unpacked" in problem.message


def test_a_zip_bomb_is_refused_by_its_size(
    export: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook, "MAX_PART_BYTES", 1_000_000)
    bomb = zipped({**PARTS, SHEET: sheet(" " * 5_000_000)})
    assert len(bomb) < 50_000
    assert refused(export(bomb)).code == "xlsx-too-large"


def test_a_zip_bomb_understating_its_size_fails_its_checksum(export: Callable[..., Path]) -> None:
    bomb = patched(zipped({**PARTS, SHEET: sheet(" " * 5_000_000)}), SHEET, 24, 1000, 4)
    problem = refused(export(bomb))
    assert problem.code == "xlsx-damaged"
    assert f"has a damaged sheet ({SHEET}): it cannot be unpacked" in problem.message


def test_too_many_parts_are_refused_before_they_are_listed(export: Callable[..., Path]) -> None:
    data = bytearray(zipped(PARTS))
    end = data.rfind(b"PK\x05\x06")
    data[end + 10 : end + 12] = (60_000).to_bytes(2, "little")
    problem = refused(export(bytes(data)))
    assert "holds 60,000 parts" in problem.message


@pytest.mark.parametrize(
    ("changes", "where", "message"),
    [
        ({"sheet": None}, (0, 0), f"damaged sheet ({SHEET}): the workbook names it, but"),
        (
            {"xl/workbook.xml": f'<workbook xmlns="{MAIN}"><sheets/></workbook>'},
            (0, 0),
            "damaged part (xl/workbook.xml): it lists no sheets",
        ),
        ({"_rels/.rels": f'<Relationships xmlns="{PACKAGE}"/>'}, (0, 0), "names no workbook"),
        ({"sheet": sheet('<row r="x"/>')}, (1, 0), "a row is numbered 'x' after row 0"),
        ({"sheet": sheet('<row r="2"/><row r="2"/>')}, (3, 0), "numbered '2' after row 2"),
        ({"sheet": sheet('<row r="1"><c r="1A"/></row>')}, (1, 0), "a cell named '1A'"),
        ({"sheet": sheet('<row r="1"><c r="A7"/></row>')}, (1, 0), "a cell named 'A7'"),
        (
            {"sheet": sheet('<row r="1"><c r="B1"/><c r="A1"/></row>')},
            (1, 1),
            "cell A1 is out of place",
        ),
        (
            {"sheet": sheet('<row r="1"><c r="C1" t="s"><v>99</v></c></row>')},
            (1, 3),
            "refers to shared string '99', but there are 4",
        ),
        (
            {"sheet": sheet('<row r="1"><c r="B1" t="b"><v>7</v></c></row>')},
            (1, 2),
            "a cell of type 'b' holds '7'",
        ),
        (
            {"sheet": sheet('<row r="1"><c r="A1"><v>many</v></c></row>')},
            (1, 1),
            "a cell of type 'n' holds 'many'",
        ),
        (
            {"sheet": sheet('<row r="1"><c r="A1" t="zz"><v>1</v></c></row>')},
            (1, 1),
            "a cell of type 'zz'",
        ),
        ({"sheet": sheet("", "everything")}, (0, 0), "its size as 'everything'"),
        ({"sheet": "<worksheet><sheetData><row>"}, (0, 0), "not well-formed XML (no element"),
        ({"strings": "<sst><si>"}, (0, 0), f"damaged part ({STRINGS}): it is not well-formed"),
    ],
)
def test_damaged_parts_are_named(
    export: Callable[..., Path],
    changes: dict[str, str | None],
    where: tuple[int, int],
    message: str,
) -> None:
    problem = refused(export(**changes))
    assert (problem.code, problem.line, problem.column) == ("xlsx-damaged", *where)
    assert message in problem.message
    assert problem.message.endswith("open it in a spreadsheet and save it again")


def test_bad_deflate_data(export: Callable[..., Path]) -> None:
    data = bytearray(zipped(PARTS))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo(SHEET)
    start = info.header_offset + 30 + len(SHEET)
    data[start : start + 8] = b"\xff" * 8
    problem = refused(export(bytes(data)))
    assert f"damaged sheet ({SHEET}): it cannot be unpacked" in problem.message


@pytest.mark.parametrize(("method", "shown"), [(99, "99"), (zipfile.ZIP_LZMA, "14")])
def test_unknown_compression_method(export: Callable[..., Path], method: int, shown: str) -> None:
    # Offset 10 of a central directory entry: its compression method.
    data = patched(zipped(PARTS, zipfile.ZIP_STORED), SHEET, 10, method, 2)
    problem = refused(export(data))
    assert f"uses compression method {shown}, unknown to spreadsheets" in problem.message


@pytest.mark.parametrize("flag", [0x1, 0x20, 0x40])
def test_encrypted_or_patched_part(export: Callable[..., Path], flag: int) -> None:
    # Offset 8 of a central directory entry: its flag bits.
    data = patched(zipped(PARTS), SHEET, 8, flag, 2)
    assert "it is encrypted or patched" in refused(export(data)).message


def test_truncated_file_is_not_a_workbook(export: Callable[..., Path]) -> None:
    data = zipped(PARTS)
    problem = refused(export(data[: len(data) // 2]))
    assert problem.code == "not-xlsx"
    assert "is not a readable .xlsx workbook: it is not a whole zip archive" in problem.message


def test_old_or_password_protected_workbook(export: Callable[..., Path]) -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)
    assert "old .xls workbook or has a password" in refused(export(data)).message


def test_a_folder_fifo_or_device_named_xlsx_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    device = tmp_path / "zero.xlsx"
    device.symlink_to("/dev/zero")
    folder = tmp_path / "folder.xlsx"
    folder.mkdir()
    for path, kind in ((fifo, "a pipe"), (device, "a device"), (folder, "a folder")):
        with pytest.raises(CoprodError) as caught:
            read_table(path)
        assert caught.value.problems[0].code == "not-a-file"
        assert f"is {kind}, not a file" in caught.value.problems[0].message


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    method=st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]),
    changes=st.lists(st.tuples(st.floats(0, 1, exclude_max=True), st.integers(0, 255)), max_size=4),
    cut=st.none() | st.floats(0, 1),
)
def test_any_damage_gives_a_table_or_one_message_naming_the_file(
    export: Callable[..., Path],
    method: int,
    changes: list[tuple[float, int]],
    cut: float | None,
) -> None:
    data = bytearray(zipped(PARTS, method))
    for where, byte in changes:
        data[int(where * len(data))] = byte
    if cut is not None:
        data = data[: int(cut * len(data))]
    try:
        table = read_table(export(bytes(data)))
    except CoprodError as err:
        (problem,) = err.problems
        assert problem.file.endswith("export.xlsx")
    else:
        assert table.header
