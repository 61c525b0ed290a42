/**
 * A real Keycloak server for tests and the demo: the pinned distribution from Maven Central,
 * cached outside the repository, started in dev mode on loopback with an in-memory database.
 * Whatever this module starts, it stops — on stop(), on normal exit and on SIGINT/SIGTERM.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, openSync, readFileSync, renameSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export const KEYCLOAK_VERSION = process.env.REALMGUARD_KEYCLOAK_VERSION ?? '26.7.3';
const MAVEN_CENTRAL = process.env.REALMGUARD_MAVEN_REPOSITORY ?? 'https://repo1.maven.org/maven2';
const READY_TIMEOUT_MS = 240_000;

export interface KeycloakServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  adminUser: string;
  adminPassword: string;
  /** The server log file (dev-mode output), for diagnosing failures. */
  logFile: string;
  /** Milliseconds from spawn to ready. */
  startupMs: number;
  pid: number;
  stop(): Promise<void>;
}

export class PrerequisiteError extends Error {
  override name = 'PrerequisiteError';
}

export function cacheDir(): string {
  return process.env.REALMGUARD_CACHE ?? join(homedir(), '.cache', 'realmguard');
}

/** Checks that a Java runtime Keycloak accepts is available; says how to get one otherwise. */
export function requireJava(): string {
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  const probe = spawnSync(java, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new PrerequisiteError(
      `Keycloak needs a Java runtime (OpenJDK 17, 21 or 25) and "${java}" did not run. ` +
        'Install one (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME.',
    );
  }
  return java;
}

/** Downloads and unpacks the Keycloak distribution once; returns its home directory. */
export async function ensureDistribution(version = KEYCLOAK_VERSION): Promise<string> {
  const root = join(cacheDir(), 'keycloak');
  const home = join(root, `keycloak-${version}`);
  if (existsSync(join(home, 'bin', 'kc.sh'))) return home;
  mkdirSync(root, { recursive: true });
  const archive = join(root, `keycloak-${version}.tar.gz`);
  if (!existsSync(archive)) {
    const url = `${MAVEN_CENTRAL}/org/keycloak/keycloak-quarkus-dist/${version}/keycloak-quarkus-dist-${version}.tar.gz`;
    process.stderr.write(`realmguard: downloading Keycloak ${version} from Maven Central (~170 MB) into ${root}\n`);
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw new PrerequisiteError(
        `Could not reach Maven Central to download Keycloak ${version} (${String(error)}). ` +
          `Download ${url} by hand to ${archive}, or set REALMGUARD_MAVEN_REPOSITORY to a mirror.`,
      );
    }
    if (!response.ok || !response.body) {
      throw new PrerequisiteError(`Downloading Keycloak ${version} failed: HTTP ${response.status} for ${url}.`);
    }
    const partial = `${archive}.part`;
    await pipeline(Readable.fromWeb(response.body), createWriteStream(partial));
    renameSync(partial, archive);
  }
  const untar = spawnSync('tar', ['xzf', archive, '-C', root], { encoding: 'utf8' });
  if (untar.status !== 0) {
    throw new PrerequisiteError(`Unpacking ${archive} failed: ${untar.stderr.trim()}. Delete it and run again.`);
  }
  return home;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal); // the whole group: kc.sh and the JVM it starts
  } catch {
    // already gone
  }
}

let exitHooksInstalled = false;
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  process.on('exit', () => {
    for (const child of running) killGroup(child, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) killGroup(child, 'SIGKILL');
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
}

async function waitForReady(managementUrl: string, child: ChildProcess, logFile: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new PrerequisiteError(`Keycloak exited with code ${child.exitCode} while starting; see ${logFile}.`);
    }
    try {
      const response = await fetch(`${managementUrl}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new PrerequisiteError(`Keycloak was not ready after ${READY_TIMEOUT_MS / 1000}s; see ${logFile}.`);
}

export interface StartOptions {
  version?: string;
  heap?: string;
  /** More `KC_*` settings for this server (e.g. a shorter scheduled-task interval for a test). */
  env?: Readonly<Record<string, string>>;
}

/** Starts Keycloak in dev mode on free loopback ports and resolves once it is ready. */
export async function startKeycloak(options: StartOptions = {}): Promise<KeycloakServer> {
  const java = requireJava();
  const home = await ensureDistribution(options.version);
  const [httpPort, managementPort] = [await freePort(), await freePort()];
  const adminUser = 'admin';
  const adminPassword = randomBytes(12).toString('base64url');
  const logDir = join(cacheDir(), 'logs');
  mkdirSync(logDir, { recursive: true });
  const logFile = join(logDir, `keycloak-${httpPort}.log`);
  const log = openSync(logFile, 'w');
  installExitHooks();
  const started = Date.now();
  const child = spawn(
    join(home, 'bin', 'kc.sh'),
    [
      'start-dev',
      '--http-host=127.0.0.1',
      `--http-port=${httpPort}`,
      `--http-management-port=${managementPort}`,
      '--health-enabled=true',
      '--db=dev-mem',
    ],
    {
      detached: true, // own process group, so stop() reaches the JVM too
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        JAVA: java,
        KC_BOOTSTRAP_ADMIN_USERNAME: adminUser,
        KC_BOOTSTRAP_ADMIN_PASSWORD: adminPassword,
        JAVA_OPTS_KC_HEAP: options.heap ?? '-Xms64m -Xmx768m',
        ...options.env,
      },
    },
  );
  running.add(child);
  const stop = async (): Promise<void> => {
    if (!running.has(child)) return;
    killGroup(child, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const exited = await Promise.race([
      new Promise<boolean>((resolve) =>
        child.exitCode !== null ? resolve(true) : child.once('exit', () => resolve(true)),
      ),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), 15_000);
      }),
    ]);
    clearTimeout(timer);
    if (!exited) killGroup(child, 'SIGKILL');
    running.delete(child);
  };
  try {
    await waitForReady(`http://127.0.0.1:${managementPort}`, child, logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${httpPort}`,
    adminUser,
    adminPassword,
    logFile,
    startupMs: Date.now() - started,
    pid: child.pid ?? -1,
    stop,
  };
}

/** Resident memory of the server's JVM in MiB (Linux /proc), for the figures in docs and bench. */
export function residentMemoryMiB(pid: number): number | undefined {
  const children = spawnSync('pgrep', ['-g', String(pid)], { encoding: 'utf8' })
    .stdout.trim()
    .split('\n');
  let totalKb = 0;
  for (const child of children.filter(Boolean)) {
    try {
      const status = readFileSync(`/proc/${child}/status`, 'utf8');
      const match = /VmRSS:\s+(\d+) kB/.exec(status);
      if (match) totalKb += Number(match[1]);
    } catch {
      // process ended meanwhile
    }
  }
  return totalKb ? Math.round(totalKb / 1024) : undefined;
}
