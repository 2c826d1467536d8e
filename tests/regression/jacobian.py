"""-snes_test_jacobian on the default flow cell and GDE, with nonlinear kinetics (reaction order 0.7) and in limiting
mode (the GDE with a catholyte and a partly flooded layer, so that every coupling is present), and on the flow cell
and the steady H-cell with the electrolyte potential (the coupled species-potential Jacobian of the electrode faces,
at a conductivity low enough for a 50 mV ohmic drop), also for an N2OR anode and an ORR cathode, and on the 3-D flow
cell (the duct's profile, side walls, z faces) with the potential, and the GDE with its ions (electrolyte_model tertiary,
the catalyst layer's reactions over the ions and its gas-liquid transfer): the analytic Jacobian
must match PETSc's finite-difference Jacobian, ||J - Jfd||_F / ||J||_F < 1e-6 at every Newton step.
(A 50 % error in the electrode term alone gives about 2e-4 on this case; round-off gives about 1e-9.) The test
builds the finite-difference Jacobian column by column, one residual per cell, so the default case runs on a coarser
mesh of the same geometry. The ionic model (flowcell-ph.yaml at 12 x 6 cells: Na2SO4, phosphate, -0.4 V) must match
to 2e-7 at a differencing step of 1e-9 (below)."""
import re

from azrun import case, check, finish, run, tmpdir

coarse = ["-mesh_nx", "60", "-mesh_ny", "24"]
gde = ["-mesh_nx", "6", "-gde_catholyte_thickness", "5e-4", "-gde_saturation", "0.4", "-kinetics_n2rr_i0", "1e-3"]
variants = [("flowcell.yaml", coarse), ("flowcell.yaml", coarse + ["-kinetics_n2rr_order", "0.7"]),
            ("flowcell.yaml", coarse + ["-electrode_mode", "limiting"]),
            ("gde.yaml", gde + ["-kinetics_n2rr_order", "0.7"]), ("gde.yaml", gde + ["-electrode_mode", "limiting"])]
phi = ["-electrolyte_potential", "true", "-electrolyte_conductivity", "0.1"]
coarser = ["-mesh_nx", "30", "-mesh_ny", "12"]
variants += [("flowcell.yaml", coarser + phi + ["-kinetics_n2rr_order", "0.7"]), ("flowcell.yaml", coarser + phi + ["-electrode_mode", "limiting"]),
             ("hcell.yaml", ["-mesh_nx", "20", "-mesh_ny", "6", "-time_end", "0"] + phi)]
# the other main reactions: N2OR (an oxidation, with OER) and ORR (on dissolved O2), with the potential
anode = ["-electrode_reaction", "n2or", "-electrode_potential", "1.6", "-kinetics_n2or_i0", "1e-2", "-kinetics_n2or_order", "0.7",
         "-kinetics_oer_i0", "1e-5"]
orr = ["-electrode_reaction", "orr", "-gas_composition", "O2:1", "-electrode_potential", "0.7", "-kinetics_orr_i0", "1e-4"]
variants += [("flowcell.yaml", coarser + phi + anode), ("flowcell.yaml", coarser + phi + orr),
             ("gde.yaml", gde + phi + ["-kinetics_n2rr_order", "0.7", "-electrode_potential", "-0.8"])]
variants += [("flowcell-3d.yaml", ["-mesh_nx", "16", "-mesh_ny", "6", "-mesh_nz", "5", "-kinetics_n2rr_order", "0.7"] + phi)]
# The ionic model (electrolyte_model tertiary) on cases/flowcell-ph.yaml at 12 x 6 cells: unbuffered Na2SO4, a
# phosphate buffer, and -0.4 V. Its unknowns are ln c of the ions, where PETSc's default differencing step truncates at
# ~7e-7, so the test differences with -snes_test_err 1e-9 (it must come before -snes_test_jacobian, whose optional
# value would take it): the ratio is then 1e-8 to 6e-8 at every Newton step (7e-8 at 1e-8: it falls with the step),
# the round-off of the fast bulk reactions' cancelling rates at the bulk state (the first step) the largest. The
# electrodes' couplings once missing from the matrix's pattern (dropped: the derivatives of the N2RR term in N2 and
# phi_l, NH3's in phi_l) gave 1e-6 to 2.5e-6 over the first five steps: the limit 2e-7 lies between.
ionic = ["-mesh_nx", "12", "-mesh_ny", "6", "-snes_test_err", "1e-9"]
ionic_variants = [("flowcell-ph.yaml", ionic, 2e-7), ("flowcell-ph.yaml", ionic + ["-electrolyte", "KH2PO4:0.05,K2HPO4:0.05"], 2e-7),
                  ("flowcell-ph.yaml", ionic + ["-electrode_potential", "-0.4"], 2e-7)]
# the ionic model in the GDE: the catalyst layer's volumetric reactions over the ions, its gas-liquid transfer, with the
# bulk beyond a Nernst layer (the counter electrode's H+/OH- switch at zero current is a kink: docs/ionic.md); halving
# the layer's d/d phi_l gives 2e-5
ionic_variants += [("gde-ph.yaml", ["-mesh_nx", "3", "-mesh_ny", "20", "-gde_catholyte_bulk", "true", "-gde_catholyte_thickness", "1e-4",
                                    "-kinetics_her_h2o_i0", "1e-4", "-kinetics_n2rr_i0", "1e-4", "-snes_test_err", "1e-9"], 2e-7)]
for name, extra, limit in [(n, e, 1e-6) for n, e in variants] + ionic_variants:
    rc, out = run(["-case", case(name), "-output_dir", tmpdir(), "-output_fields", "false"] + extra + ["-snes_test_jacobian"])
    ratios = [float(x) for x in re.findall(r"\|\|J - Jfd\|\|_F/\|\|J\|\|_F = ([0-9.eE+-]+)", out)]
    check(ratios, "no Jacobian test output for %s" % extra)
    worst = max(ratios) if ratios else float("nan")
    check(worst < limit, "Jacobian mismatch %g >= %g for %s" % (worst, limit, extra))
    print("%s %s: %d Jacobians tested, worst ||J - Jfd||/||J|| = %.2e (limit %g)" % (name, " ".join(extra), len(ratios), worst, limit))
finish()
