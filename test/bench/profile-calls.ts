/**
 * A driver for CPU profiles of the call path: one engine in this process, one server, calls at a
 * given concurrency for a while through the in-memory port (the CLI's path) or the WebSocket (the
 * UI's), or as a load run. The CPU profile covers the measured window only (not module loading or
 * warm-up); read it with `node test/bench/profile-top.mjs <file>.cpuprofile`. A file named
 * `….heapprofile` gets a sampling allocation profile instead (what the garbage collector has to
 * clean up), read with `node test/bench/profile-top.mjs <file>.heapprofile`.
 * Usage: profile-calls.ts [engine|ws|load] [concurrency] [seconds] [profile file]
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { startBenchEngine } from './bench-engine';
import { INSTANT } from './call-latency';
import { measureThroughput } from './measure';

const [mode = 'engine', concArg = '8', secondsArg = '5', profileFile] = process.argv.slice(2);
const s = INSTANT;
const b = await startBenchEngine({ withWebSocket: mode === 'ws' });
const { config } = await b.api.call('servers.add', {
  name: 'bench',
  transport: 'stdio',
  command: s.server[0]!,
  args: s.server.slice(1),
  env: [],
});
await b.api.call('servers.start', { serverId: config.id });
const ms = Number(secondsArg) * 1000;
const concurrency = Number(concArg);
/** This process's CPU time (user + system) per call: what MCP Lab costs, however busy the machine is. */
function cpuPerCall(since: NodeJS.CpuUsage, calls: number): number {
  const d = process.cpuUsage(since);
  return Math.round((d.user + d.system) / Math.max(calls, 1));
}

const session = new Session();
session.connect();
const allocations = profileFile?.endsWith('.heapprofile') ?? false;
const startProfile = async () => {
  if (!profileFile) return;
  if (allocations) {
    await session.post('HeapProfiler.enable');
    // Every 4 KiB allocated, sampled; objects freed since are kept in the profile: it is what was allocated, not what lives.
    await session.post('HeapProfiler.startSampling', {
      samplingInterval: 4096,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    });
    return;
  }
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
};
const stopProfile = async () => {
  if (!profileFile) return;
  const { profile } = allocations ? await session.post('HeapProfiler.stopSampling') : await session.post('Profiler.stop');
  writeFileSync(profileFile, JSON.stringify(profile));
};
if (mode === 'load') {
  const cpu0 = process.cpuUsage();
  await startProfile();
  const run = await b.api.call('load.start', {
    serverId: config.id,
    toolName: s.tool.name,
    args: { mode: 'fixed', arguments: s.tool.arguments },
    concurrency,
    durationSeconds: Number(secondsArg),
  });
  const done = await b.engine.load.finished(run.runId);
  await stopProfile();
  console.log(
    JSON.stringify({
      mode,
      concurrency,
      callsPerSecond: done.callsPerSecond,
      cpuUsPerCall: cpuPerCall(cpu0, done.completed),
      self: done.self,
    }),
  );
} else {
  const api = mode === 'ws' ? b.wsApi! : b.api;
  const call = () => api.call('tools.call', { serverId: config.id, toolName: s.tool.name, arguments: s.tool.arguments });
  await measureThroughput(call, concurrency, 500); // warm-up
  let calls = 0;
  const counted = () => {
    calls++;
    return call();
  };
  const cpu0 = process.cpuUsage();
  await startProfile();
  const perSecond = await measureThroughput(counted, concurrency, ms);
  await stopProfile();
  console.log(JSON.stringify({ mode, concurrency, callsPerSecond: Math.round(perSecond), cpuUsPerCall: cpuPerCall(cpu0, calls) }));
}
await b.close();
process.exit(0);
