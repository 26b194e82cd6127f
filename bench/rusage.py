#!/usr/bin/env python3
"""Wall time, CPU time (user + system) and peak RSS of whole commands, run interleaved.

    bench/rusage.py [-n RUNS] [-o results.json] NAME=COMMAND NAME=COMMAND ...

Each round runs every command once (after one unmeasured warm-up round), the order rotated from round
to round, so that a change in the machine's load falls on every command alike. The first command is
the baseline for the ratios (e.g. hello-world); a NAME cannot contain "=" (the first one ends it).
CPU time and peak RSS come from wait4(2), so they include the launcher script and everything it
waited for. CPU time is disturbed less by other work
on the machine than wall time. Commands are split like a shell would (shlex), but run without a
shell; their output goes to /dev/null. Needs python3 only.
"""
import json, os, shlex, statistics, subprocess, sys, time


def run(argv):
    start = time.perf_counter()
    p = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"rusage: exit code {p.returncode} from {' '.join(argv)}")
    return wall, ru.ru_utime + ru.ru_stime, ru.ru_maxrss / 1024.0


def main(args):
    runs, out = 15, None
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "-n":
            runs = int(args.pop(0))
        elif opt == "-o":
            out = args.pop(0)
        else:
            sys.exit(__doc__)
    cmds = [(a.split("=", 1)[0], shlex.split(a.split("=", 1)[1])) for a in args]
    if not cmds:
        sys.exit(__doc__)
    res = {name: {"wall": [], "cpu": [], "rss": []} for name, _ in cmds}
    loads = [os.getloadavg()[0]]
    for _, argv in cmds:
        run(argv)  # warm-up: file cache, archives mapped once
    for r in range(runs):
        k = r % len(cmds)
        for name, argv in cmds[k:] + cmds[:k]:
            w, c, m = run(argv)
            res[name]["wall"].append(w)
            res[name]["cpu"].append(c)
            res[name]["rss"].append(m)
        loads.append(os.getloadavg()[0])
    med = statistics.median
    base = res[cmds[0][0]]
    print(f"{'command':34} {'runs':>4} {'wall med':>9} {'wall min':>9} {'CPU med':>8} {'CPU min':>8} "
          f"{'RSS med':>8} {'×base wall':>10} {'×base CPU':>9}")
    for name, _ in cmds:
        t = res[name]
        print(f"{name:34} {len(t['wall']):4} {med(t['wall'])*1000:7.0f}ms {min(t['wall'])*1000:7.0f}ms "
              f"{med(t['cpu'])*1000:6.0f}ms {min(t['cpu'])*1000:6.0f}ms {med(t['rss']):6.0f}MB "
              f"{med(t['wall'])/med(base['wall']):9.2f}× {med(t['cpu'])/med(base['cpu']):8.2f}×")
    print("load average (1 min) before and after each round: " + " ".join(f"{l:.2f}" for l in loads))
    if out:
        json.dump({"commands": {n: " ".join(a) for n, a in cmds}, "results": res, "loads": loads}, open(out, "w"))


if __name__ == "__main__":
    main(sys.argv[1:])
