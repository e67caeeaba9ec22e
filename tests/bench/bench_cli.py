#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""A baseline for bench_cli: an immediate query's rows as CSV with Python's standard library.

Usage: HALO_KEY=... bench_cli.py URL SQL > rows.csv
URL is the site's .../queries/immediate address. Writes a header row, then one row per result
row (CRLF line ends, as halo-cli --format csv). Python's csv module cannot tell NULL from an
empty string: both are written as an empty field.
"""
import base64
import csv
import json
import os
import sys
import urllib.request


def cell(value):
    if value is True:
        return "true"
    if value is False:
        return "false"
    return value  # None is written as an empty field, numbers with str()


def main():
    url, sql = sys.argv[1], sys.argv[2]
    body = json.dumps({"command": {"text": sql, "executionMode": "reader", "type": "text"}})
    request = urllib.request.Request(
        url,
        data=body.encode("utf-8"),
        method="POST",
        headers={
            "Ocp-Apim-Subscription-Key": os.environ["HALO_KEY"],
            "Content-Type": "application/json",
        },
    )
    with urllib.request.urlopen(request) as response:
        answer = json.load(response)
    rows = json.loads(base64.b64decode(answer["result"]["data"]))
    columns = list(rows[0]) if rows else []
    sys.stdout.reconfigure(encoding="utf-8", newline="")
    out = csv.writer(sys.stdout, lineterminator="\r\n")
    out.writerow(columns)
    out.writerows([cell(row.get(column)) for column in columns] for row in rows)


if __name__ == "__main__":
    main()
