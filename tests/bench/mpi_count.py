"""The MPI traffic counter (tests/bench/mpi_count.c) against known traffic (mpi_count_check.c) on 2 and 3 ranks, and
the STREAM triad (stream_triad.c) on 1 and 2 ranks: its self-check passes and the bandwidth it prints is STREAM's
24 bytes per element and rank over the best repetition's time. These are the
tools of scripts/bench and scripts/weak-scaling; no timing is judged here."""
import json
import os
import re
import subprocess
import sys
import tempfile

BIN = sys.argv[1]  # the build directory of the tests (build/tests)
MPIEXEC = os.environ.get("MPIEXEC", "mpiexec")
failures = []
env = dict(os.environ)
if env.get("ASAN_OPTIONS"):  # the sanitizer build: the counter is preloaded before ASan's runtime
    env["ASAN_OPTIONS"] += ":verify_asan_link_order=0"
with tempfile.TemporaryDirectory() as tmp:
    for np_ in (2, 3):
        out = os.path.join(tmp, "count%d.json" % np_)
        p = subprocess.run([MPIEXEC, "-n", str(np_), "-x", "LD_PRELOAD=" + os.path.join(BIN, "libazote_mpicount.so"), "-x",
                            "AZ_MPICOUNT_FILE=" + out, os.path.join(BIN, "mpi_count_check")],
                           env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if p.returncode or not os.path.exists(out):
            failures.append("%d ranks: exit %d, %s written:\n%s" % (np_, p.returncode, out if os.path.exists(out) else "nothing", p.stdout))
            continue
        got = json.load(open(out))
        want = {"ranks": np_, "p2p_messages": [6] * np_, "p2p_bytes": [219] * np_, "collectives": [3] * np_,
                "untracked_persistent_requests": [0] * np_}
        if got != want:
            failures.append("%d ranks: counted %s, expected %s" % (np_, got, want))
        else:
            print("mpi_count: %d ranks: %s" % (np_, got))
    for np_ in (1, 2):
        p = subprocess.run([MPIEXEC, "-n", str(np_), os.path.join(BIN, "stream_triad"), "200000", "4"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        m = re.fullmatch(r"ranks (\d+) n 200000 reps 4 best_GB_s ([0-9.]+) median_GB_s ([0-9.]+) best_s ([0-9.e+-]+)\n", p.stdout)
        if p.returncode or not m or int(m.group(1)) != np_ or not 0 < float(m.group(3)) <= float(m.group(2)):
            failures.append("stream_triad on %d rank(s): exit %d, printed %r" % (np_, p.returncode, p.stdout))
        # STREAM's count: 24 bytes per element (two loads, one store) on every rank, summed over the ranks
        elif abs(float(m.group(2)) - 24 * 200000 * np_ / float(m.group(4)) / 1e9) > 1e-3 * float(m.group(2)) + 1e-3:
            failures.append("stream_triad on %d rank(s): %s GB/s in %s s is not 24 B x 200000 x %d ranks" % (np_, m.group(2), m.group(4), np_))
        else:
            print("stream_triad: %s" % p.stdout.strip())
    p = subprocess.run([MPIEXEC, "-n", "1", os.path.join(BIN, "stream_triad"), "10"], env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, text=True)
    if p.returncode == 0 or "usage" not in p.stdout:
        failures.append("stream_triad 10 (below the least size) was not refused: exit %d, %r" % (p.returncode, p.stdout))
for f in failures:
    print("FAILED: " + f)
sys.exit(1 if failures else 0)
