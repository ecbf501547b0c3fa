// What the measuring scripts read of running processes: a process tree and its memory (PSS).
import { readFileSync, readdirSync, readlinkSync } from "node:fs";

/** PIDs of the process whose executable is `exe`, and of all its descendants. */
export function processTree(exe) {
  const parents = new Map();
  let root = null;
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      parents.set(Number(name), Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]));
      if (readlinkSync(`/proc/${name}/exe`) === exe) root = Number(name);
    } catch {
      // the process ended meanwhile, or is not ours to read
    }
  }
  if (root === null) return [];
  const tree = [root];
  for (let i = 0; i < tree.length; i++) {
    for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
  }
  return tree;
}

/** Proportional set size of one process, in KiB (0 once it has ended). */
export function pssKiB(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/smaps_rollup`, "utf8")
      .split("\n")
      .find((l) => l.startsWith("Pss:"));
    return line ? Number(line.split(/\s+/)[1]) : 0;
  } catch {
    return 0;
  }
}
