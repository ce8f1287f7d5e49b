#!/usr/bin/env python3
"""Runs a command and stamps each line of its output (stdout and stderr merged) as it arrives.
Usage: bench/timed.py LOG -- COMMAND...   LOG gets "start <epoch ms>", one "<epoch ms>\t<line>" per line, "exit <epoch ms> <rc>"."""
import os, subprocess, sys, time

log, cmd = sys.argv[1], sys.argv[sys.argv.index('--') + 1:]
ms = lambda: time.time_ns() // 1_000_000
with open(log, 'w') as out:
    out.write(f"start {ms()}\n")
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, bufsize=0)
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
    rc = p.wait()
    if buf:
        out.write(f"{ms()}\t{buf.decode('utf-8', 'replace')}\n")
    out.write(f"exit {ms()} {rc}\n")
sys.exit(rc)
