// Clocks shared by the bench/ scripts that time lints in their own process.
import { readFileSync } from 'node:fs';

const TICK_MS = 1000 / Number(process.env.CLK_TCK ?? 100);
const statPath = `/proc/self/task/${process.pid}/stat`;

/**
 * The main thread's own CPU time in ms, from /proc (Linux): the process's CPU time also counts V8's helper threads
 * (concurrent marking, compilation), which run on another core. null where /proc is not available.
 */
export function threadMs() {
  try {
    const fields = readFileSync(statPath, 'utf8').split(') ')[1].split(' ');
    // after "pid (comm) ", field 3 (state) is index 0: utime is field 14, stime field 15
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}
