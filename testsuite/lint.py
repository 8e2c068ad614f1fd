#!/usr/bin/env python3
"""lint.py: checks of the sources that no compiler makes. Prints one line
per finding and exits 1 when there is one.

- fmt.c implements %s %c %d and %%, nothing else, while
  the compiler accepts any printf format: every string literal of the C
  sources that holds a '%' may use only those.
- the netlink transport (libbb/nl.c) never prints: its callers do.
- bash's errexit ignores a failing `! CMD`, so in a bats test such a line
  asserts nothing unless it is the test's last command (or is part of a
  || or && list): `run ! CMD` is the form that fails."""
import re
import sys
from pathlib import Path

top = Path(__file__).resolve().parent.parent
bad = 0


def report(where, text):
    global bad
    print(f"{where}: {text}")
    bad += 1


CONV = re.compile(r"%[scd%]")
STRING = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
# fmt.c's own strings are what it prints, not formats.
for path in sorted(top.glob("applets/*.c")) + sorted(top.glob("libbb/*.c")):
    if path.name == "fmt.c":
        continue
    for no, line in enumerate(path.read_text().splitlines(), 1):
        if line.lstrip().startswith(("//", "#include")):
            continue
        for m in STRING.finditer(line):
            rest = CONV.sub("", m.group(1))
            if "%" in rest:
                report(f"{path.relative_to(top)}:{no}",
                       f"a conversion fmt does not have: \"{m.group(1)}\"")

PRINT = re.compile(r"\b(msg|msg_v|die|outf|out_str|out_mem|nl_perror|invarg)\s*\(")
for no, line in enumerate((top / "libbb/nl.c").read_text().splitlines(), 1):
    if PRINT.search(line):
        report(f"libbb/nl.c:{no}", f"the transport prints: {line.strip()}")

for path in sorted(top.glob("testsuite/*.bats")):
    lines = path.read_text().splitlines()
    for no, line in enumerate(lines, 1):
        s = line.strip()
        if not s.startswith("! ") or "||" in s or "&&" in s:
            continue
        nxt = next((l.strip() for l in lines[no:] if l.strip()), "}")
        if nxt != "}":
            report(f"{path.relative_to(top)}:{no}",
                   f"'! CMD' before the end of a test asserts nothing: {s}")

sys.exit(1 if bad else 0)
