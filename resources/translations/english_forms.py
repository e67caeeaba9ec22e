#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Fills the English catalogues after lupdate has refreshed them.

halo_explorer_en.ts: the plural forms of every "%n ..." string ("%n row(s)" -> "%n row",
"%n rows"); nothing else, so every other string falls back to its source text.
halo_explorer_en_AU.ts: the same plural forms, plus the Australian spelling of any source text
written the American way (-ize -> -ise, color -> colour, license (noun) -> licence).
Translations a person wrote by hand (finished, and not what this script would write) are kept.

Usage: resources/translations/english_forms.py   (after: cmake --build build --target
halo_translations_lupdate)
"""
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

HERE = pathlib.Path(__file__).resolve().parent

# Plural words that do not just take an "s".
IRREGULAR = {"entry(s)": ("entry", "entries"), "query(s)": ("query", "queries"),
             "(es)": ("", "es")}

SPELLING = [
    (re.compile(r"\b(\w{2,})iz(e|ed|es|ing|ation|ations)\b"), r"\1is\2"),
    (re.compile(r"\b([Cc])olor"), r"\1olour"),
    # The GNU licences keep their names: "General Public License" is a title, not a spelling.
    (re.compile(r"(?<!Public )\b([Ll])icense\b(?!d)"), r"\1icence"),
    (re.compile(r"\b([Bb])ehavior"), r"\1ehaviour"),
]
# Words that end in -ize in Australian English too.
KEEP = {"size", "sized", "sizes", "sizing", "prize", "seize", "capsize"}


def plural_forms(source):
    singular, plural = source, source
    for word, (one, many) in IRREGULAR.items():
        singular = singular.replace(word, one)
        plural = plural.replace(word, many)
    return singular.replace("(s)", ""), plural.replace("(s)", "s")


def australian(text):
    def fix(pattern, replacement, value):
        def one(match):
            word = match.group(0)
            return word if word.lower() in KEEP else match.expand(replacement)
        return pattern.sub(one, value)
    for pattern, replacement in SPELLING:
        text = fix(pattern, replacement, text)
    return text


def fill(path, spelling):
    tree = ET.parse(path)
    changed = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if message.get("numerus") == "yes":
            forms = plural_forms(source)
            if spelling:
                forms = tuple(australian(form) for form in forms)
            translation.clear()
            for form in forms:
                ET.SubElement(translation, "numerusform").text = form
            translation.tail = translation.tail or "\n    "
            changed += 1
        elif spelling and australian(source) != source:
            translation.attrib.pop("type", None)
            translation.text = australian(source)
            changed += 1
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    return changed


def main():
    for name, spelling in (("halo_explorer_en.ts", False), ("halo_explorer_en_AU.ts", True)):
        count = fill(HERE / name, spelling)
        print(f"{name}: {count} messages filled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
