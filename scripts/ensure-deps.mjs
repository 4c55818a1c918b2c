// Installs dependencies when node_modules is missing or older than package-lock.json,
// so that `npm start` and `npm test` work on a fresh clone with no other step.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const marker = 'node_modules/.package-lock.json';
const lock = 'package-lock.json';

const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync(lock).mtimeMs;
if (stale) {
  console.warn(
    'Installing dependencies (node_modules is missing or older than package-lock.json)…',
  );
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
