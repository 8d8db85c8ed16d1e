import fs from "node:fs";

/**
 * Samples a process's resident memory (VmRSS from /proc, Linux) every 100 ms
 * and keeps the peak, in bytes. `reset()` starts a new phase.
 */
export function sampleMemory(pid: number) {
  let peak = 0;
  const read = () => {
    try {
      const match = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (match) peak = Math.max(peak, Number(match[1]) * 1024);
    } catch {
      // Process gone or no /proc: no figure.
    }
  };
  const timer = setInterval(read, 100);
  timer.unref();
  read();
  return {
    peak: () => (read(), peak),
    reset: () => {
      peak = 0;
      read();
    },
    stop: () => clearInterval(timer),
  };
}
