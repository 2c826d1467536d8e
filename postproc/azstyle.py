"""One look for every figure: fonts large enough to read when the README shows the image at half a page's width."""
import os

import matplotlib


def apply():
    matplotlib.rcParams.update({"font.size": 11, "axes.titlesize": 11, "axes.labelsize": 11, "xtick.labelsize": 10,
                                "ytick.labelsize": 10, "legend.fontsize": 9, "figure.titlesize": 12, "savefig.dpi": 150})


def save(fig, path, **savefig_kw):
    """Write the figure to path whole or not at all: into a temporary file of this process beside it, then renamed."""
    tmp = "%s.%d.partial.png" % (path, os.getpid())
    fig.savefig(tmp, **savefig_kw)
    os.replace(tmp, path)
    return path
