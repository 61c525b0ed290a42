/**
 * CPU time of the Keycloak process and of this one, for the incident bench. On a machine whose
 * few cores Keycloak shares with the client, wall time alone cannot tell whether the server or
 * the client bounds a run; the server's CPU seconds over the run's wall seconds can (near the core
 * count: the server is the bottleneck). CPU time is also steadier than wall time on a loaded host.
 *
 * The bench may run against a Keycloak it did not start (KEYCLOAK_URL), so the server's process is
 * found the way `ss -ltnp` finds it: the socket listening on the URL's port (/proc/net/tcp*), then
 * the process holding that socket (/proc/PID/fd). KEYCLOAK_PID overrides the search. Linux only.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { cpus } from 'node:os';

const LISTEN = '0A'; // the state column of /proc/net/tcp: TCP_LISTEN

/** Inodes of the sockets listening on `port` (IPv4 and IPv6). */
function listeningInodes(port: number): Set<string> {
  const inodes = new Set<string>();
  const portHex = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text: string;
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue; // no IPv6 on this host
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // fields: sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
      const [, local, , state, , , , , , inode] = fields;
      if (local?.endsWith(`:${portHex}`) && state === LISTEN && inode && inode !== '0') inodes.add(inode);
    }
  }
  return inodes;
}

/** The process listening on the server URL's port, or a message saying why none was found. */
export function serverPid(url: string): number {
  const override = process.env.KEYCLOAK_PID;
  if (override) {
    const pid = Number(override);
    if (!Number.isInteger(pid) || pid < 1) throw new Error(`KEYCLOAK_PID=${override} is not a process id`);
    return pid;
  }
  const parsed = new URL(url);
  const port = Number(parsed.port || (parsed.protocol === 'https:' ? 443 : 80));
  const inodes = listeningInodes(port);
  if (inodes.size > 0) {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let fds: string[];
      try {
        fds = readdirSync(`/proc/${entry}/fd`);
      } catch {
        continue; // another user's process, or ended meanwhile
      }
      for (const fd of fds) {
        try {
          const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
          const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
          if (inode && inodes.has(inode)) return Number(entry);
        } catch {
          // fd closed meanwhile
        }
      }
    }
  }
  throw new Error(
    `bench: no process of this user listens on port ${port} (${url}), so Keycloak's CPU time cannot be read — ` +
      'run the bench on the Keycloak host, or set KEYCLOAK_PID to the server JVM process id',
  );
}

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** User + system CPU seconds of a process so far, all its threads (/proc/PID/stat fields 14 and 15). */
export function processCpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) is in parentheses and may hold spaces: count fields after its ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) throw new Error(`bench: cannot read CPU time of ${pid}`);
  return (utime + stime) / clockTicks();
}

/** CPU seconds of this process (the client: our code or the bare fetch loop) so far. */
export function ownCpuSeconds(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

export interface CpuSpan {
  wallSeconds: number;
  /** Keycloak's CPU seconds during the span. */
  serverSeconds: number;
  /** This process's CPU seconds during the span. */
  clientSeconds: number;
}

/** Times `work` by wall clock, Keycloak's CPU and this process's CPU. */
export async function measured<T>(serverProcess: number, work: () => Promise<T>): Promise<CpuSpan & { value: T }> {
  const server = processCpuSeconds(serverProcess);
  const client = ownCpuSeconds();
  const start = performance.now();
  const value = await work();
  return {
    value,
    wallSeconds: (performance.now() - start) / 1000,
    serverSeconds: processCpuSeconds(serverProcess) - server,
    clientSeconds: ownCpuSeconds() - client,
  };
}

export const CORES = cpus().length;
