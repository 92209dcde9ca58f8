#!/usr/bin/env python3
"""Writes Strings.resx (Portuguese, the neutral language) and Strings.en.resx from tools/strings.tsv (key, pt, en)."""
import pathlib, sys
from xml.sax.saxutils import escape
root = pathlib.Path(__file__).resolve().parent.parent
rows = [l.rstrip("\n").split("\t") for l in (root / "tools/strings.tsv").read_text(encoding="utf-8").splitlines() if l.strip()]
bad = [r[0] for r in rows if len(r) != 3]
if bad:
    sys.exit(f"rows without 3 columns: {bad}")
keys = [r[0] for r in rows]
if len(keys) != len(set(keys)):
    sys.exit("duplicate keys")
head = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''
for col, name in ((1, "Strings.resx"), (2, "Strings.en.resx")):
    body = "".join(f'  <data name="{k}" xml:space="preserve"><value>{escape(r[col])}</value></data>\n' for r in rows for k in [r[0]])
    (root / "src/MyMss.Tui/Resources" / name).write_text(head + body + "</root>\n", encoding="utf-8")
print(f"{len(rows)} strings")
