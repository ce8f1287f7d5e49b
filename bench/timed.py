#!/usr/bin/env python3
"""Runs a command and stamps each line of its output (stdout and stderr merged) as it arrives.
Usage: bench/timed.py LOG -- COMMAND...   LOG gets "start <epoch ms>", one "<epoch ms>\t<line>" per line, "exit <epoch ms> <rc>"
(when the process ended, as a shell prompt sees it) and "eof <epoch ms>" (when the last holder of its output let go)."""
import os, subprocess, sys, threading, time

log, cmd = sys.argv[1], sys.argv[sys.argv.index('--') + 1:]
ms = lambda: time.time_ns() // 1_000_000
with open(log, 'w') as out:
    out.write(f"start {ms()}\n")
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
    ended = []
    waiter = threading.Thread(target=lambda: (p.wait(), ended.append(ms())))
    waiter.start()
    buf = b''
    while True:
        chunk = os.read(p.stdout.fileno(), 65536)
        if not chunk:
            break
        now = ms()
        buf += chunk
        *lines, buf = buf.split(b'\n')
        for line in lines:
            out.write(f"{now}\t{line.decode('utf-8', 'replace')}\n")
    eof = ms()
    waiter.join()
    rc = p.returncode
    if buf:
        out.write(f"{eof}\t{buf.decode('utf-8', 'replace')}\n")
    out.write(f"eof {eof}\n")
    out.write(f"exit {ended[0]} {rc}\n")
sys.exit(rc)
