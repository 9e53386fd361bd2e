// The one-shot reference: what a person would write with the official SDK to call one tool from a
// script (connect, one call, print, close). Plain JavaScript run by plain node, no loader.
// Usage: node one-shot-sdk-client.mjs <server argv as JSON> <tool call as JSON>
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';

const [command, ...args] = JSON.parse(process.argv[2]);
const tool = JSON.parse(process.argv[3]);
const client = new Client({ name: 'one-shot', version: '1' });
await client.connect(new StdioClientTransport({ command, args, stderr: 'pipe' }));
const result = await client.callTool(tool);
for (const block of result.content ?? []) if (block.type === 'text') process.stdout.write(`${block.text}\n`);
await client.close();
