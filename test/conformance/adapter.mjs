#!/usr/bin/env node
// The client under test for the official MCP conformance suite: maps a scenario to the `mcp-lab`
// command a user would type, runs it, and (for OAuth) plays the user's browser by opening the
// authorization URL mcp-lab prints and following its redirects back to mcp-lab's loopback receiver.
//
// The suite runs `<this command> <server URL>` with MCP_CONFORMANCE_SCENARIO (and, for scenarios
// that hand out credentials, MCP_CONFORMANCE_CONTEXT) in the environment. Everything the scenario
// checks must come from mcp-lab itself: this file only chooses flags and clicks "approve".
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = path.join(root, 'bin', 'mcp-lab.mjs');

const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? '';
const url = process.argv.at(-1) ?? '';
const context = process.env.MCP_CONFORMANCE_CONTEXT ? JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT) : {};
const scratch = mkdtempSync(path.join(os.tmpdir(), 'mcp-lab-conformance-'));

/** The mcp-lab arguments for a scenario: what a person testing such a server would run. */
function commandFor(name) {
  const remote = ['--url', url];
  switch (name) {
    case 'initialize':
      return ['tools', ...remote];
    case 'tools_call':
      return ['call', 'add_numbers', '--args', '{"a": 5, "b": 3}', ...remote];
    case 'sse-retry':
      return ['call', 'test_reconnection', ...remote];
    case 'elicitation-sep1034-client-defaults':
      // Accept whatever the form proposes: the schema's defaults.
      return ['call', 'test_client_elicitation_defaults', '--elicit', 'accept', ...remote];
    case 'auth/pre-registration':
      return ['call', 'test-tool', '--client-id', context.client_id, '--client-secret', context.client_secret, ...remote];
    case 'auth/basic-cimd':
      // A client that publishes its metadata document gives its URL (the suite's fixed one).
      return ['call', 'test-tool', '--client-metadata-url', 'https://conformance-test.local/client-metadata.json', ...remote];
    case 'auth/client-credentials-basic':
      return [
        'call',
        'test-tool',
        '--oauth-flow',
        'client-credentials',
        '--client-id',
        context.client_id,
        '--client-secret',
        context.client_secret,
        ...remote,
      ];
    case 'auth/client-credentials-jwt': {
      const keyFile = path.join(scratch, 'client-key.pem');
      writeFileSync(keyFile, context.private_key_pem, { mode: 0o600 });
      return [
        'call',
        'test-tool',
        '--oauth-flow',
        'client-credentials',
        '--client-id',
        context.client_id,
        '--client-key',
        keyFile,
        ...remote,
      ];
    }
    case 'auth/cross-app-access-complete-flow':
      return [
        'call',
        'test-tool',
        '--oauth-flow',
        'cross-app',
        '--client-id',
        context.client_id,
        '--client-secret',
        context.client_secret,
        '--idp-token-endpoint',
        context.idp_token_endpoint,
        '--idp-client-id',
        context.idp_client_id,
        '--idp-id-token',
        context.idp_id_token,
        ...remote,
      ];
    default:
      // Every other auth scenario: an OAuth-protected server and a person who signs in when asked.
      if (name.startsWith('auth/')) return ['call', 'test-tool', ...remote];
      return undefined;
  }
}

const args = commandFor(scenario);
if (!args || !url) {
  console.error(`adapter: no mcp-lab command for scenario "${scenario}" (server URL: "${url}")`);
  process.exit(2);
}

/**
 * The person's browser: open the authorization URL and follow redirects as a browser would, to the
 * loopback receiver mcp-lab listens on. The suite's authorization servers approve at once.
 */
async function approve(authorizationUrl) {
  try {
    const res = await fetch(authorizationUrl, { redirect: 'follow' });
    console.error(`adapter: opened the sign-in link; the browser ended at HTTP ${res.status}`);
    await res.body?.cancel();
  } catch (e) {
    console.error(`adapter: opening the sign-in link failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

const child = spawn(process.execPath, [cli, ...args], {
  env: { ...process.env, MCP_LAB_HOME: path.join(scratch, 'home') },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let pendingErr = '';
child.stdout.pipe(process.stdout);
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk);
  pendingErr += chunk.toString();
  // mcp-lab prints the link on a line of its own, indented, after "Open this URL in your browser".
  const lines = pendingErr.split('\n');
  pendingErr = lines.pop() ?? '';
  for (const line of lines) {
    const m = /^\s+(https?:\/\/\S+)\s*$/.exec(line);
    if (m) void approve(m[1]);
  }
});
child.on('exit', (code, signal) => {
  rmSync(scratch, { recursive: true, force: true });
  process.exit(code ?? (signal ? 1 : 0));
});
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => child.kill(sig));
