"""The Python the postproc scripts need: Debian's /usr/bin/python3 with numpy, matplotlib and h5py.

require() is called by every script before it imports them: under another python3 (a pyenv or conda one first on
PATH) that lacks one of them, the script starts again under /usr/bin/python3; where that has them neither, it stops
with one line saying what to install."""
import importlib.util
import os
import sys

SYSTEM_PYTHON = "/usr/bin/python3"


def require(*modules):
    modules = modules or ("numpy", "matplotlib", "h5py")
    missing = [m for m in modules if importlib.util.find_spec(m) is None]
    if not missing:
        return
    script = os.path.basename(sys.argv[0])
    if os.path.exists(SYSTEM_PYTHON) and not os.environ.get("AZOTE_POSTPROC_REEXEC"):
        os.environ["AZOTE_POSTPROC_REEXEC"] = "1"  # once: never a loop
        os.execv(SYSTEM_PYTHON, [SYSTEM_PYTHON, sys.argv[0]] + sys.argv[1:])
    sys.exit("%s: error: %s lacks the Python module(s) %s: on Debian, apt-get install python3-numpy python3-matplotlib python3-h5py "
             "and run it with /usr/bin/python3" % (script, sys.executable, ", ".join(missing)))
