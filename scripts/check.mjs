/**
 * `npm run check`: the type check, lint, layer rules and format check, on two lanes at once.
 * ESLint (its type-aware rules build a program of their own) is the longest step: it runs
 * beside the others, which run in turn, so the check takes about as long as the lint alone
 * rather than the sum. Each step's output is printed whole when it ends, under its name; the
 * check fails when any step fails.
 */
import { spawn } from 'node:child_process';

const LANES = [['lint'], ['typecheck', 'lint:layers', 'format:check']];

/**
 * Runs `npm run <script>`, its output kept to print in one piece.
 * @param {string} script
 * @returns {Promise<boolean>} whether it passed
 */
function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => {
      process.stdout.write(
        `\n> ${script}${code === 0 ? '' : ` (failed, exit ${code})`}\n${output}`,
      );
      resolve(code === 0);
    });
  });
}

const results = await Promise.all(
  LANES.map(async (lane) => {
    let ok = true;
    // A lane stops at its first failure, as `a && b` does.
    for (const script of lane) {
      ok = await run(script);
      if (!ok) break;
    }
    return ok;
  }),
);
process.exitCode = results.every(Boolean) ? 0 : 1;
