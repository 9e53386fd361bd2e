// `npm test`: every suite, then one closing line `N passed, N failed` summed over all of them.
// Suites: build, typecheck (node + web), lint, the Electron security gate, vitest (unit, renderer,
// integration, contract, with a coverage summary), the official MCP conformance suite's client
// scenarios (one test each) and the end-to-end tests in system Chromium. The e2e suite is
// required: no browser is a failure.
//
// Independent parts run in two lanes at once, sized for a 2-core machine:
//   lane A: build, then vitest (the CLI and integration tests run the built app);
//   lane B: once the build is there, conformance and e2e (both drive the built `mcp-lab`), then typecheck, lint,
//           format check and security gate (sources only).
// vitest is the longest part, so it has a lane to itself; the source checks, about 100 s together, follow the
// end-to-end suite, which ends earlier.
// Each line of a part's output carries its name; each part's wall time is in the summary.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureInstalled, writeBuildStamp } from './build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
// Written by vitest's coverage run; a stale one must not be reported as this run's.
rmSync(path.join(results, 'coverage'), { recursive: true, force: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const summary = [];
const add = (suite, passed, failed, note, ms) => summary.push({ suite, passed, failed, note, ms });
const started = Date.now();
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Run one part, its output prefixed with its label line by line; resolves with success and wall time. */
function run(label, cmd, args, env = {}) {
  const t0 = Date.now();
  console.log(`━━ ${label}: started ━━`);
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    const prefix = (stream, out) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (d) => {
        const lines = (rest + d).split('\n');
        rest = lines.pop();
        for (const l of lines) out.write(`${label} │ ${l}\n`);
      });
      stream.on('end', () => rest && out.write(`${label} │ ${rest}\n`));
    };
    prefix(child.stdout, process.stdout);
    prefix(child.stderr, process.stderr);
    child.on('error', (e) => {
      console.error(`${label} │ could not start ${cmd}: ${e.message}`);
    });
    child.on('close', (code) => {
      const ms = Date.now() - t0;
      console.log(`━━ ${label}: ${code === 0 ? 'done' : `failed (exit ${code})`} in ${secs(ms)} ━━`);
      resolve({ ok: code === 0, ms });
    });
  });
}

/** A check that counts as one test. */
async function check(suite, label, cmd, args) {
  const r = await run(label, cmd, args);
  add(suite, r.ok ? 1 : 0, r.ok ? 0 : 1, '', r.ms);
}

async function build() {
  const r = await run('build', bin('electron-vite'), ['build']);
  if (r.ok) writeBuildStamp(root);
  add('build', r.ok ? 1 : 0, r.ok ? 0 : 1, r.ok ? '' : 'electron-vite build failed', r.ms);
  return r.ok;
}

async function vitest() {
  const out = path.join(results, 'vitest-results.json');
  rmSync(out, { force: true });
  const r = await run('vitest', bin('vitest'), ['run', '--coverage', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (!existsSync(out)) return add('vitest', 0, 1, 'vitest produced no report', r.ms);
  const j = JSON.parse(readFileSync(out, 'utf8'));
  const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  // A file that fails to load has no tests to count: count it as a failure so it cannot hide.
  const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
  add('vitest', j.numPassedTests, j.numFailedTests + brokenFiles, skipped ? `${skipped} skipped` : '', r.ms);
}

async function conformance() {
  const out = path.join(results, 'conformance-results.json');
  rmSync(out, { force: true });
  const r = await run('conformance', process.execPath, [path.join(root, 'build/scripts/conformance.mjs'), '--json', out]);
  if (!existsSync(out)) return add('conformance', 0, 1, 'the conformance run produced no report', r.ms);
  const j = JSON.parse(readFileSync(out, 'utf8'));
  add('conformance', j.passed, j.failed, j.expectedFailures ? `${j.expectedFailures} expected failure(s)` : '', r.ms);
}

async function e2e() {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(
      `━━ e2e ━━\nChromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH. The end-to-end suite is required.`,
    );
    return add('e2e', 0, 1, 'no Chromium', 0);
  }
  const out = path.join(results, 'e2e-results.json');
  rmSync(out, { force: true });
  const r = await run('e2e', bin('playwright'), ['test']);
  if (!existsSync(out)) return add('e2e', 0, 1, 'Playwright produced no report', r.ms);
  const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
  add('e2e', s.expected ?? 0, (s.unexpected ?? 0) + (s.flaky ?? 0), s.skipped ? `${s.skipped} skipped` : '', r.ms);
}

const notRun = (suite) => add(suite, 0, 1, 'not run: the build failed', 0);

ensureInstalled(root);

const built = build();
const laneA = (async () => {
  if (await built) await vitest();
  else notRun('vitest');
})();
const laneB = (async () => {
  if (await built) {
    await conformance();
    await e2e();
  } else ['conformance', 'e2e'].forEach(notRun);
  await check('typecheck (node)', 'typecheck-node', bin('tsc'), ['-p', 'tsconfig.node.json', '--noEmit']);
  await check('typecheck (web)', 'typecheck-web', bin('tsc'), ['-p', 'tsconfig.web.json', '--noEmit']);
  await check('lint', 'lint', bin('eslint'), ['.', '--max-warnings=0']);
  await check('format', 'format', bin('prettier'), ['--check', '.']);
  // Electron's security linter, gated on findings nobody reviewed (it exits 0 on its own).
  await check('security gate', 'security-gate', process.execPath, [path.join(root, 'build/scripts/electron-security-gate.cjs')]);
})();
await Promise.all([laneA, laneB]);

const ORDER = ['build', 'typecheck (node)', 'typecheck (web)', 'lint', 'format', 'security gate', 'vitest', 'conformance', 'e2e'];
summary.sort((a, b) => ORDER.indexOf(a.suite) - ORDER.indexOf(b.suite));
const coverage = path.join(results, 'coverage', 'coverage-summary.json');
console.log('\n━━ summary ━━');
for (const s of summary) {
  const note = s.note ? `  (${s.note})` : '';
  console.log(
    `  ${s.suite.padEnd(18)} ${String(s.passed).padStart(5)} passed  ${String(s.failed).padStart(3)} failed  ${secs(s.ms).padStart(8)}${note}`,
  );
}
if (existsSync(coverage)) {
  const t = JSON.parse(readFileSync(coverage, 'utf8')).total;
  console.log(
    `  coverage           lines ${t.lines.pct}%  statements ${t.statements.pct}%  branches ${t.branches.pct}%  functions ${t.functions.pct}%`,
  );
}
console.log(
  `  wall time          ${secs(Date.now() - started)} (parts in two lanes; the sum of the parts is ${secs(summary.reduce((a, s) => a + s.ms, 0))})`,
);
const passed = summary.reduce((a, s) => a + s.passed, 0);
const failed = summary.reduce((a, s) => a + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
