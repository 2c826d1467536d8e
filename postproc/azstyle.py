"""One look for every figure: fonts large enough to read when the README shows the image at half a page's width."""
import matplotlib


def apply():
    matplotlib.rcParams.update({"font.size": 11, "axes.titlesize": 11, "axes.labelsize": 11, "xtick.labelsize": 10,
                                "ytick.labelsize": 10, "legend.fontsize": 9, "figure.titlesize": 12, "savefig.dpi": 150})
