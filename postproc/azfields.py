"""Reading azote's outputs: fields.h5 (cell fields on a rectilinear grid, values along the electrode) and summary.json."""
import json
import os

import h5py
import numpy as np


def _text(v):
    return v.decode() if isinstance(v, bytes) else str(v)


class Fields:
    """The fields of one run: fields.c_n2 (ny, nx) in mol/m^3, x_face/y_face (m), the electrode profile, the inputs."""

    def __init__(self, outdir):
        self.dir = outdir
        with h5py.File(os.path.join(outdir, "fields.h5"), "r") as h:
            self.arrays = {k: h[k][...] for k in h if isinstance(h[k], h5py.Dataset)}
            self.units = {k: _text(h[k].attrs.get("unit", "")) for k in h if isinstance(h[k], h5py.Dataset)}
            self.electrode = {k: h["electrode"][k][...] for k in h["electrode"]} if "electrode" in h else {}
            self.anode = {k: h["anode"][k][...] for k in h["anode"]} if "anode" in h else {}  # a full cell's
            self.inputs = {k: _text(v) for k, v in h["inputs"].attrs.items()} if "inputs" in h else {}
        summary = os.path.join(outdir, "summary.json")
        self.summary = json.load(open(summary)) if os.path.exists(summary) else {}

    def __getattr__(self, name):
        try:
            return self.__dict__["arrays"][name]
        except KeyError:
            raise AttributeError(name)

    @property
    def metrics(self):
        return self.summary.get("metrics", {})

    def electrode_profile(self):
        """Sorted positions along the electrode (m) and the surface values there."""
        e = self.electrode
        order = np.argsort(e["x"])
        return {k: np.asarray(v)[order] for k, v in e.items()}
