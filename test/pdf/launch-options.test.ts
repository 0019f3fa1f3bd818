import { describe, expect, it } from 'vitest';
import { buildLaunchArgs, detectLaunchContext, type LaunchProbe } from '../../src/pdf/launch-options.js';

const USER = { isRoot: false, inContainer: false };

function probe(overrides: Partial<LaunchProbe> & { files?: Record<string, string> } = {}): LaunchProbe {
  const files = overrides.files ?? {};
  return {
    getuid: () => 1000,
    exists: (path) => path in files,
    readFile: (path) => files[path],
    env: {},
    ...overrides,
  };
}

describe('buildLaunchArgs', () => {
  it('always keeps Chromium quiet and offline', () => {
    const { args } = buildLaunchArgs(USER);
    for (const flag of [
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-gpu',
    ]) {
      expect(args).toContain(flag);
    }
  });

  it('keeps the sandbox for an ordinary user on an ordinary machine', () => {
    const result = buildLaunchArgs(USER);
    expect(result.sandbox).toBe(true);
    expect(result.args).not.toContain('--no-sandbox');
    expect(result.args).not.toContain('--disable-dev-shm-usage');
    expect(result.reason).toMatch(/^sandbox on/);
  });

  it('turns the sandbox off as root, in a container or on request, and says why', () => {
    expect(buildLaunchArgs({ ...USER, isRoot: true }).reason).toBe('sandbox off: running as root');
    const container = buildLaunchArgs({ ...USER, inContainer: true, containerEvidence: '/.dockerenv exists' });
    expect(container.reason).toBe('sandbox off: running in a container (/.dockerenv exists)');
    expect(container.args).toContain('--no-sandbox');
    expect(container.args).toContain('--disable-dev-shm-usage');
    const byEnv = buildLaunchArgs({ ...USER, sandboxOffByEnv: true });
    expect(byEnv.reason).toBe('sandbox off: CASEREPORT_NO_SANDBOX=1');
    expect(byEnv.sandbox).toBe(false);
  });

  it('appends extra flags once', () => {
    const { args } = buildLaunchArgs({ ...USER, extra: ['--lang=de', '--disable-gpu'] });
    expect(args.at(-1)).toBe('--lang=de');
    expect(args.filter((flag) => flag === '--disable-gpu')).toHaveLength(1);
  });
});

describe('detectLaunchContext', () => {
  it('sees root, containers and the environment switch', () => {
    expect(detectLaunchContext(probe())).toEqual({ isRoot: false, inContainer: false, sandboxOffByEnv: false });
    expect(detectLaunchContext(probe({ getuid: () => 0 })).isRoot).toBe(true);
    expect(detectLaunchContext(probe({ files: { '/.dockerenv': '' } }))).toMatchObject({
      inContainer: true,
      containerEvidence: '/.dockerenv exists',
    });
    const k8s = detectLaunchContext(probe({ files: { '/proc/1/cgroup': '0::/kubepods/besteffort/pod1' } }));
    expect(k8s.containerEvidence).toBe('/proc/1/cgroup mentions kubepods');
    const plain = detectLaunchContext(probe({ files: { '/proc/1/cgroup': '0::/init.scope' } }));
    expect(plain.inContainer).toBe(false);
    expect(detectLaunchContext(probe({ env: { CASEREPORT_NO_SANDBOX: '1' } })).sandboxOffByEnv).toBe(true);
  });

  it('sees a Kubernetes pod on cgroup v2, where no file gives the container away', () => {
    const pod = detectLaunchContext(probe({ files: { '/proc/1/cgroup': '0::/' }, env: { KUBERNETES_SERVICE_HOST: '10.0.0.1' } }));
    expect(pod).toMatchObject({ inContainer: true, containerEvidence: 'KUBERNETES_SERVICE_HOST is set' });
    expect(buildLaunchArgs(pod).args).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-dev-shm-usage']));
  });

  it('copes with platforms without getuid (Windows)', () => {
    const { getuid: _getuid, ...windows } = probe();
    expect(detectLaunchContext(windows).isRoot).toBe(false);
  });
});
