#!/usr/bin/env python3
"""Turns bench/run setup's (or dmsa's) stamped logs into target/bench/setup.json (dmsa.json) and a table on stdout.
Usage: bench/breakdown.py DIR   (DIR holds <variant>-<n>.log, and for the harness <variant>-<n>.manifest.json and .audit.json)"""
import glob, json, os, re, statistics, sys
from datetime import datetime

d = sys.argv[1]


def stamped(path):
    start = end = rc = None
    lines, marks = [], {}
    for raw in open(path, encoding='utf-8'):
        raw = raw.rstrip('\n')
        if raw.startswith('start '):
            start = int(raw.split()[1])
        elif raw.startswith('eof '):
            pass
        elif raw.startswith('exit '):
            _, end, rc = raw.split()
            end, rc = int(end), int(rc)
        else:
            t, _, text = raw.partition('\t')
            m = re.match(r'harness-timing (\S+) (\d+)$', text)
            if m:
                marks.setdefault(m.group(1), []).append(int(m.group(2)))
            else:
                lines.append((int(t), text))
    return start, end, rc, lines, marks


def first(lines, pattern):
    for t, text in lines:
        if re.search(pattern, text):
            return t
    return None


def epoch_ms(iso):
    return int(datetime.fromisoformat(iso.replace('Z', '+00:00')[:26] + '+00:00').timestamp() * 1000) if iso else None


def harness(path):
    start, end, rc, lines, marks = stamped(path)
    one = lambda k: marks.get(k, [None])[0]
    r = {'exit_code': rc, 'total': end - start}
    if one('jvm-start'):
        r['launcher (bash) until JVM start'] = one('jvm-start') - start
    if one('cli') and one('jvm-start'):
        r['JVM start until options parsed'] = one('cli') - one('jvm-start')
    if one('browser-ready') and one('cli'):
        r['browser start (beside the rest)'] = one('browser-ready') - one('cli')
        r['launch until browser ready'] = one('browser-ready') - start
    if one('sim-ready'):
        r['launch until simulator ready'] = one('sim-ready') - start
    if one('session-ready'):
        r['launch until session ready'] = one('session-ready') - start
    signed = first(lines, r'^Signed in to ')
    if signed:
        r['launch until signed in'] = signed - start
        if one('session-ready'):
            r['sign-in'] = signed - one('session-ready')
        if one('open-login') and one('login-shown'):
            r['sign-in: session ready until the login page is asked for'] = one('open-login') - one('session-ready')
            r['sign-in: login page load'] = one('login-shown') - one('open-login')
            r['sign-in: fill, log in, company page read'] = signed - one('login-shown')
    manifest = path.replace('.log', '.manifest.json')
    if os.path.exists(manifest):
        for s in json.load(open(manifest)).get('steps', []):
            r[f"step {s['number']}"] = s['millis']
    shots = list(zip(marks.get('shot-start', []), marks.get('shot-end', [])))
    if shots:
        r['screenshots (count)'] = len(shots)
        r['screenshots (sum)'] = sum(b - a for a, b in shots)
        r['screenshot (max)'] = max(b - a for a, b in shots)
    audit = path.replace('.log', '.audit.json')
    if os.path.exists(audit):
        done = [e for e in json.load(open(audit)) if e.get('action') == 'add_all.complete']
        began = [e for e in json.load(open(audit)) if e.get('action') == 'add_all.start']
        if done:
            job_end = epoch_ms(done[-1]['at'])
            if began:
                r['Add All server job'] = job_end - epoch_ms(began[-1]['at'])
            hundred = first(lines, r'Add All 100%')
            if hundred:
                r['Add All: job end until "100%" printed'] = hundred - job_end
            reached = first(lines, r'Add All reached 100%')
            if reached:
                r['Add All: job end until step 6 done'] = reached - job_end
    xc, xd = first(lines, r'^Cross-check through the REST API'), first(lines, r'API requests$')
    complete = first(lines, r'^Setup (complete|was already)')
    if complete and xc:
        r['setup done until cross-check starts'] = xc - complete
    if xc and xd:
        r['cross-check'] = xd - xc
    if one('evidence-start') and one('evidence-end'):
        r['evidence writing (manifest, side files)'] = one('evidence-end') - one('evidence-start')
    if one('closed') and one('evidence-end'):
        r['browser quit'] = one('closed') - one('evidence-end')
    if one('closed'):
        r['closed until exit'] = end - one('closed')
    if one('jvm-cpu-ms'):
        r['JVM CPU time (all its threads; not the browser)'] = one('jvm-cpu-ms')
    return r


def baseline(path):
    start, end, rc, lines, _ = stamped(path)
    r = {'exit_code': rc, 'total': end - start}
    for t, text in lines:
        if text.startswith('{'):
            m = json.loads(text)['marks']
            r['launch until node runs the script'] = m['script'] - start
            r['import playwright-core'] = m['imported'] - m['script']
            r['browser start'] = m['browser'] - m['imported']
            r['launch until browser ready'] = m['browser'] - start
            r['sign-in'] = m['signed_in'] - m['browser']
            r['launch until signed in'] = m['signed_in'] - start
            prev = m['signed_in']
            for n in range(1, 7):
                r[f'step {n}'] = m[f'step{n}'] - prev
                prev = m[f'step{n}']
            r['browser close'] = m['closed'] - m['step6']
            r['closed until exit'] = end - m['closed']
    return r


runs = {}
for log in sorted(glob.glob(os.path.join(d, '*-[0-9]*.log'))):
    if stamped(log)[1] is None:
        continue                        # still running, or killed
    variant = re.sub(r'-\d+\.log$', '', os.path.basename(log))
    runs.setdefault(variant, []).append((baseline if variant == 'baseline' else harness)(log))

def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None

result = {'what': open(os.path.join(d, 'what.txt')).read().strip() if os.path.exists(os.path.join(d, 'what.txt')) else '',
          'load_average': open(os.path.join(d, 'load.txt')).read().strip() if os.path.exists(os.path.join(d, 'load.txt')) else '',
          'variants': {}}
for v, rs in runs.items():
    keys = list(dict.fromkeys(k for r in rs for k in r))
    result['variants'][v] = {'runs': len(rs), 'median_ms': {k: median([r.get(k) for r in rs]) for k in keys},
                             'per_run_ms': {k: [r.get(k) for r in rs] for k in keys}}
base = runs.get('baseline')
if base:
    for v, rs in runs.items():
        if v == 'baseline':
            continue
        pairs = [a['total'] / b['total'] for a, b in zip(rs, base)]
        result['variants'][v]['ratio_to_baseline'] = {
            'median_of_pair_ratios': round(statistics.median(pairs), 3),
            'ratio_of_medians': round(median([r['total'] for r in rs]) / median([r['total'] for r in base]), 3),
            'pairs': [round(p, 3) for p in pairs]}
if 'before' in runs and 'after' in runs:
    pairs = [a['total'] / b['total'] for a, b in zip(runs['after'], runs['before'])]
    result['after_vs_before'] = {'median_of_pair_ratios': round(statistics.median(pairs), 3), 'pairs': [round(p, 3) for p in pairs]}
json.dump(result, open(os.path.join(os.path.dirname(d.rstrip('/')), os.path.basename(d.rstrip('/')) + '.json'), 'w'), indent=2)

# the table: one row per phase, one column per variant (medians, ms)
variants = list(runs)
keys = list(dict.fromkeys(k for v in variants for k in result['variants'][v]['median_ms']))
print(f"load average {result['load_average']}; medians in ms of {', '.join(f'{len(runs[v])} {v}' for v in variants)} runs")
print(f"{'phase':48}" + ''.join(f'{v:>12}' for v in variants))
for k in keys:
    cells = []
    for v in variants:
        x = result['variants'][v]['median_ms'].get(k)
        cells.append(f"{'' if x is None else round(x):>12}")
    print(f'{k:48}' + ''.join(cells))
for v in variants:
    if 'ratio_to_baseline' in result['variants'][v]:
        rb = result['variants'][v]['ratio_to_baseline']
        print(f"{v} / baseline: median of pair ratios {rb['median_of_pair_ratios']} (pairs {rb['pairs']}), ratio of medians {rb['ratio_of_medians']}")
if 'after_vs_before' in result:
    print(f"after / before: median of pair ratios {result['after_vs_before']['median_of_pair_ratios']} (pairs {result['after_vs_before']['pairs']})")
