#!/usr/bin/env python3
"""Writes a CSV file in the import format as an XLSX workbook, K times over (ids suffixed from the second copy on).

Usage: xlsx.py IN.csv OUT.xlsx [K=1]
Streams row by row into the zip (inline strings, numbers of vermogen_mw as numbers), so any size can be written
without holding it; the workbook is what the import's row limit and memory bound are measured with.
"""
import csv, sys, zipfile
from xml.sax.saxutils import escape

source, target = sys.argv[1], sys.argv[2]
copies = int(sys.argv[3]) if len(sys.argv) > 3 else 1

def column(i):
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name

parts = {
    "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
}

with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
    for name, text in parts.items():
        z.writestr(name, text)
    with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
        out.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
        number = 0
        for copy in range(copies):
            with open(source, newline="", encoding="utf-8") as f:
                rows = csv.reader(f)
                header = next(rows)
                if copy == 0:
                    number += 1
                    out.write(("<row r=\"1\">" + "".join(f'<c r="{column(i)}1" t="inlineStr"><is><t>{escape(v)}</t></is></c>' for i, v in enumerate(header)) + "</row>").encode())
                for row in rows:
                    number += 1
                    if copy:
                        row[0] = f"{row[0]}-{copy}"
                    cells = []
                    for i, v in enumerate(row):
                        if v == "":
                            continue
                        cells.append(f'<c r="{column(i)}{number}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>')
                    out.write((f'<row r="{number}">' + "".join(cells) + "</row>").encode())
        out.write(b"</sheetData></worksheet>")
