"""Reading a sweep's table (sweep.csv) and showing its keys and metrics in the units electrochemists read.

A sweep.csv holds the swept keys (the columns before `point`), point, status, wall_s, every metric, the electrode's
potential (electrode_potential_V, V vs RHE; a galvanostatic point's solved one) and error. Keys and metrics are
shown with their unit converted for reading: Pa -> bar, m^3/s -> µL/min, A/m^2 -> mA/cm^2, m -> µm or mm, a
faradaic efficiency in %; a key this module does not know gets its unit from docs/options.md."""
import csv
import os
import re

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# key -> (label, unit shown, factor from SI); None: from the key's unit in docs/options.md
KEYS = {
    "operating_pressure": ("pressure", "bar", 1e-5),
    "operating_temperature": ("temperature", "K", 1.0),
    "flowcell_flow_rate": ("flow rate", "µL min$^{-1}$", 6e10),
    "gde_gas_flow_rate": ("gas flow rate", "mL min$^{-1}$", 6e7),
    "electrode_potential": ("E", "V vs RHE", 1.0),
    "electrode_current": ("current density", "mA cm$^{-2}$", 0.1),
    "gde_saturation": ("catalyst-layer saturation", "-", 1.0),
    "hcell_kla": ("k$_L$a", "s$^{-1}$", 1.0),
}
# unit in docs/options.md -> (unit shown, factor)
UNITS = {"Pa": ("bar", 1e-5), "m^3/s": ("µL min$^{-1}$", 6e10), "A/m^2": ("mA cm$^{-2}$", 0.1), "mol/m^3": ("mM", 1.0),
         "1/s": ("s$^{-1}$", 1.0), "V vs RHE": ("V vs RHE", 1.0)}
REACTIONS = {  # main reaction -> (label, product label, FE column, product-rate column)
    "n2rr": ("N$_2$RR", "NH$_3$", "fe_nh3", "nh3_rate_ug_h_cm2"),
    "n2or": ("N$_2$OR", "NO$_3^-$", "fe_no3", "no3_rate_ug_h_cm2"),
    "orr": ("ORR", None, None, None),
}
SIDE = {"i_her_A_m2": "HER", "i_oer_A_m2": "OER"}
PRODUCTS = {"nh3": "NH$_3$", "no3": "NO$_3^-$"}


def options_units():
    """key -> (unit, description) from docs/options.md's generated table."""
    out = {}
    path = os.path.join(ROOT, "docs", "options.md")
    if os.path.exists(path):
        for line in open(path, encoding="utf-8"):
            m = re.match(r"\| `([a-z0-9_]+)` \| \w+ \| ([^|]*) \| [^|]* \| [^|]* \| ([^|]*) \|", line)
            if m:
                out[m.group(1)] = (m.group(2).strip(), m.group(3).strip())
    return out


class Sweep:
    """sweep.csv of an output directory: .keys (swept, in the table's order), .rows (dicts, ok points only in .ok)."""

    def __init__(self, d):
        path = os.path.join(d, "sweep.csv")
        if not os.path.exists(path):
            raise SystemExit("%s: error: %s does not exist (not a sweep's output directory?)" % (os.path.basename(os.sys.argv[0]), path))
        with open(path, newline="") as f:
            reader = csv.DictReader(f)
            self.columns = reader.fieldnames or []
            self.rows = list(reader)
        if "point" not in self.columns:
            raise SystemExit("%s: error: %s has no point column: not a sweep table" % (os.path.basename(os.sys.argv[0]), path))
        self.dir = d
        self.keys = self.columns[:self.columns.index("point")]
        self.ok = [r for r in self.rows if r.get("status") == "ok"]
        self._units = None
        m = [c for c in self.columns if re.fullmatch(r"i_(n2rr|n2or|orr)_A_m2", c)]
        self.reaction = m[0][2:-5] if m else None

    # keys ------------------------------------------------------------------------------------------------------
    def numeric(self, key):
        try:
            [float(r[key]) for r in self.rows]
            return True
        except ValueError:
            return False

    def values(self, key):
        """The key's distinct values in sweep order (floats where numeric)."""
        seen = []
        for r in self.rows:
            v = float(r[key]) if self.numeric(key) else r[key]
            if v not in seen:
                seen.append(v)
        return seen

    def key_display(self, key):
        """(label, unit, factor)."""
        if key in KEYS:
            return KEYS[key]
        if self._units is None:
            self._units = options_units()
        unit, desc = self._units.get(key, ("", key))
        if unit == "m":
            vals = [abs(v) for v in self.values(key)] if self.numeric(key) else [1]
            return (key, "mm", 1e3) if max(vals) >= 1e-3 else (key, "µm", 1e6)
        u, f = UNITS.get(unit, (unit or "-", 1.0))
        return key, u, f

    def key_label(self, key):
        label, unit, _ = self.key_display(key)
        return "%s (%s)" % (label, unit) if unit and unit != "-" else label

    def key_value_text(self, key, v):
        label, unit, f = self.key_display(key)
        if isinstance(v, str):
            return "%s %s" % (label, v)
        return "%s %.3g %s" % (label, v * f, "" if unit == "-" else unit)

    def logscale(self, key):
        """Whether the key's values are log-spaced (positive, over more than a decade and a half)."""
        if not self.numeric(key):
            return False
        v = np.array(self.values(key), float)
        return bool(len(v) > 2 and np.all(v > 0) and v.max() / v.min() > 30)

    # metrics ---------------------------------------------------------------------------------------------------
    def column(self, name, rows=None):
        return np.array([float(r[name]) if r.get(name, "") not in ("", "nan") else np.nan for r in (self.rows if rows is None else rows)])

    def main(self):
        """Columns of the main reaction: dict(i, lim, side, fe, rate, label, product, side_label)."""
        r = self.reaction or "n2rr"
        label, product, fe, rate = REACTIONS[r]
        side = [c for c in SIDE if c in self.columns]
        return dict(i="i_%s_A_m2" % r, lim="i_lim_%s_A_m2" % r, side=side[0] if side else None, side_label=SIDE.get(side[0]) if side else None,
                    fe=fe if fe in self.columns else None, rate=rate if rate in self.columns else None, label=label, product=product)


def metric_display(name):
    """(label, unit, factor) of a metric column."""
    if name.startswith("i_lim_"):
        return "limiting current i$_{lim}$", "mA cm$^{-2}$", 0.1
    m = re.fullmatch(r"i_(\w+)_A_m2", name)
    if m:
        return "i$_{%s}$" % m.group(1).upper(), "mA cm$^{-2}$", 0.1
    if name.startswith("fe_"):
        return "FE %s" % PRODUCTS.get(name[3:], name[3:]), "%", 100.0
    if name.endswith("_rate_ug_h_cm2"):
        return "%s yield rate" % PRODUCTS.get(name.split("_")[0], name.split("_")[0]), "µg h$^{-1}$ cm$^{-2}$", 1.0
    if name.endswith("_mol_m3"):
        return name[:-7], "mM", 1.0
    if name == "electrode_potential_V":
        return "E", "V vs RHE", 1.0
    return name, "-", 1.0


def metric_label(name):
    label, unit, _ = metric_display(name)
    return "%s (%s)" % (label, unit) if unit != "-" else label
