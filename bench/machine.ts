import os from "node:os";

/** The machine a benchmark ran on, for its report: the numbers mean little without it. */
export interface Machine {
  /** 1-minute load average when the run ended: other work on the machine skews the numbers. */
  loadAverage: number;
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  os: string;
  node: string;
  postgres: string;
}

export function machine(postgres: string): Machine {
  return {
    loadAverage: Math.round(os.loadavg()[0]! * 100) / 100,
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    postgres,
  };
}
