/**
 * `mcp-lab test`, `fuzz` and `lint` as CI runs them: exit codes, the closing line, and reporters
 * that parse back (JUnit through an XML parser, JSON through JSON.parse).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzRun } from '../../../src-shared/api/schemas/fuzz';
import type { LintReport } from '../../../src-shared/api/schemas/lint';
import { openMcp, startFixture } from '../../fixtures/remote/mcp-http';
import { FIXTURES, REPO_ROOT, TSX_IMPORT, fixtureScript } from '../../helpers/fixtures';
import { runCli } from '../../helpers/run-cli';

const echoArgs = [fixtureScript('echo-server.ts')];
const example = ['--', process.execPath, '--import', TSX_IMPORT, path.join(REPO_ROOT, 'src-main/examples/example-server.ts')];
const lastLine = (s: string) => s.trim().split('\n').at(-1);

let ws: string;
beforeAll(async () => {
  ws = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-tests-'));
  await mkdir(path.join(ws, '.mcp-lab/tests'), { recursive: true });
  // A workspace server, as the app saves it, and a suite that names it.
  await writeFile(
    path.join(ws, 'mcp-lab.json'),
    JSON.stringify({
      version: 1,
      servers: [{ id: 'echo', name: 'Echo', transport: 'stdio', command: process.execPath, args: echoArgs, env: [] }],
    }),
  );
  await writeFile(
    path.join(ws, '.mcp-lab/tests/echo.test.json'),
    JSON.stringify({
      name: 'Echo',
      server: 'echo',
      cases: [
        { name: 'adds', tool: 'add', arguments: { a: 2, b: 40 }, expect: [{ structuredContent: { sum: 42 } }] },
        { name: 'echoes', tool: 'echo', arguments: { text: 'hi' }, expect: [{ textContains: 'hi' }] },
      ],
    }),
  );
});
afterAll(() => rm(ws, { recursive: true, force: true }));

describe('mcp-lab test', () => {
  it('passes: exit 0 and the closing line', async () => {
    const r = await runCli(['test', '--workspace', ws]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('✓ adds');
    expect(lastLine(r.stdout)).toBe('2 passed, 0 failed');
  });

  it('a failing case: exit 1, the diff in the list, a JUnit report that CI parsers read', async () => {
    const failing = path.join(ws, 'failing.test.json');
    await writeFile(
      failing,
      JSON.stringify({
        server: { command: process.execPath, args: echoArgs },
        cases: [
          { name: 'wrong sum', tool: 'add', arguments: { a: 1, b: 1 }, expect: [{ structuredContent: { sum: 3 } }] },
          { name: 'ok', tool: 'echo', arguments: { text: 'x' } },
        ],
      }),
    );
    const list = await runCli(['test', failing]);
    expect(list.code).toBe(1);
    expect(list.stdout).toContain('✗ wrong sum');
    expect(list.stdout).toContain('-   "sum": 3');
    expect(list.stdout).toContain('+   "sum": 2');
    expect(lastLine(list.stdout)).toBe('1 passed, 1 failed');

    const junit = await runCli(['test', failing, '--reporter', 'junit']);
    expect(junit.code).toBe(1);
    expect(XMLValidator.validate(junit.stdout)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.stdout);
    expect(doc.testsuites).toMatchObject({ tests: '2', failures: '1', errors: '0' });
    expect(doc.testsuites.testsuite.testcase[0].failure.message).toContain('structuredContent differs');
    // stdout holds only the XML; the closing line goes to stderr.
    expect(lastLine(junit.stderr)).toBe('1 passed, 1 failed');

    const json = await runCli(['test', failing, '--reporter', 'json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ state: 'done', passed: 1, failed: 1 });
  });

  it('a suite file with a syntax error: named with its line, the other suites still run, exit 1; --bail stops early', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-bad-'));
    await writeFile(path.join(dir, 'bad.test.json'), '{\n  "server": "x",\n  "cases": [\n');
    await writeFile(
      path.join(dir, 'good.test.json'),
      JSON.stringify({
        server: { command: process.execPath, args: echoArgs },
        cases: [
          { name: 'a', tool: 'echo', arguments: { text: 'a' }, expect: [{ textContains: 'zzz' }] },
          { name: 'b', tool: 'echo', arguments: { text: 'b' } },
        ],
      }),
    );
    const r = await runCli(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/bad\.test\.json:4:1: syntax error/);
    expect(lastLine(r.stdout)).toBe('1 passed, 2 failed');
    const junit = await runCli(['test', dir, '--reporter', 'junit', '--bail']);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(junit.stdout);
    expect(doc.testsuites).toMatchObject({ errors: '1', failures: '1', skipped: '1' });
    await rm(dir, { recursive: true, force: true });
  });

  it('a case that crashes the server fails saying so; the server is restarted and the next cases pass', async () => {
    const crashing = path.join(ws, 'crashing.test.json');
    await writeFile(
      crashing,
      JSON.stringify({
        server: { command: process.execPath, args: echoArgs },
        cases: [
          { name: 'crashes', tool: 'crash', arguments: { code: 9 } },
          { name: 'echoes after', tool: 'echo', arguments: { text: 'again' }, expect: [{ textContains: 'again' }] },
          { name: 'adds after', tool: 'add', arguments: { a: 1, b: 2 }, expect: [{ structuredContent: { sum: 3 } }] },
        ],
      }),
    );
    const r = await runCli(['test', crashing]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'the server crashed during this case: the server process exited (exit code 9); it was restarted for the next case',
    );
    expect(r.stdout).toContain('✓ echoes after');
    expect(r.stdout).not.toContain('crashed earlier');
    expect(lastLine(r.stdout)).toBe('2 passed, 1 failed');
  });

  it('no suites: exit 2 with what to do', async () => {
    const empty = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-cli-empty-'));
    const r = await runCli(['test', '--workspace', empty]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Save as test');
    await rm(empty, { recursive: true, force: true });
  });
});

describe('mcp-lab fuzz', () => {
  it('finds the hang, exits 1, and writes a suite that mcp-lab test runs', async () => {
    const suite = path.join(ws, 'fuzz-findings.test.json');
    const r = await runCli([
      'fuzz',
      'hang',
      '--runs',
      '2',
      '--timeout-ms',
      '300',
      '--seed',
      '3',
      '--save-suite',
      suite,
      '--',
      process.execPath,
      ...echoArgs,
    ]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ERROR hang: no answer within 300 ms');
    expect(r.stderr).toContain('replay with --seed 3');
    const saved = JSON.parse(await readFile(suite, 'utf8'));
    expect(saved.cases[0]).toMatchObject({ tool: 'hang' });
    const rerun = await runCli(['test', suite]);
    expect(rerun.code).toBe(1);
    expect(lastLine(rerun.stdout)).toBe('0 passed, 1 failed');
  });

  it('--all fuzzes every tool in one run; findings grouped by cause, errors first, each with its shrunk input and its own answer', async () => {
    // The TypeScript fastmcp package answers bad arguments with JSON-RPC -32602: many generated inputs, few causes.
    // Twelve inputs give each tool valid ones and every kind of invalid one (wrong type, null, missing, out of
    // range); more only add waits, as count's valid calls sleep steps × delay_ms (up to its 5 s timeout each).
    const server = ['--', process.execPath, fixtureScript('ts-fastmcp-server.ts')];
    const fuzzAll = ['fuzz', '--all', '--runs', '12', '--seed', '5'];
    // One seed, so both reporters show the same run: they run side by side, as each mostly waits on its server.
    const [json, text] = await Promise.all([
      runCli([...fuzzAll, '--json', ...server], { timeoutMs: 240_000 }),
      runCli([...fuzzAll, ...server], { timeoutMs: 240_000 }),
    ]);
    expect(json.code).toBe(1);
    const { runs } = (JSON.parse(json.stdout) as { data: { runs: FuzzRun[] } }).data;
    expect(runs.map((r) => r.spec.toolName).sort()).toEqual(['add_note', 'count']);
    for (const r of runs) {
      const causes = r.findings.map((f) => `${f.kind} ${JSON.stringify(f.input)} ${f.outcome.status} ${f.outcome.code ?? ''}`);
      expect(new Set(causes).size).toBe(causes.length);
      const ranks = r.findings.map((f) => (f.severity === 'error' ? 0 : 1));
      expect(ranks).toEqual([...ranks].sort());
      // Fewer findings than inputs that showed them: grouped, and counted.
      expect(r.findings.reduce((n, f) => n + f.occurrences, 0)).toBeGreaterThan(r.findings.length);
      for (const f of r.findings.filter((x) => x.kind === 'validationAsProtocolError')) {
        // The answer shown is the shrunk input's own: its message names what is wrong with that input.
        expect(f.outcome).toMatchObject({ status: 'protocolError', code: -32602 });
        expect(f.detail).toContain(f.outcome.message!.split('. ')[0]!);
      }
    }
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^add_note: 12 calls/m);
    expect(text.stdout).toMatch(/^count: 12 calls/m);
    expect(text.stdout).toMatch(/×\d+$/m);
    expect(text.stdout.match(/^ {4}input: /gm)!.length).toBe(text.stdout.match(/^ {4}answer: {4}JSON-RPC error -32602: /gm)!.length);
    expect(lastLine(text.stdout)).toMatch(/^2 tool\(s\) fuzzed, \d+ finding\(s\) in add_note, count$/);
  }, 480_000);

  it('a tool name and --all together, or neither: exit 2 with what to do', async () => {
    const both = await runCli(['fuzz', 'greet', '--all', ...example]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('give a tool name or --all, not both');
    const neither = await runCli(['fuzz', '--workspace', ws]);
    expect(neither.code).toBe(2);
    expect(neither.stderr).toContain('or --all for every tool');
  });

  it('a clean tool: exit 0, and --json is the whole run', async () => {
    const r = await runCli(['fuzz', 'greet', '--runs', '20', '--json', ...example]);
    expect(r.code).toBe(0);
    const run = JSON.parse(r.stdout).data;
    expect(run).toMatchObject({ state: 'done', done: 20, findings: [] });
  });
});

describe("mcp-lab lint finds the source from the server's command and cwd", () => {
  it('--workspace from another folder: a Python project is read as Python', async () => {
    const proj = await mkdtemp(path.join(os.tmpdir(), 'mcp-lab-lint-py-'));
    try {
      await writeFile(path.join(proj, 'server.py'), await readFile(path.join(FIXTURES, 'py_stdlib_server.py'), 'utf8'));
      await writeFile(
        path.join(proj, 'mcp-lab.json'),
        JSON.stringify({
          version: 1,
          servers: [{ id: 'py', name: 'Py', transport: 'stdio', command: 'python3', args: ['server.py'], cwd: '.', env: [] }],
        }),
      );
      // runCli runs from the repository, not from the project.
      const r = await runCli(['lint', '--no-probes', '--workspace', proj]);
      expect(r.stdout).toContain(`source: ${path.join(proj, 'server.py')} (python)\n`);
    } finally {
      await rm(proj, { recursive: true, force: true });
    }
  });

  it('--url: no local source, and no language claimed for it', async () => {
    const f = await startFixture(openMcp);
    try {
      const r = await runCli(['lint', '--no-probes', '--reporter', 'json', '--url', `${f.base}/mcp`]);
      const report = JSON.parse(r.stdout) as LintReport;
      expect(report.sources).toEqual([
        {
          file: `${f.base}/mcp`,
          analyzed: false,
          note: 'a remote server (by URL) has no local source to read: list and protocol rules only',
        },
      ]);
    } finally {
      await f.close();
    }
  });

  it('node dist/index.js: the TypeScript its source map names is analysed; without a map, the JavaScript itself', async () => {
    // A built project inside the checkout, so the built file finds the SDK in node_modules.
    await mkdir(path.join(REPO_ROOT, 'test-results'), { recursive: true });
    const proj = await mkdtemp(path.join(REPO_ROOT, 'test-results', 'lint-built-'));
    try {
      await mkdir(path.join(proj, 'src'));
      await mkdir(path.join(proj, 'dist'));
      const server = [
        "import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';",
        "import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';",
        "const server = new McpServer({ name: 'built', version: '1.0.0' });",
        'await server.connect(new StdioServerTransport());',
      ];
      await writeFile(path.join(proj, 'src', 'index.ts'), [...server, "console.log('listening');", ''].join('\n'));
      await writeFile(path.join(proj, 'dist', 'index.js'), [...server, '//# sourceMappingURL=index.js.map', ''].join('\n'));
      await writeFile(
        path.join(proj, 'dist', 'index.js.map'),
        JSON.stringify({ version: 3, file: 'index.js', sources: ['../src/index.ts'], names: [], mappings: '' }),
      );
      const mapped = await runCli(['lint', '--no-probes', '--', process.execPath, path.join(proj, 'dist', 'index.js')]);
      expect(mapped.stdout).toContain(`source: ${path.join(proj, 'src', 'index.ts')} (typescript)\n`);
      expect(mapped.stdout).toContain(`${path.join(proj, 'src', 'index.ts')}:5`); // the console.log the author wrote

      await rm(path.join(proj, 'dist', 'index.js.map'));
      const plain = await runCli(['lint', '--no-probes', '--', process.execPath, path.join(proj, 'dist', 'index.js')]);
      expect(plain.stdout).toContain(`source: ${path.join(proj, 'dist', 'index.js')} (javascript)\n`);
    } finally {
      await rm(proj, { recursive: true, force: true });
    }
  });
});

describe('mcp-lab lint', () => {
  it('the example server is clean: exit 0; JUnit has one passing case per rule', async () => {
    const r = await runCli(['lint', '--reporter', 'junit', ...example]);
    expect(r.code).toBe(0);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(r.stdout);
    expect(Number(doc.testsuites.tests)).toBeGreaterThan(15);
    expect(doc.testsuites.failures).toBe('0');
    expect(lastLine(r.stderr)).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('findings: exit 1, rationale and source line in the list; --fail-on error lets warnings pass; lint.json switches rules off', async () => {
    // Inside the repository, so the server's imports resolve (.cache is git-ignored).
    await mkdir(path.join(REPO_ROOT, '.cache'), { recursive: true });
    const dir = await mkdtemp(path.join(REPO_ROOT, '.cache', 'cli-lint-'));
    const server = path.join(dir, 'server.ts');
    await writeFile(
      server,
      (await readFile(path.join(FIXTURES, 'echo-server.ts'), 'utf8')).replace(
        'const server = new McpServer',
        "console.log('starting');\nconst server = new McpServer",
      ),
    );
    const cmd = ['--', process.execPath, '--import', TSX_IMPORT, server];
    const r = await runCli(['lint', '--no-probes', '--config', dir, ...cmd], { timeoutMs: 90_000 });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('print-to-stdout');
    expect(r.stdout).toMatch(/server\.ts:\d+:1/);
    expect(r.stdout).toContain("console.log('starting')");
    expect(r.stdout).toContain('why: print() and console.log write to stdout');
    await mkdir(path.join(dir, '.mcp-lab'));
    await writeFile(
      path.join(dir, '.mcp-lab/lint.json'),
      JSON.stringify({ rules: { 'print-to-stdout': 'off', 'stdout-pollution': 'off' } }),
    );
    const json = await runCli(['lint', '--no-probes', '--reporter', 'json', '--fail-on', 'error', '--config', dir, ...cmd], {
      timeoutMs: 90_000,
    });
    const report = JSON.parse(json.stdout);
    expect(report.findings.some((f: { ruleId: string }) => f.ruleId === 'print-to-stdout')).toBe(false);
    expect(report.findings.every((f: { severity: string }) => f.severity !== 'error')).toBe(true);
    expect(json.code).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });
});
