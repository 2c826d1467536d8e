"""The communication counts of scripts/bench and scripts/weak-scaling (scripts/azcomm.py) on small grids: PETSc's
ghost exchange per rank, read from -log_view, equals the surface model of the decomposition read from -dm_view (each
rank's faces with a neighbour, one cell wide, 8 bytes a cell), rank by rank; the MPI counter (PMPI) sees at least
PETSc's messages and bytes on every rank, and hypre's on top; one rank sends nothing. The 6-rank grid splits 3 x 2
with uneven parts: its middle ranks have three neighbours. Each ghost update's messages equal the neighbours the
model counts.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.environ["AZOTE_SOURCE_DIR"], "scripts"))
import azcomm  # noqa: E402

azcomm.AZOTE = os.environ["AZOTE"]
azcomm.MPICOUNT = os.path.join(sys.argv[1], "libazote_mpicount.so")
env = dict(os.environ)
if env.get("ASAN_OPTIONS"):  # the sanitizer build: the counter is preloaded before ASan's runtime
    env["ASAN_OPTIONS"] += ":verify_asan_link_order=0"
failures = []
# the interior column of docs/scaling.md: on an even split, the ghost update of the rank with neighbours all round
for mesh, dec, centre in (((30, 30), (3, 3), 4), ((30, 21, 39), (3, 3, 3), 13)):
    interior, model = azcomm.model_interior(mesh, dec), azcomm.model_halo(mesh, dec)
    if interior != model[centre] or model[centre] != max(model):
        failures.append("interior model %g B on %s over %s, the centre rank's %g B" % (interior, mesh, dec, model[centre]))
for np_, case, mesh in ((1, "flowcell.yaml", (40, 16)), (2, "flowcell.yaml", (40, 16)), (6, "flowcell.yaml", (41, 37)),
                        (4, "flowcell-3d.yaml", (21, 8, 13))):
    extra = ["-electrode_mode", "limiting"] + [a for k, n in zip(("-mesh_nx", "-mesh_ny", "-mesh_nz"), mesh) for a in (k, str(n))]
    r = azcomm.communication(np_, case, extra, env)
    model, neighbours = azcomm.model_halo(mesh, r["decomposition"]), azcomm.model_neighbours(mesh, r["decomposition"])
    print("%d rank(s), %s on %s: ghost update %s B (model %s), %s messages (model %s), PETSc %s messages / %s B, all %s messages / %s B" % (
        np_, " x ".join(map(str, mesh)), " x ".join(map(str, r["decomposition"])), r["halo_bytes_per_update"], model,
        r["halo_messages_per_update"], neighbours, r["petsc_halo_messages"], r["petsc_halo_bytes"], r["p2p_messages"], r["p2p_bytes"]))
    if len(r["decomposition"]) != len(mesh) or r["decomposition"][0] * r["decomposition"][1] * (r["decomposition"][2] if len(mesh) > 2 else 1) != np_:
        failures.append("%d ranks: decomposition %s" % (np_, r["decomposition"]))
    if r["halo_bytes_per_update"] != model:
        failures.append("%d ranks: ghost update %s B per rank, the model %s" % (np_, r["halo_bytes_per_update"], model))
    if r["halo_messages_per_update"] != neighbours:
        failures.append("%d ranks: ghost update %s messages per rank, the model's neighbours %s" % (np_, r["halo_messages_per_update"], neighbours))
    if np_ > 1 and not all(u > 0 for u in r["ghost_updates"]):
        failures.append("%d ranks: no ghost update counted: %s" % (np_, r["ghost_updates"]))
    for k in range(np_):
        if r["p2p_messages"][k] < r["petsc_halo_messages"][k] or r["p2p_bytes"][k] < r["petsc_halo_bytes"][k]:
            failures.append("%d ranks, rank %d: the MPI counter saw %d messages / %d B, fewer than PETSc's %g / %g" % (
                np_, k, r["p2p_messages"][k], r["p2p_bytes"][k], r["petsc_halo_messages"][k], r["petsc_halo_bytes"][k]))
    if np_ == 1 and (r["p2p_messages"] != [0] or r["petsc_halo_messages"] != [0]):
        failures.append("1 rank: messages counted: %s, %s" % (r["p2p_messages"], r["petsc_halo_messages"]))
    if np_ > 1 and not all(m > 10 * h for m, h in zip(r["p2p_messages"], r["petsc_halo_messages"])):
        failures.append("%d ranks: hypre's messages missing from the MPI count: %s against PETSc's %s" % (
            np_, r["p2p_messages"], r["petsc_halo_messages"]))
for f in failures:
    print("FAILED: " + f)
sys.exit(1 if failures else 0)
