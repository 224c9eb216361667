#!/usr/bin/env python3
"""Check with a full XML parser that two workbooks contain the same cells.

Usage: compare-cells.py TIERLINE.xlsx REFERENCE.xlsx

Reads the Accounts and Movements sheets of both workbooks with Python's
zipfile and ElementTree, independently of minimal-writer's own reader, and
compares every cell's reference, type and value (the text of a number as
written). It also checks that the reference has only those two sheets and
no cell formats. Exits with status 1 and the first difference otherwise.
"""

import posixpath
import sys
import zipfile
import xml.etree.ElementTree as ET

MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
SHEETS = ("Accounts", "Movements")


def sheet_parts(archive):
    """Return each sheet's zip entry by name, through the workbook's relationships."""
    workbook = ET.fromstring(archive.read("xl/workbook.xml"))
    rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    targets = {rel.get("Id"): rel.get("Target") for rel in rels.iter(PKG + "Relationship")}
    parts = {}
    for sheet in workbook.iter(MAIN + "sheet"):
        target = targets[sheet.get(REL + "id")]
        if target.startswith("/"):
            parts[sheet.get("name")] = target[1:]
        else:
            parts[sheet.get("name")] = posixpath.join("xl", target)
    return parts


def cells(archive, part):
    """Yield (reference, type, value, style) for each cell with a value."""
    with archive.open(part) as stream:
        for _, element in ET.iterparse(stream):
            if element.tag != MAIN + "c":
                continue
            kind = element.get("t", "n")
            if kind == "inlineStr":
                value = "".join(text.text or "" for text in element.iter(MAIN + "t"))
            else:
                number = element.find(MAIN + "v")
                value = number.text if number is not None else None
            if value is not None:
                yield element.get("r"), kind, value, element.get("s")
            element.clear()


def fail(message):
    print(f"compare-cells: {message}", file=sys.stderr)
    sys.exit(1)


def compare_sheet(tierline, reference, name):
    tierline_cells = cells(tierline, sheet_parts(tierline)[name])
    reference_cells = cells(reference, sheet_parts(reference)[name])
    count = 0
    while True:
        expected = next(tierline_cells, None)
        actual = next(reference_cells, None)
        if expected is None and actual is None:
            break
        if expected is None or actual is None or expected[:3] != actual[:3]:
            fail(f"sheet {name} differs at cell {count + 1}: "
                 f"{expected!r:.200} in Tierline's workbook, {actual!r:.200} in the reference")
        if actual[3] is not None:
            fail(f"sheet {name}: the reference's cell {actual[0]} has a format")
        count += 1
    if count == 0:
        fail(f"sheet {name} has no cells")
    print(f"{name}: the same {count} cells (read with ElementTree)")


def main():
    if len(sys.argv) != 3:
        fail("usage: compare-cells.py TIERLINE.xlsx REFERENCE.xlsx")
    with zipfile.ZipFile(sys.argv[1]) as tierline, zipfile.ZipFile(sys.argv[2]) as reference:
        names = list(sheet_parts(reference))
        if names != list(SHEETS):
            fail(f"the reference has the sheets {names}, expected {list(SHEETS)}")
        for name in SHEETS:
            compare_sheet(tierline, reference, name)


main()
