// `npm test`: every suite, then one closing line `N passed, N failed` summed over all of them.
// Suites: build, typecheck (node + web), lint, the Electron security gate, vitest (unit, renderer,
// integration, contract), the official MCP conformance suite's client scenarios (one test each) and the
// end-to-end tests in system Chromium. The e2e suite is required: no browser is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildIfStale, ensureInstalled } from './build-if-stale.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const results = path.join(root, 'test-results');
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const summary = [];
const add = (suite, passed, failed, note = '') => summary.push({ suite, passed, failed, note });

function run(label, cmd, args, env = {}) {
  console.log(`\n━━ ${label} ━━`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

ensureInstalled(root);

// 1. Build: the CLI and e2e tests run the built app, so it must be current.
console.log('\n━━ build ━━');
try {
  buildIfStale(root, { force: true });
  add('build', 1, 0);
} catch (e) {
  console.error(String(e));
  add('build', 0, 1, 'electron-vite build failed');
}

// 2. Types and lint: each counts as one check.
for (const [label, project] of [['typecheck (node)', 'tsconfig.node.json'], ['typecheck (web)', 'tsconfig.web.json']]) {
  const ok = run(label, bin('tsc'), ['-p', project, '--noEmit']);
  add(label, ok ? 1 : 0, ok ? 0 : 1);
}
{
  const ok = run('lint', bin('eslint'), ['.', '--max-warnings=0']);
  add('lint', ok ? 1 : 0, ok ? 0 : 1);
}
{
  // Electron's security linter, gated on findings nobody reviewed (it exits 0 on its own).
  const ok = run('electron security gate', process.execPath, [path.join(root, 'build/scripts/electron-security-gate.cjs')]);
  add('security gate', ok ? 1 : 0, ok ? 0 : 1);
}

// 3. Vitest: unit, renderer, integration, contract.
{
  const out = path.join(results, 'vitest-results.json');
  rmSync(out, { force: true });
  run('vitest (unit, renderer, integration, contract)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    const skipped = (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
    // A file that fails to load has no tests to count: count it as a failure so it cannot hide.
    const brokenFiles = (j.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
    add('vitest', j.numPassedTests, j.numFailedTests + brokenFiles, skipped ? `${skipped} skipped` : '');
  } else add('vitest', 0, 1, 'vitest produced no report');
}

// 4. The official conformance suite against the built `mcp-lab` (each client scenario counts as one test).
{
  const out = path.join(results, 'conformance-results.json');
  rmSync(out, { force: true });
  run('conformance (official MCP suite, client scenarios)', process.execPath, [path.join(root, 'build/scripts/conformance.mjs'), '--json', out]);
  if (existsSync(out)) {
    const j = JSON.parse(readFileSync(out, 'utf8'));
    add('conformance', j.passed, j.failed, j.expectedFailures ? `${j.expectedFailures} expected failure(s)` : '');
  } else add('conformance', 0, 1, 'the conformance run produced no report');
}

// 5. End-to-end in system Chromium (required).
{
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) {
    console.error(`\n━━ e2e ━━\nChromium not found at ${chromium}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH. The end-to-end suite is required.`);
    add('e2e', 0, 1, 'no Chromium');
  } else {
    const out = path.join(results, 'e2e-results.json');
    rmSync(out, { force: true });
    run('e2e (Playwright, system Chromium)', bin('playwright'), ['test']);
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
      add('e2e', s.expected ?? 0, (s.unexpected ?? 0) + (s.flaky ?? 0), s.skipped ? `${s.skipped} skipped` : '');
    } else add('e2e', 0, 1, 'Playwright produced no report');
  }
}

console.log('\n━━ summary ━━');
for (const s of summary) console.log(`  ${s.suite.padEnd(18)} ${String(s.passed).padStart(5)} passed  ${String(s.failed).padStart(3)} failed${s.note ? `  (${s.note})` : ''}`);
const passed = summary.reduce((a, s) => a + s.passed, 0);
const failed = summary.reduce((a, s) => a + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
