#!/usr/bin/env python3
"""Draws docs/performance.md's charts from `orgrestructure bench e2e --json` reports (no dependencies).

    python3 bench/e2e-charts.py docs/perf/e2e-*.json

Writes docs/e2e-inbox-vs-open-tasks.svg (inbox p50/p99 of the reads phase of the 8-client runs
against the open tasks seeded) and docs/e2e-completions-vs-clients.svg (completions/s of the work phase against clients),
one line per back end, and prints the reports' main figures as Markdown tables.
"""
import json
import math
import os
import sys

COLOURS = {"sqlite": "#1f77b4", "postgres": "#d62728"}
NAMES = {"sqlite": "SQLite", "postgres": "PostgreSQL"}
W, H, LEFT, RIGHT, TOP, BOTTOM = 640, 380, 70, 170, 40, 55


def nice_step(raw):
    """The smallest 1, 2, 2.5 or 5 × 10^k at least raw: gridlines on round values."""
    if raw <= 0:
        return 1
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def chart(path, title, x_label, y_label, series, log_x=False):
    """series: [(label, colour, dash, [(x, y), ...])]"""
    points = [p for _, _, _, ps in series for p in ps]
    if not points:
        return
    fx = (lambda v: math.log10(max(v, 1))) if log_x else (lambda v: v)
    xs = [fx(x) for x, _ in points]
    x_min, x_max = min(xs), max(xs)
    if x_max == x_min:
        x_max = x_min + 1
    step = nice_step(max(y for _, y in points) * 1.1 / 4)
    y_max = step * 4
    pw, ph = W - LEFT - RIGHT, H - TOP - BOTTOM

    def px(x):
        return LEFT + (fx(x) - x_min) / (x_max - x_min) * pw

    def py(y):
        return TOP + ph - y / y_max * ph

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{W / 2}" y="20" text-anchor="middle" font-size="14">{title}</text>',
           f'<line x1="{LEFT}" y1="{TOP + ph}" x2="{LEFT + pw}" y2="{TOP + ph}" stroke="black"/>',
           f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + ph}" stroke="black"/>',
           f'<text x="{LEFT + pw / 2}" y="{H - 12}" text-anchor="middle">{x_label}</text>',
           f'<text x="16" y="{TOP + ph / 2}" text-anchor="middle" transform="rotate(-90 16 {TOP + ph / 2})">{y_label}</text>']
    for i in range(5):
        y = y_max * i / 4
        out.append(f'<line x1="{LEFT - 4}" y1="{py(y):.1f}" x2="{LEFT + pw}" y2="{py(y):.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{LEFT - 8}" y="{py(y) + 4:.1f}" text-anchor="end">{y:g}</text>')
    for x in sorted({x for x, _ in points}):
        out.append(f'<text x="{px(x):.1f}" y="{TOP + ph + 18}" text-anchor="middle">{x:,}</text>')
    for n, (label, colour, dash, ps) in enumerate(series):
        ps = sorted(ps)
        out.append(f'<polyline fill="none" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}" points="'
                   + " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in ps) + '"/>')
        for x, y in ps:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3.5" fill="{colour}"/>')
            out.append(f'<text x="{px(x) + 6:.1f}" y="{py(y) - 6:.1f}" fill="{colour}" font-size="10">{y:.1f}</text>')
        ly = TOP + 10 + n * 18
        out.append(f'<line x1="{W - RIGHT + 12}" y1="{ly}" x2="{W - RIGHT + 36}" y2="{ly}" stroke="{colour}" stroke-width="2" stroke-dasharray="{dash}"/>')
        out.append(f'<text x="{W - RIGHT + 42}" y="{ly + 4}">{label}</text>')
    out.append('</svg>')
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print("wrote", path)


def tables(reports):
    print("| back end | scale | cases | open tasks (start → end) | clients (workers+readers+pollers) | load (start → end) | completions/s | notification lag stored p50 / p99 ms | seen by a poll p50 / p99 ms | server CPU % of a core | server RSS MB | errors |")
    print("| --- | --- | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for r in reports:
        w = next(p for p in r["phases"] if p["name"] == "work")
        lag, seen, srv = r["notificationLagMs"], r["notificationSeenLagMs"], r["server"]
        print(f"| {NAMES[r['backend']]} | {r['scale']} | {r['cases']:,} | {r['openTasks']:,} → {r['openTasksAtEnd']:,} | {r['clients']} ({w['workers']}+{w['readers']}+{w['pollers']}) "
              f"| {r['loadAverageAtStart'].split()[0]} → {r['loadAverageAtEnd'].split()[0]} | {r['completionsPerSecond']:.1f} | {lag['p50']:.0f} / {lag['p99']:.0f} | {seen['p50']:.0f} / {seen['p99']:.0f} "
              f"| {srv['cpuPercentOfOneCore']:.0f} | {srv['residentMegabytes']:.0f} | {r['errors']} |")
    print()
    print("| back end | scale | clients | phase | endpoint | requests | p50 ms | p95 ms | p99 ms | max ms |")
    print("| --- | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for r in reports:
        for p in r["phases"]:
            for e, l in p["latencyMs"].items():
                print(f"| {NAMES[r['backend']]} | {r['scale']} | {r['clients']} | {p['name']} | {e} | {l['count']:,} | {l['p50']:.1f} | {l['p95']:.1f} | {l['p99']:.1f} | {l['max']:.1f} |")


def main(files):
    reports = [json.load(open(f, encoding="utf-8")) for f in files]
    reports.sort(key=lambda r: (r["backend"] != "sqlite", r["scale"] != "pilot", r["clients"]))
    tables(reports)
    docs = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "docs")
    inbox, completions = [], []
    for backend in ("sqlite", "postgres"):
        mine = [r for r in reports if r["backend"] == backend]
        reads = {}
        for r in (r for r in mine if r["clients"] == 8):
            inbox_reads = next(p for p in r["phases"] if p["name"] == "reads")["latencyMs"].get("inbox")
            if inbox_reads:
                reads[r["openTasks"]] = inbox_reads
        for quantile, dash in (("p50", ""), ("p99", "5,3")):
            inbox.append((f"{NAMES[backend]} {quantile}", COLOURS[backend], dash, [(n, l[quantile]) for n, l in reads.items()]))
        by_clients = {}
        for r in mine:
            if r["scale"] == "pilot":
                by_clients[r["clients"]] = r["completionsPerSecond"]
        completions.append((NAMES[backend], COLOURS[backend], "", list(by_clients.items())))
    chart(os.path.join(docs, "e2e-inbox-vs-open-tasks.svg"), "Inbox latency (reads phase, 8 readers) against open tasks",
          "open tasks (log scale)", "GET /api/tasks, ms", [s for s in inbox if s[3]], log_x=True)
    chart(os.path.join(docs, "e2e-completions-vs-clients.svg"), "Task completions per second against clients (pilot)",
          "clients (workers)", "completions / s", [s for s in completions if s[3]], log_x=True)


if __name__ == "__main__":
    main(sys.argv[1:])
