"""PETSc's own solver options reach PETSc, sub-solver prefixes included: -pc_type bjacobi -sub_pc_type ilu solves the
default flow cell to the same metrics (1e-8) as the default solver, as does -dm_mat_type aij (PETSc's AIJ Jacobian
instead of hypre's matrix), -mg_levels_* / -fieldsplit_* are not refused as unknown azote keys (exit 1); the ionic
model's -ionic_phi_* reaches its potential's AMG (a point Jacobi there needs more Krylov iterations); a misspelled
azote key still is. `azote -help` names the solver options azote sets, and each is what PETSc reports using
(-snes_view, -ksp_view) on the default flow cell."""
import re

from azrun import case, check, finish, run, summary, tmpdir

base = ["-case", case("flowcell.yaml"), "-quiet", "-mesh_nx", "60", "-mesh_ny", "16"]
d0 = tmpdir()
run(base + ["-output_dir", d0])
m0 = summary(d0)["metrics"]
for what, extra in (("block Jacobi/ILU", ["-pc_type", "bjacobi", "-sub_pc_type", "ilu"]), ("an AIJ Jacobian", ["-dm_mat_type", "aij"])):
    d1 = tmpdir()
    run(base + ["-output_dir", d1] + extra)
    m1 = summary(d1)["metrics"]
    for k in ("i_n2rr_A_m2", "i_lim_n2rr_A_m2", "c_surf_mean_mol_m3"):
        check(abs(m1[k] - m0[k]) <= 1e-8 * abs(m0[k]), "%s with %s %r, default %r" % (k, what, m1[k], m0[k]))
for extra in (["-pc_type", "gamg", "-mg_levels_ksp_type", "richardson", "-mg_coarse_pc_type", "lu"],
              ["-fieldsplit_0_pc_type", "jacobi"]):
    rc, out = run(base + ["-output_dir", tmpdir()] + extra, check=False)
    check("unknown key" not in out and rc != 1, "%s refused as input: exit %d, %s" % (" ".join(extra), rc, out.strip()[-200:]))
# the ionic model's potential's AMG (solver/nplines.c): its prefix is PETSc's to read, and it reaches that solver
ionic = ["-case", case("flowcell-ph.yaml"), "-quiet"]
its = []
for extra in ([], ["-ionic_phi_pc_type", "jacobi"]):
    d = tmpdir()
    rc, out = run(ionic + ["-output_dir", d] + extra, check=False)
    check(rc == 0, "the ionic flow cell with %s: exit %d, %s" % (" ".join(extra) or "defaults", rc, out.strip()[-200:]))
    its.append(summary(d)["solver"]["krylov_iterations"] if rc == 0 else 0)
check(its[1] > its[0], "-ionic_phi_pc_type jacobi did not change the ionic solve (Krylov iterations %d, default %d)" % (its[1], its[0]))
# -help's list of the defaults against what PETSc says it runs: (option as -help gives it, pattern in -snes_view/-ksp_view)
DEFAULTS = [("-snes_type newtonls", r"SNES Object.*?\n\s+type: newtonls"), ("-snes_linesearch_type basic", r"SNESLineSearch Object.*?\n\s+type: basic"),
            ("-snes_max_it 50", r"maximum iterations=50, maximum function evaluations"), ("-ksp_type bcgs", r"KSP Object.*?\n\s+type: bcgs"),
            ("-ksp_pc_side right", r"right preconditioning"), ("-ksp_rtol 1e-11", r"tolerances:\s+relative=1e-11"),
            ("-ksp_max_it 500", r"maximum iterations=500"), ("-pc_hypre_type boomeramg", r"HYPRE BoomerAMG"),
            ("-pc_hypre_boomeramg_coarsen_type HMIS", r"Coarsen type\s+HMIS"), ("-pc_hypre_boomeramg_interp_type ext+i", r"Interpolation type\s+ext\+i"),
            ("-pc_hypre_boomeramg_P_max 4", r"max elements per row 4"), ("-pc_hypre_boomeramg_agg_nl 0", r"levels of aggressive coarsening 0"),
            ("-pc_hypre_boomeramg_grid_sweeps_down 0", r"Sweeps down\s+0")]
_, helptext = run(["-help"], check=False)
_, view = run(base + ["-output_dir", tmpdir(), "-snes_view", "-ksp_view"])
for opt, pattern in DEFAULTS:
    check(opt in " ".join(helptext.split()), "azote -help does not name the default %s" % opt)
    check(re.search(pattern, view, re.S) is not None, "-help says %s, PETSc's view of the default run does not show it" % opt)
rc, out = run(base + ["-output_dir", tmpdir(), "-flowcell_heigth", "1e-3"], check=False)
check(rc == 1 and "unknown key -flowcell_heigth" in out, "a misspelled azote key was not refused: exit %d" % rc)
finish()
