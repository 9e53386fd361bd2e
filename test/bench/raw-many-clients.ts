/**
 * The reference for the scale rows: N bare SDK clients in one Node process, each starting its own
 * server and listing its tools, all at once. Prints one JSON line: how long until all were ready.
 * Usage: raw-many-clients.ts <server argv as JSON> <n>
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [serverArg, nArg] = process.argv.slice(2);
const [command, ...args] = JSON.parse(serverArg!) as string[];
const t0 = performance.now();
const clients = await Promise.all(
  Array.from({ length: Number(nArg) }, async () => {
    const client = new Client({ name: 'bench-raw', version: '1' });
    const transport = new StdioClientTransport({ command: command!, args, stderr: 'pipe' });
    await client.connect(transport);
    transport.stderr?.on('data', () => {}); // drained, as MCP Lab does
    await client.listTools();
    return client;
  }),
);
const startAllMs = performance.now() - t0;
process.stdout.write(JSON.stringify({ startAllMs }) + '\n');
await Promise.all(clients.map((c) => c.close()));
process.exit(0);
