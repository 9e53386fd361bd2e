/**
 * The reference: the official SDK client in a bare Node process, nothing else running. Prints one
 * JSON line with its measurements.
 * Usage: raw-sdk-client.ts <server argv as JSON> <tool call as JSON> <calls> <throughputMs> <concurrency,...>
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { measureLatencies, measureThroughput } from './measure';

const [serverArg, toolArg, callsArg, tputArg, concArg] = process.argv.slice(2);
const [command, ...args] = JSON.parse(serverArg!) as string[];
const tool = JSON.parse(toolArg!) as { name: string; arguments: Record<string, unknown> };
const t0 = performance.now();
const client = new Client({ name: 'bench-raw', version: '1' });
const transport = new StdioClientTransport({ command: command!, args, stderr: 'pipe' });
await client.connect(transport);
transport.stderr?.on('data', () => {}); // drained, as MCP Lab does
await client.listTools();
const startMs = performance.now() - t0;
const call = () => client.callTool(tool);
const latencies = await measureLatencies(call, Number(callsArg));
const throughput: Record<string, number> = {};
/** This process's CPU time per call at each concurrency (the reference for MCP Lab's own cost). */
const cpuUsPerCall: Record<string, number> = {};
for (const c of concArg!.split(',').map(Number)) {
  let calls = 0;
  const cpu0 = process.cpuUsage();
  throughput[c] = await measureThroughput(() => (calls++, call()), c, Number(tputArg));
  const d = process.cpuUsage(cpu0);
  cpuUsPerCall[c] = Math.round((d.user + d.system) / Math.max(calls, 1));
}
process.stdout.write(JSON.stringify({ startMs, latencies, throughput, cpuUsPerCall }) + '\n');
await client.close();
process.exit(0);
