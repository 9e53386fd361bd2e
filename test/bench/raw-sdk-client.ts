/**
 * The reference: the official SDK client in a bare Node process, nothing else running. Prints one
 * JSON line with its measurements. Usage: raw-sdk-client.ts <server.js> <calls> <throughputMs> <concurrency,...>
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { measureLatencies, measureThroughput } from './measure';

const [serverJs, callsArg, tputArg, concArg] = process.argv.slice(2);
const t0 = performance.now();
const client = new Client({ name: 'bench-raw', version: '1' });
const transport = new StdioClientTransport({ command: process.execPath, args: [serverJs!], stderr: 'pipe' });
await client.connect(transport);
transport.stderr?.on('data', () => {}); // drained, as MCP Lab does
await client.listTools();
const startMs = performance.now() - t0;
const call = () => client.callTool({ name: 'greet', arguments: { name: 'Ada' } });
const latencies = await measureLatencies(call, Number(callsArg));
const throughput: Record<string, number> = {};
for (const c of concArg!.split(',').map(Number)) throughput[c] = await measureThroughput(call, c, Number(tputArg));
process.stdout.write(JSON.stringify({ startMs, latencies, throughput }) + '\n');
await client.close();
process.exit(0);
