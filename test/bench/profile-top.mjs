// The top self-time frames of a V8 CPU profile (`node --cpu-prof`): what a call path spends its CPU on.
// Given a sampling heap profile (`.heapprofile`), the frames that allocate the most bytes instead.
// Usage: node test/bench/profile-top.mjs <file.cpuprofile|file.heapprofile> [rows=25]
import { readFileSync } from 'node:fs';

const [file, rowsArg = '25'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node test/bench/profile-top.mjs <file.cpuprofile> [rows]');
  process.exit(2);
}
const p = JSON.parse(readFileSync(file, 'utf8'));
const short = (url) => url.replace(/^.*\/(node_modules|src-main|src-shared|test)\//, '$1/');
if (p.head) {
  // A sampling allocation profile (`.heapprofile`): bytes allocated by each frame itself.
  const bytes = new Map();
  let all = 0;
  const visit = (n) => {
    const f = n.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url ? `${short(f.url)}:${f.lineNumber + 1}` : ''}`.trim();
    bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
    all += n.selfSize;
    for (const c of n.children) visit(c);
  };
  visit(p.head);
  console.log(`allocated (sampled) ${(all / 1048576).toFixed(0)} MiB`);
  for (const [key, b] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg)))
    console.log(`${((100 * b) / all).toFixed(1).padStart(5)} %  ${(b / 1048576).toFixed(1).padStart(7)} MiB  ${key}`);
  process.exit(0);
}
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
// timeDeltas[i] is the time before samples[i]; the sample's node gets it.
for (let i = 0; i < p.samples.length; i++) {
  const id = p.samples[i];
  self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
}
const byFrame = new Map();
let total = 0;
for (const [id, us] of self) {
  const n = byId.get(id);
  const f = n.callFrame;
  // The inspector's own `Profiler.stop` (the driver ends the profile from inside the process).
  if (f.functionName === 'dispatch' && !f.url) continue;
  const where = f.url ? `${f.url.replace(/^.*\/(node_modules|src-main|src-shared|test)\//, '$1/')}:${f.lineNumber + 1}` : '';
  const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
  byFrame.set(key, (byFrame.get(key) ?? 0) + us);
  total += us;
}
const idle = byFrame.get('(idle)') ?? 0;
console.log(`total ${(total / 1e3).toFixed(0)} ms, idle ${((100 * idle) / total).toFixed(1)} %`);
for (const [key, us] of [...byFrame].sort((a, b) => b[1] - a[1]).slice(0, Number(rowsArg))) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${key}`);
}

// `PROFILE_CALLERS=name`: who calls the frames of that name, two levels up, by self time.
const want = process.env.PROFILE_CALLERS;
if (want) {
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (id) => {
    const f = byId.get(id)?.callFrame;
    return f
      ? `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/(node_modules|src-main|src-shared|test)\//, '$1/')}:${f.lineNumber + 1}`
      : '(root)';
  };
  const chains = new Map();
  for (const [id, us] of self) {
    if (byId.get(id).callFrame.functionName !== want) continue;
    const p1 = parent.get(id);
    const p2 = p1 === undefined ? undefined : parent.get(p1);
    const p3 = p2 === undefined ? undefined : parent.get(p2);
    const key = [p1, p2, p3].map((x) => (x === undefined ? '' : label(x))).join('  <  ');
    chains.set(key, (chains.get(key) ?? 0) + us);
  }
  console.log(`\ncallers of ${want}:`);
  for (const [key, us] of [...chains].sort((a, b) => b[1] - a[1]).slice(0, 10))
    console.log(`${(us / 1e3).toFixed(0).padStart(6)} ms  ${key}`);
}

// `PROFILE_TOTAL=a,b`: total (self + callees) time of frames with these names, by file.
const totals = process.env.PROFILE_TOTAL?.split(',');
if (totals) {
  const sub = new Map();
  const visit = (id, active) => {
    const n = byId.get(id);
    const f = n.callFrame;
    const key = totals.includes(f.functionName)
      ? `${f.functionName} ${f.url.replace(/^.*\/(node_modules|src-main|src-shared|test)\//, '$1/')}`
      : undefined;
    // A frame inside a frame of the same key counts once (recursion).
    const inner = key && !active.has(key) ? new Set([...active, key]) : active;
    for (const k of inner) sub.set(k, (sub.get(k) ?? 0) + (self.get(id) ?? 0));
    for (const c of n.children ?? []) visit(c, inner);
  };
  visit(p.nodes[0].id, new Set());
  console.log('\ntotal time (self + callees):');
  for (const [key, us] of [...sub].sort((a, b) => b[1] - a[1]))
    console.log(`${((100 * us) / (total - idle)).toFixed(1).padStart(5)} % of busy  ${(us / 1e3).toFixed(0).padStart(6)} ms  ${key}`);
}
