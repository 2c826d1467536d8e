"""The ionic model in the flow cell (cases/flowcell-ph.yaml and variants: a phosphate buffer, KOH, a more negative
potential; the acid cases are verification/ionic_nernst's): every element but H and O (N, S, P, Na, K, Cl) and the charge are
conserved to 1e-10 over the domain (summary.json's electrolyte_ionic.element_balance_rel and charge_balance_rel: each
element's net outflow, from the fluxes of its species through the boundary faces computed face by face (inlet, outlet,
walls) less what the electrodes make, against its outlet throughput and the electrode's i/F; the same for the charge,
against the current: an interior flux that differed by 1e-8 between its two cells shows as 5e-7); the counter electrode
takes the working electrode's current to 1e-10;
the metrics ph_bulk, ph_surf_mean/min/max are there and ordered (min <= mean <= max; the cathode raises the pH above
the bulk's), summary.json's surface section holds every species (and the NH3/NH4+ split, NH3 / (NH3 + NH4+), in
[0, 1]), and fields.h5 has ph, phi_l and c_<species> of every ion (the one electroneutrality gives included), with ph
in fields.xmf."""
import os

import h5py
from azrun import case, check, finish, run, summary, tmpdir

RUNS = [("Na2SO4", []),
        ("phosphate", ["-electrolyte", "KH2PO4:0.05,K2HPO4:0.05"]),
        ("KOH", ["-electrolyte", "KOH:0.1"]),
        ("more negative", ["-electrode_potential", "-0.4"])]
for name, keys in RUNS:
    d = tmpdir()
    run(["-case", case("flowcell-ph.yaml"), "-output_dir", d, "-quiet"] + keys)
    s = summary(d)
    m, ion, surf = s["metrics"], s["electrolyte_ionic"], s["surface"]
    print("%-14s pH bulk %.3f, surface %.3f [%.3f, %.3f]; i %.4g A/m2; element balance %.2e, charge %.2e, counter %.2e"
          % (name, m["ph_bulk"], m["ph_surf_mean"], m["ph_surf_min"], m["ph_surf_max"], m["i_total_A_m2"],
             ion["element_balance_rel"], ion["charge_balance_rel"], s["electrode"]["charge_balance_rel"]))
    # the N2 balance counts N2 alone: its inflow is the flow rate times the inlet's saturation (the eliminated ion, a
    # salt's cation at 0.2 M, once entered it 340-fold)
    b, q_in = s["balance_mol_s"], float(s["inputs"]["flowcell_flow_rate"]) * m["c_bulk_mol_m3"]
    check(abs(b["in"] / q_in - 1) < 1e-9, "%s: N2 in %g mol/s, flow rate x c_bulk %g" % (name, b["in"], q_in))
    check(abs(b["in"] - b["out"] - b["consumed"]) < 1e-10 * b["in"], "%s: N2 balance in - out - consumed = %g" % (name, b["in"] - b["out"] - b["consumed"]))
    check(ion["element_balance_rel"] < 1e-10, "%s: element balance %g" % (name, ion["element_balance_rel"]))
    check(ion["charge_balance_rel"] < 1e-10, "%s: charge balance %g" % (name, ion["charge_balance_rel"]))
    check(s["electrode"]["charge_balance_rel"] < 1e-10, "%s: counter electrode %g" % (name, s["electrode"]["charge_balance_rel"]))
    check(m["ph_surf_min"] <= m["ph_surf_mean"] <= m["ph_surf_max"], "%s: pH min/mean/max out of order" % name)
    check(m["ph_surf_mean"] > m["ph_bulk"], "%s: a cathode should raise the surface pH" % name)
    nsurf = len([k for k in surf if k.startswith("c_") and k.endswith("_mol_m3")])
    check(nsurf >= len(ion["species"]), "%s: the surface section has %d species for %d ions and solutes" % (name, nsurf, len(ion["species"])))
    with h5py.File(os.path.join(d, "fields.h5"), "r") as h:
        fields = set(h.keys())
    for f in ["ph", "phi_l"] + [k[:-7] for k in surf if k.endswith("_mol_m3")]:
        check(f in fields, "%s: fields.h5 lacks %s" % (name, f))
    check('Name="ph"' in open(os.path.join(d, "fields.xmf")).read(), "%s: fields.xmf lacks ph" % name)
    if "c_nh3_mol_m3" in surf and "c_nh4_mol_m3" in surf:
        frac = surf["nh3_free_fraction"]
        check(0 <= frac <= 1 and abs(frac - surf["c_nh3_mol_m3"] / (surf["c_nh3_mol_m3"] + surf["c_nh4_mol_m3"])) < 1e-12,
              "%s: NH3 free fraction %g" % (name, frac))
finish()
