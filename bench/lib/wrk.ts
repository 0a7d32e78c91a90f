// Load from a separate process: wrk (Debian's `wrk` package), its text report parsed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const exec = promisify(execFile);

export type LoadResult = { rps: number; p50: number; p99: number; errors: number };

/** Milliseconds from wrk's "812.00us", "1.23ms", "2.01s". */
function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value);
  if (!match) throw new Error(`wrk: không đọc được thời gian "${value}"`);
  const scale = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
  return Number(match[1]) * scale;
}

export function parseWrk(report: string): LoadResult {
  const percentile = (p: string) => {
    const match = new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm').exec(report);
    if (!match) throw new Error(`wrk: thiếu phân vị ${p}% trong báo cáo:\n${report}`);
    return toMs(match[1]!);
  };
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(report);
  if (!rps) throw new Error(`wrk: thiếu Requests/sec trong báo cáo:\n${report}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { rps: Number(rps[1]), p50: percentile('50'), p99: percentile('99'), errors: non2xx + socketErrors };
}

export async function assertWrkInstalled(): Promise<void> {
  try {
    await exec('wrk', ['--version']).catch((error: { stdout?: string }) => {
      // wrk --version prints its banner and exits 1.
      if (!error.stdout?.includes('wrk')) throw error;
    });
  } catch {
    throw new Error('Cần wrk để tạo tải từ một tiến trình riêng: apt-get install -y wrk');
  }
}

/** `connections` connections for `seconds`, after a 2 s warm-up. */
export async function runWrk(url: string, options: { connections: number; threads: number; seconds: number }): Promise<LoadResult> {
  const args = (seconds: number) => [`-t${options.threads}`, `-c${options.connections}`, `-d${seconds}s`, '--latency', url];
  await exec('wrk', args(2));
  const { stdout } = await exec('wrk', args(options.seconds));
  return parseWrk(stdout);
}
