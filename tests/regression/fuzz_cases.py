"""Fuzz of the case input: 240 mutations of the shipped cases (a value replaced by a number out of range, a negative,
zero, NaN, inf, text, an empty value or a list; a key misspelled; a line deleted, duplicated or mis-indented; stray
YAML syntax), each run through azote on small meshes and short times. Every run must end as a result (exit 0), as bad
input (exit 1) or as a failed solve (exit 2) -- with exactly one error line -- within 60 s: never a crash, a hang,
an internal error (exit 4) or a file that looks complete after a failure. Fixed seed: failures are reproducible;
the failing case file is printed."""
import os
import random
import subprocess

from azrun import AZOTE, SOURCE, check, finish, tmpdir

random.seed(20261130)
CASES = ["flowcell.yaml", "gde.yaml", "hcell.yaml", "fullcell-n2rr-n2or.yaml", "fullcell-orr-n2or.yaml", "flowcell-3d.yaml"]
VALUES = ["-1", "0", "1e300", "-1e-300", "nan", "inf", "-inf", "abc", "", "[1, 2]", "{a: 1}", "1e5:1e6:3", "true", "N2:2", "KOH:-1",
          "0x10", "1,2", "'quoted'", "9" * 40, "-0", "1e-320"]
SMALL = ["-mesh_nx", "16", "-mesh_ny", "8", "-output_fields", "false", "-quiet"]


def mutate(lines):
    lines = list(lines)
    body = [i for i, l in enumerate(lines) if l.strip() and not l.lstrip().startswith("#")]
    i = random.choice(body)
    kind = random.randrange(6)
    line = lines[i].split("#", 1)[0].rstrip("\n")
    if kind <= 2 and ":" in line:  # a value replaced
        key = line.split(":", 1)[0]
        lines[i] = "%s: %s\n" % (key, random.choice(VALUES))
    elif kind == 3 and ":" in line:  # a key misspelled
        key, rest = line.split(":", 1)
        k = list(key)
        j = random.randrange(len(k))
        k[j] = random.choice("abcdefghijklmnopqrstuvwxyz_")
        lines[i] = "%s:%s\n" % ("".join(k), rest)
    elif kind == 4:  # a line deleted or duplicated
        if random.random() < 0.5:
            del lines[i]
        else:
            lines.insert(i, lines[i])
    else:  # indentation or stray syntax
        lines[i] = random.choice(["  " + lines[i], lines[i].lstrip(), lines[i].rstrip("\n") + " :\n", "- " + lines[i], "{\n"])
    return lines


work = tmpdir()
counts = {}
for n in range(240):
    name = CASES[n % len(CASES)]
    src = open(os.path.join(SOURCE, "cases", name)).readlines()
    text = src
    for _ in range(random.choice([1, 1, 2, 3])):
        text = mutate(text)
    path = os.path.join(work, "case%03d.yaml" % n)
    open(path, "w").writelines(text)
    out = os.path.join(work, "out%03d" % n)
    extra = ["-time_end", "2", "-time_output_interval", "2"] if name.startswith("hcell") else []
    try:
        p = subprocess.run([AZOTE, "-case", path, "-output_dir", out] + SMALL + extra, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True, timeout=60)
        rc, err = p.returncode, p.stderr.strip().splitlines()
    except subprocess.TimeoutExpired:
        rc, err = "timeout", []
    counts[rc] = counts.get(rc, 0) + 1
    ok = rc in (0, 1, 2) and (rc == 0 or (len(err) == 1 and err[0].startswith("azote: error: ")))
    if rc in (1, 2):
        ok = ok and not os.path.exists(os.path.join(out, "summary.json"))
    if not ok:
        print("".join(text))
    check(ok, "%s (mutated from %s): exit %s, stderr %s" % (path, name, rc, err[:3]))
print("240 mutated cases: exits %s" % dict(sorted(counts.items(), key=str)))
finish()
