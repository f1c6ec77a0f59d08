// CPU time of the workerd processes this process started, read from /proc.

import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** CPU time (user + system, ms) of every workerd process started by this process. */
export function workerdCpuMs() {
  const tick = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // fields[1] is the parent's pid; [11] and [12] are utime and stime in clock ticks.
    if (name.startsWith('workerd') && Number(fields[1]) === process.pid) {
      total += ((Number(fields[11]) + Number(fields[12])) * 1000) / tick;
    }
  }
  return total;
}
