// Electronegativity (Electron's security linter) with a severity gate of our own: it exits 0 on
// findings, so this script fails on any HIGH or MEDIUM finding that a person has not reviewed in
// build/security/electronegativity-reviewed.json (each entry names why it is safe and which test
// proves it). The tool fetches translations and Electron release lists from the internet on every
// run; here `got` is replaced by a stub so the gate makes no network call at all.
'use strict';
const Module = require('node:module');
const path = require('node:path');
const fs = require('node:fs');

const load = Module._load;
Module._load = function (request, ...rest) {
  if (request === 'got') return () => Promise.reject(new Error('network disabled by the MCP Lab security gate'));
  return load.call(this, request, ...rest);
};
// The tool narrates on stdout; keep our own output readable.
const log = console.log;
console.log = () => {};

const root = path.resolve(__dirname, '..', '..');
const run = require(path.join(root, 'node_modules/@doyensec/electronegativity/dist/runner.js'));
const reviewed = JSON.parse(fs.readFileSync(path.join(root, 'build/security/electronegativity-reviewed.json'), 'utf8')).reviewed;
const electronVersion = require(path.join(root, 'node_modules/electron/package.json')).version;

/** What ships in the desktop app and is ours: the Electron shell and the page it loads. */
function stageInput() {
  const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'mcp-lab-eneg-'));
  for (const f of fs.readdirSync(path.join(root, 'src-main/shells/electron')))
    fs.copyFileSync(path.join(root, 'src-main/shells/electron', f), path.join(dir, f));
  fs.copyFileSync(path.join(root, 'src-renderer/index.html'), path.join(dir, 'index.html'));
  return dir;
}

(async () => {
  const input = stageInput();
  const result = await run(
    { input, customScan: [], excludeFromScan: [], isRelative: true, isVerbose: false, electronVersionOverride: electronVersion },
    false,
  );
  console.log = log;
  const issues = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: path.basename(i.file),
    line: i.location?.line,
    description: i.description,
  }));
  const gated = issues.filter((i) => i.severity === 'HIGH' || i.severity === 'MEDIUM' || i.severity === 'CRITICAL');
  const unreviewed = gated.filter((i) => !reviewed.some((r) => r.id === i.id && r.file === i.file));
  for (const i of issues) {
    const r = reviewed.find((x) => x.id === i.id && x.file === i.file);
    log(
      `${r ? 'reviewed ' : unreviewed.includes(i) ? 'FAILING  ' : 'info     '} ${i.severity.padEnd(6)} ${i.id} ${i.file}:${i.line ?? '-'}${r ? ` — ${r.why}` : ` — ${i.description}`}`,
    );
  }
  for (const r of reviewed)
    if (!issues.some((i) => i.id === r.id && i.file === r.file))
      log(`stale    the reviewed entry ${r.id} (${r.file}) no longer matches a finding: remove it`);
  if (result.errors?.length)
    log(`the linter could not read ${result.errors.length} file(s): ${result.errors.map((e) => e.file).join(', ')}`);
  log(
    unreviewed.length
      ? `electronegativity gate: ${unreviewed.length} unreviewed HIGH/MEDIUM finding(s)`
      : `electronegativity gate: passed (${issues.length} finding(s), all reviewed or informational)`,
  );
  fs.rmSync(input, { recursive: true, force: true });
  process.exit(unreviewed.length || result.errors?.length ? 1 : 0);
})().catch((e) => {
  console.log = log;
  console.error(`electronegativity gate: the linter failed: ${e.stack ?? e}`);
  process.exit(1);
});
