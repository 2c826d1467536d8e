"""The shape the core keeps (issue 16, STYLE.md): no C file of the library over 700 lines, no #include cycle among
azote's headers, and no electrode reaction named in code outside its table row (solver/reactions.c): the kinetics,
metrics and outputs loop over the tables."""
import os
import re
import sys

SOURCE = os.environ.get("AZOTE_SOURCE_DIR", os.path.join(os.path.dirname(__file__), "..", ".."))
failures = []


def c_files():
    for d in ("solver", "include"):
        for root, _, files in os.walk(os.path.join(SOURCE, d)):
            for f in files:
                if f.endswith((".c", ".h", ".h.in")):
                    yield os.path.join(root, f)


# 1. file length
for path in c_files():
    n = sum(1 for _ in open(path))
    if path.endswith(".c") and n > 700:
        failures.append("%s: %d lines (at most 700)" % (os.path.relpath(path, SOURCE), n))

# 2. include graph among azote's own headers (and from the sources into them): a DAG
graph = {}
for path in c_files():
    rel = os.path.relpath(path, os.path.join(SOURCE, "include")) if "/include/" in path else os.path.relpath(path, SOURCE)
    graph[rel] = re.findall(r'#include\s*<(azote/[\w/.]+)>', open(path).read())
state = {}


def visit(node, stack):
    state[node] = 1
    for dep in graph.get(node, []):
        if state.get(dep) == 1:
            failures.append("#include cycle: %s" % " -> ".join(stack + [node, dep]))
        elif dep not in state:
            visit(dep, stack + [node])
    state[node] = 2


for node in sorted(graph):
    if node not in state:
        visit(node, [])

# 3. reactions named only in their table rows: outside solver/reactions.c no identifier and no string literal of its
# own is a reaction's name (comments, and messages and help texts that mention one, are prose)
def code_only(text):
    """The text without comments; string literals kept apart."""
    out, lits, i, n = [], [], 0, len(text)
    while i < n:
        if text.startswith("//", i):
            i = text.find("\n", i) if text.find("\n", i) >= 0 else n
        elif text.startswith("/*", i):
            i = text.find("*/", i) + 2
        elif text[i] == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            lits.append(text[i + 1:j])
            out.append('""')
            i = j + 1
        elif text[i] == "'":
            j = text.find("'", i + 1 + (text[i + 1] == "\\"))
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out), lits


table = open(os.path.join(SOURCE, "solver", "reactions.c")).read()
names = set(re.findall(r'^\s*\{"([a-z0-9]+)", "[A-Z0-9]+", "', table, flags=re.M))
if not {"n2rr", "her", "n2or", "oer", "orr"} <= names:
    failures.append("the reaction table's rows were not found in solver/reactions.c: %s" % sorted(names))
for path in c_files():
    if path.endswith(os.path.join("solver", "reactions.c")):
        continue
    code, lits = code_only(open(path).read())
    for name in names:
        if re.search(r"(?<![A-Za-z0-9])(?i:%s)(?![A-Za-z0-9])" % name, code):  # also as part of an identifier
            failures.append("%s names reaction %s in code (outside its table row)" % (os.path.relpath(path, SOURCE), name))
        if name in lits:
            failures.append("%s names reaction %s in a string of its own (outside its table row)" % (os.path.relpath(path, SOURCE), name))

for f in failures:
    print("FAIL:", f)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
