/**
 * `resources.expandTemplate`: the engine expands a resource template (the SDK's RFC 6570 code) and
 * the URI it returns reads the resource, on the example server (`notes://{id}` with completions)
 * and on real FastMCP servers (`files://{path*}` with slashes, `search://notes{?q,limit}`).
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, REPO_ROOT, TSX_IMPORT } from '../../helpers/fixtures';
import { ensureFastmcpVenv, FASTMCP_VERSIONS } from '../../helpers/fastmcp-venv';
import { addAndStart, startHarness, type Harness } from '../../helpers/harness';

const EXAMPLE = path.join(REPO_ROOT, 'src-main/examples/example-server.ts');
const SEED = path.join(FIXTURES, 'fastmcp_seed_server.py');

async function readText(h: Harness, serverId: string, uri: string): Promise<string> {
  const o = await h.api.call('resources.read', { serverId, uri });
  if (o.status !== 'ok') throw new Error(`${uri}: ${JSON.stringify(o)}`);
  return (o.result.contents[0] as { text: string }).text;
}

describe('expanding templates without a server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.dispose();
  });
  const expand = (uriTemplate: string, variables: Record<string, string | string[]> = {}) =>
    h.api.call('resources.expandTemplate', { uriTemplate, variables });

  it('percent-encodes values, drops empty query variables and joins lists', async () => {
    expect(await expand('notes://{id}', { id: 'a b' })).toEqual({ uri: 'notes://a%20b' });
    expect(await expand('search://notes{?q,limit}', { q: 'x&y', limit: '' })).toEqual({ uri: 'search://notes?q=x%26y' });
    expect(await expand('search://notes{?q,limit}')).toEqual({ uri: 'search://notes' });
    expect(await expand('tags://{list}', { list: ['a', 'b'] })).toEqual({ uri: 'tags://a,b' });
  });

  it('refuses a malformed template with InvalidParams that names it', async () => {
    await expect(expand('notes://{id')).rejects.toMatchObject({
      code: 'InvalidParams',
      message: expect.stringContaining('"notes://{id" is not a valid URI template'),
    });
  });
});

describe('the example server: complete a variable, expand, read', () => {
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    h = await startHarness();
    const s = await addAndStart(h, {
      name: 'Example',
      transport: 'stdio',
      command: process.execPath,
      args: ['--import', TSX_IMPORT, EXAMPLE],
    });
    expect(s.status.state).toBe('ready');
    id = s.config.id;
  });
  afterAll(async () => {
    await h.dispose();
  });

  it('reads the note a completion suggested, through the expanded URI', async () => {
    const ref = { type: 'ref/resource' as const, uri: 'notes://{id}' };
    const done = await h.api.call('completion.complete', {
      serverId: id,
      ref,
      argument: { name: 'id', value: 'n' },
      context: { arguments: {} },
    });
    if (done.status !== 'ok') throw new Error(JSON.stringify(done));
    const pick = done.result.values[2]!;
    const { uri } = await h.api.call('resources.expandTemplate', { uriTemplate: 'notes://{id}', variables: { id: pick } });
    expect(uri).toBe(`notes://${pick}`);
    expect(JSON.parse(await readText(h, id, uri))).toMatchObject({ id: pick });
  });
});

describe.each(FASTMCP_VERSIONS)('FastMCP %s: wildcard and query templates', (version) => {
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    const venv = await ensureFastmcpVenv(version);
    h = await startHarness({ handshakeTimeoutMs: 60_000 });
    const s = await addAndStart(h, { name: `fastmcp-${version}`, transport: 'stdio', command: venv.python, args: [SEED] });
    expect(s.status, JSON.stringify(s.status)).toMatchObject({ state: 'ready' });
    id = s.config.id;
  }, 15 * 60_000);
  afterAll(async () => {
    await h?.dispose();
  });

  it('reads files://{path*} with a path that has slashes (encoded, decoded again by FastMCP)', async () => {
    const { uri } = await h.api.call('resources.expandTemplate', {
      uriTemplate: 'files://{path*}',
      variables: { path: 'docs/guide/intro.md' },
    });
    expect(uri).toBe('files://docs%2Fguide%2Fintro.md');
    expect(await readText(h, id, uri)).toBe('Start here.');
  });

  it('reads search://notes{?q,limit} with both, one or none of the query variables', async () => {
    const read = async (variables: Record<string, string>) => {
      const { uri } = await h.api.call('resources.expandTemplate', { uriTemplate: 'search://notes{?q,limit}', variables });
      return JSON.parse(await readText(h, id, uri)) as { q: string; ids: string[] };
    };
    expect(await read({ q: 'logs', limit: '2' })).toEqual({ q: 'logs', ids: ['n1'] });
    expect(await read({ q: '', limit: '1' })).toMatchObject({ q: '', ids: [expect.any(String)] });
    expect((await read({})).ids.length).toBeGreaterThan(1);
  });
});
