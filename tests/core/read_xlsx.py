#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads an .xlsx with openpyxl (a reader we did not write) and prints every row of its first
# sheet as JSON, each cell as [type, value]: the test compares types and values with the table.
import datetime
import json
import sys

import openpyxl

book = openpyxl.load_workbook(sys.argv[1], read_only=True)
sheet = book.worksheets[0]
rows = []
for row in sheet.iter_rows():
    cells = []
    for cell in row:
        value = cell.value
        if value is None:
            cells.append(["none", None])
        elif isinstance(value, bool):
            cells.append(["bool", value])
        elif isinstance(value, int):
            cells.append(["int", value])
        elif isinstance(value, float):
            cells.append(["float", value])
        elif isinstance(value, datetime.datetime):
            if cell.number_format and "h" in cell.number_format:
                cells.append(["datetime", value.isoformat()])
            else:
                cells.append(["date", value.date().isoformat()])
        else:
            cells.append(["str", str(value)])
    rows.append(cells)
print(json.dumps({"sheet": sheet.title, "rows": rows}))
