"""The communication of an azote run, per rank: shared by scripts/bench and scripts/weak-scaling (not run by itself).

Two counts of one run:
- PETSc's (-log_view :FILE:ascii_info_detail): its VecScatterBegin events are the ghost (halo) exchanges of the
  DMDA's state vector, each rank's faces of width one cell; PETSc counts a message at both ends, so what a rank sends
  is half its count (a halo is symmetric: each rank sends what it receives). The event's count includes the scatter's
  one-time set-up (SFSetUp, taken off for the bytes of one exchange).
- every point-to-point message a rank sends, whoever sends it (build/tests/libazote_mpicount.so preloaded: the MPI
  profiling interface): hypre's BoomerAMG set-up, V-cycles and matrix-vector products call MPI themselves and are
  not in PETSc's log; and the number of collective calls (reductions, barriers, ...).
"""
import ast
import json
import os
import re
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AZOTE = os.path.join(ROOT, "build", "azote")
MPICOUNT = os.path.join(ROOT, "build", "tests", "libazote_mpicount.so")


def logview_events(path, stage="Main Stage"):
    """{event: [per-rank dict of count, time, numMessages, messageLength, numReductions, flop]} of one stage of a
    -log_view :path:ascii_info_detail file (a Python file written by PETSc; read as data, not run)."""
    events = {}
    pattern = re.compile(r'^Stages\["%s"\]\["([^"]+)"\]\[(\d+)\] = (\{.*\})$' % re.escape(stage))
    for line in open(path):
        m = pattern.match(line.strip())
        if m:
            events.setdefault(m.group(1), {})[int(m.group(2))] = ast.literal_eval(m.group(3))
    return {k: [v[r] for r in sorted(v)] for k, v in events.items()}


def decomposition(text):
    """The DMDA's ranks per direction from -dm_view's text ("Processor [0] M 200 N 50 P 100 m 2 n 1 p 1 ...")."""
    m = re.search(r"Processor \[0\] M \d+ N \d+ (?:P \d+ )?m (\d+) n (\d+)(?: p (\d+))?", text)
    return [int(g) for g in m.groups() if g is not None] if m else None


def _run(cmd, env):
    p = subprocess.run(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if p.returncode:
        raise RuntimeError("%s failed (exit %d):\n%s" % (" ".join(cmd), p.returncode, p.stdout[-3000:]))
    return p.stdout


def communication(np_, case, extra, env, output_fields=False):
    """Runs azote twice on np_ ranks: once with PETSc's log (and -dm_view, the decomposition, and BoomerAMG's
    statistics), once with the MPI
    counter alone (PETSc prints its detailed log and -dm_view through point-to-point messages to rank 0, which the
    counter would count). Returns the per-rank figures (lists, one entry per rank). Without output_fields the
    counts are the set-up's and the solve's only (the fields' output sends each rank's part to the writers)."""
    with tempfile.TemporaryDirectory(prefix="azote-comm-") as tmp:
        log, count = os.path.join(tmp, "log.py"), os.path.join(tmp, "count.json")
        base = [AZOTE, "-case", os.path.join(ROOT, "cases", case), "-quiet"] + (["-output_fields", "false"] if not output_fields else []) + extra
        text = _run(["mpiexec", "-n", str(np_)] + base + ["-output_dir", os.path.join(tmp, "log"), "-dm_view", "-log_view",
                                                          ":%s:ascii_info_detail" % log, "-pc_hypre_boomeramg_print_statistics", "1"], env)
        _run(["mpiexec", "-n", str(np_), "-x", "LD_PRELOAD=" + MPICOUNT, "-x", "AZ_MPICOUNT_FILE=" + count] + base
             + ["-output_dir", os.path.join(tmp, "count")], env)
        ev, mpi = logview_events(log), json.load(open(count))
        summary = json.load(open(os.path.join(tmp, "count", "summary.json")))
    scatter, setup = ev["VecScatterBegin"], ev["SFSetUp"]
    if any(mpi["untracked_persistent_requests"]):
        raise RuntimeError("the MPI counter lost track of persistent requests: its counts are too low")
    levels = re.search(r"Num levels = (\d+)", text)
    complexity = re.search(r"operator = ([0-9.]+)", text)
    return {
        "ranks": np_, "decomposition": decomposition(text),
        # BoomerAMG's hierarchy (its statistics, printed by hypre): levels and operator complexity
        "amg_levels": int(levels.group(1)) if levels else None,
        "amg_operator_complexity": float(complexity.group(1)) if complexity else None,
        "ghost_updates": [e["count"] for e in scatter],
        # what a rank sends: half of PETSc's count (both ends counted), the scatter's set-up included
        "petsc_halo_messages": [e["numMessages"] / 2 for e in scatter],
        "petsc_halo_bytes": [e["messageLength"] / 2 for e in scatter],
        # one ghost update's bytes and messages, the set-up taken off
        "halo_bytes_per_update": [(e["messageLength"] - s["messageLength"]) / 2 / e["count"] if e["count"] else 0
                                  for e, s in zip(scatter, setup)],
        "halo_messages_per_update": [(e["numMessages"] - s["numMessages"]) / 2 / e["count"] if e["count"] else 0
                                     for e, s in zip(scatter, setup)],
        "petsc_reductions": [e["numReductions"] for e in ev["summary"]],
        "p2p_messages": mpi["p2p_messages"], "p2p_bytes": mpi["p2p_bytes"], "collectives": mpi["collectives"],
        "newton": summary["solver"]["newton_iterations"], "krylov": summary["solver"]["krylov_iterations"],
        "cells": summary["solver"]["cells"],
    }


def model_exchange(mesh, dec):
    """One ghost update of a star stencil one cell wide, per rank: (bytes sent, messages sent). A rank sends each face
    it shares with a neighbour, 8 bytes a cell, one message per neighbour; the cells split as PETSc's DMDA splits them
    (M/m, the first M % m ranks one more). Ranks in PETSc's order (x fastest)."""
    sizes = [[M // m + (i < M % m) for i in range(m)] for M, m in zip(mesh, dec)]
    out = []
    for k in range(dec[2] if len(dec) > 2 else 1):
        for j in range(dec[1]):
            for i in range(dec[0]):
                idx, ext = (i, j, k)[:len(dec)], [sizes[d][(i, j, k)[d]] for d in range(len(dec))]
                cells = messages = 0
                for d in range(len(dec)):
                    face = 1
                    for e in range(len(dec)):
                        if e != d:
                            face *= ext[e]
                    sides = (idx[d] > 0) + (idx[d] < dec[d] - 1)
                    cells += face * sides
                    messages += sides
                out.append((8 * cells, messages))
    return out


def model_halo(mesh, dec):
    """Bytes each rank sends in one ghost update (model_exchange)."""
    return [b for b, _ in model_exchange(mesh, dec)]


def model_neighbours(mesh, dec):
    """Messages each rank sends in one ghost update: its neighbours across a face (model_exchange)."""
    return [n for _, n in model_exchange(mesh, dec)]


def model_interior(mesh, dec):
    """Bytes one ghost update sends from a rank with a neighbour on every side in each split direction, on the
    decomposition's mean sub-domain (M/m cells a direction): what the per-rank volume tends to as the ranks grow."""
    ext = [M / m for M, m in zip(mesh, dec)]
    total = 0.0
    for d in range(len(dec)):
        if dec[d] > 1:
            face = 1.0
            for e in range(len(dec)):
                if e != d:
                    face *= ext[e]
            total += 2 * face
    return 8 * total


def stats(values):
    """(mean, max) of a per-rank list."""
    return sum(values) / len(values), max(values)
