import { existsSync, readFileSync } from 'node:fs';

/** Facts about the process that decide the Chromium flags. */
export interface LaunchContext {
  isRoot: boolean;
  inContainer: boolean;
  /** What gave the container away (for the `--verbose` reason). */
  containerEvidence?: string;
  /** CASEREPORT_NO_SANDBOX=1: the user's escape hatch for kernels without user namespaces. */
  sandboxOffByEnv?: boolean;
}

export interface LaunchArgsInput extends LaunchContext {
  /** Extra flags from the caller, appended last. */
  extra?: readonly string[];
}

/** Chromium flags plus a sentence explaining the sandbox decision, for `--verbose`. */
export interface LaunchArgs {
  args: string[];
  sandbox: boolean;
  reason: string;
}

/** The machine-facing side of `detectLaunchContext`, injectable for tests. */
export interface LaunchProbe {
  getuid?: () => number;
  exists: (path: string) => boolean;
  readFile: (path: string) => string | undefined;
  env: Record<string, string | undefined>;
}

// Flags that keep a print job quiet and offline. Puppeteer passes most already; we list them
// explicitly so the behaviour does not silently change with a Puppeteer upgrade.
const BASE_ARGS = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-gpu',
  // Defence in depth behind request interception: no host name can ever be resolved.
  '--host-resolver-rules=MAP * ~NOTFOUND',
];

/** Chooses Chromium flags; the sandbox is dropped only when it cannot work (root, containers). */
export function buildLaunchArgs(input: LaunchArgsInput): LaunchArgs {
  const extra = input.extra ?? [];
  const args = [...BASE_ARGS];
  // Containers often give /dev/shm only 64 MB, which crashes renderers on long reports.
  if (input.inContainer) args.push('--disable-dev-shm-usage');

  const reason = explainSandbox(input, extra);
  const sandbox = reason === undefined;
  if (!sandbox) args.push('--no-sandbox', '--disable-setuid-sandbox');

  for (const flag of extra) if (!args.includes(flag)) args.push(flag);
  return { args, sandbox, reason: reason ?? 'sandbox on: not root and not in a container' };
}

function explainSandbox(input: LaunchContext, extra: readonly string[]): string | undefined {
  // Chromium refuses to start as root with its sandbox on, and most container runtimes block
  // the namespaces it needs; everywhere else the sandbox stays, as the HTML is untrusted.
  if (input.isRoot) return 'sandbox off: running as root';
  if (input.inContainer) {
    return `sandbox off: running in a container${input.containerEvidence ? ` (${input.containerEvidence})` : ''}`;
  }
  if (input.sandboxOffByEnv) return 'sandbox off: CASEREPORT_NO_SANDBOX=1';
  if (extra.includes('--no-sandbox')) return 'sandbox off: --no-sandbox passed explicitly';
  return undefined;
}

/** Detects root, containers (/.dockerenv, /proc/1/cgroup, a Kubernetes pod) and CASEREPORT_NO_SANDBOX. */
export function detectLaunchContext(probe: LaunchProbe = readThisMachine()): LaunchContext {
  const isRoot = probe.getuid?.() === 0;
  const containerEvidence = findContainerEvidence(probe);
  const flag = probe.env['CASEREPORT_NO_SANDBOX'];
  return {
    isRoot,
    inContainer: containerEvidence !== undefined,
    ...(containerEvidence === undefined ? {} : { containerEvidence }),
    sandboxOffByEnv: flag === '1' || flag === 'true',
  };
}

function findContainerEvidence(probe: LaunchProbe): string | undefined {
  if (probe.exists('/.dockerenv')) return '/.dockerenv exists';
  if (probe.exists('/run/.containerenv')) return '/run/.containerenv exists';
  // A Kubernetes pod on cgroup v2 shows neither file, and /proc/1/cgroup says only "0::/".
  if (probe.env['KUBERNETES_SERVICE_HOST']) return 'KUBERNETES_SERVICE_HOST is set';
  const cgroup = probe.readFile('/proc/1/cgroup') ?? '';
  const match = /docker|kubepods|containerd|libpod|lxc/.exec(cgroup);
  return match ? `/proc/1/cgroup mentions ${match[0]}` : undefined;
}

function readThisMachine(): LaunchProbe {
  return {
    ...(process.getuid ? { getuid: process.getuid.bind(process) } : {}),
    exists: existsSync,
    readFile: (path) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    },
    env: process.env,
  };
}
