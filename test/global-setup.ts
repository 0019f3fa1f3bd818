import { execFileSync } from 'node:child_process';
import { ROOT } from './helpers/cases.js';

/**
 * The end-to-end tests run the command line as users do, from the build: so they build first, and
 * always test the code as it is now, never a stale dist/.
 */
export default function setup(): void {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
