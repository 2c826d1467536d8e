"""Run by pvpython (ParaView's Python) for regression/xdmf: opens each fields.xmf given in the JSON file argv[1]
with ParaView's legacy "XDMF Reader" and the two Xdmf3 readers, at each of its times, and writes what ParaView sees
to the .npz file argv[2] (the test compares it with fields.h5):
  per file, reader, time and block: the block's kind (cells or electrode), its VTK class, cell and point counts,
  the bounds and cell count after ExtractSurface (what the render view and most filters see), the cell centres and
  cell arrays through CellCenters (cells), the points, point arrays and cell types (electrode)."""
import json
import sys

import numpy as np
from paraview import servermanager
from paraview import simple as pv
from vtkmodules.util.numpy_support import vtk_to_numpy

READERS = ("XDMFReader", "Xdmf3ReaderS", "Xdmf3ReaderT")


def leaves(d):
    if not d.IsA("vtkCompositeDataSet"):
        return [d]
    out, it = [], d.NewIterator()
    it.InitTraversal()
    while not it.IsDoneWithTraversal():
        out.append(it.GetCurrentDataObject())
        it.GoToNextItem()
    return out


def arrays(fd):
    return {fd.GetArrayName(i): vtk_to_numpy(fd.GetArray(i)).copy() for i in range(fd.GetNumberOfArrays())}


def main():
    files = json.load(open(sys.argv[1]))
    out, meta = {}, {}
    for f in files:
        for rname in READERS:
            r = getattr(pv, rname)(**({"FileNames": [f]} if rname == "XDMFReader" else {"FileName": [f]}))
            r.UpdatePipelineInformation()
            times = list(r.TimestepValues) if r.TimestepValues else []
            meta["%s|%s|times" % (f, rname)] = times
            surf = pv.ExtractSurface(Input=r)
            centres = pv.CellCenters(Input=r)
            for t in times or [0.0]:
                r.UpdatePipeline(t)
                surf.UpdatePipeline(t)
                centres.UpdatePipeline(t)
                raw = leaves(r.GetClientSideObject().GetOutputDataObject(0))
                sl = leaves(servermanager.Fetch(surf))
                cl = leaves(servermanager.Fetch(centres))
                blocks = []
                for b, s, c in zip(raw, sl, cl):
                    kind = "electrode" if b.IsA("vtkUnstructuredGrid") else "cells"
                    key = "%s|%s|%g|%d" % (f, rname, t, len(blocks))
                    info = {"kind": kind, "class": b.GetClassName(), "ncells": b.GetNumberOfCells(), "npoints": b.GetNumberOfPoints(),
                            "surface_bounds": list(s.GetBounds()), "surface_ncells": s.GetNumberOfCells()}
                    if kind == "cells":
                        out[key + "|centres"] = vtk_to_numpy(c.GetPoints().GetData()).copy()
                        for name, a in arrays(c.GetPointData()).items():
                            out[key + "|cell|" + name] = a
                    else:
                        out[key + "|points"] = vtk_to_numpy(b.GetPoints().GetData()).copy()
                        for name, a in arrays(b.GetPointData()).items():
                            out[key + "|point|" + name] = a
                        info["cell_types"] = sorted({b.GetCellType(i) for i in range(b.GetNumberOfCells())})
                        # the cells' total length (lines) and area (quadrilaterals): they join neighbours, not any points
                        size = 0.0
                        for i in range(b.GetNumberOfCells()):
                            cell = b.GetCell(i)
                            p = [np.array(cell.GetPoints().GetPoint(k)) for k in range(cell.GetNumberOfPoints())]
                            if len(p) == 2:
                                size += np.linalg.norm(p[1] - p[0])
                            elif len(p) == 4:
                                size += 0.5 * (np.linalg.norm(np.cross(p[1] - p[0], p[3] - p[0])) + np.linalg.norm(np.cross(p[1] - p[2], p[3] - p[2])))
                        info["cell_size"] = size
                    blocks.append(info)
                meta["%s|%s|%g" % (f, rname, t)] = blocks
            for p in (centres, surf, r):
                pv.Delete(p)
    np.savez(sys.argv[2], **out)
    json.dump(meta, open(sys.argv[2] + ".json", "w"))


main()
