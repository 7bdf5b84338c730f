#!/usr/bin/env python3
"""Writes the permission matrix (gateway/src/main/resources/security/operations.csv) into docs/security.md as tables,
between the line ending "`authenticated` is any signed-in person or client." and the next section ("## ..."), one
table per commented group of rows. PermissionMatrixTest checks that the two agree; run this after changing the file."""
import pathlib

root = pathlib.Path(__file__).resolve().parent.parent
csv = (root / "gateway/src/main/resources/security/operations.csv").read_text(encoding="utf-8").splitlines()
doc = root / "docs/security.md"

blocks, rows, heading = [], [], None
started = False
for line in csv:
    line = line.strip()
    if not line:
        started = True  # the file's header comment ends at the first blank line
        continue
    if line.startswith("#"):
        if not started:
            continue
        if rows:
            blocks.append((heading, rows))
        heading, rows = line.lstrip("# ").strip(), []
        continue
    method, path, who = line.split(",", 2)
    who = who if who in ("anyone", "authenticated") else " ".join(f"`{r}`" for r in who.split())
    rows.append(f"| {method} | `{path}` | {who} |")
if rows:
    blocks.append((heading, rows))

table = "\n\n".join(f"**{h}**\n\n| method | path | who |\n| --- | --- | --- |\n" + "\n".join(r) for h, r in blocks)
text = doc.read_text(encoding="utf-8")
start_marker = "`authenticated` is any signed-in person or client.\n"
start = text.index(start_marker) + len(start_marker)
end = text.index("\n## ", start) + 1
doc.write_text(text[:start] + "\n" + table + "\n\n" + text[end:], encoding="utf-8")
