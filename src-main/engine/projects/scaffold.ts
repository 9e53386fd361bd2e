import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TemplateId } from '../../../src-shared/api/schemas/project';
import type { ServerConfigInput } from '../../../src-shared/api/schemas/server';
import { ApiError } from '../../../src-shared/api/errors';
import { engineAsset } from '../base/engine-asset';

/** The versions a new project pins. FastMCP: the current 3.x our tests run against. */
export const PINNED = {
  fastmcp: '3.4.11',
  sdk: '^1.32.2',
  zod: '^4.1.0',
  tsx: '^4.20.0',
  typescript: '~6.0.3',
  vitest: '~4.1.12',
  typesNode: '^20.19.0',
} as const;

export const TEMPLATES: Record<TemplateId, { title: string; description: string; sourceFile: string; language: 'python' | 'typescript' }> =
  {
    fastmcp: {
      title: 'FastMCP (Python)',
      description: `A FastMCP ${PINNED.fastmcp} server with typed, constrained tools, structured output, a resource template, a prompt, a health check and pytest tests.`,
      sourceFile: 'server.py',
      language: 'python',
    },
    typescript: {
      title: 'TypeScript SDK',
      description: 'A server on the official MCP TypeScript SDK with zod-typed tools, the same examples, and vitest tests.',
      sourceFile: 'src/server.ts',
      language: 'typescript',
    },
  };

export interface ProjectNames {
  title: string;
  slug: string;
}

export function projectNames(dir: string, name?: string): ProjectNames {
  const title = (name ?? path.basename(path.resolve(dir))).trim() || 'MCP server';
  const slug =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'mcp-server';
  return { title, slug };
}

/** The template's files with the names filled in: `[relative path, content]`. */
export async function templateFiles(template: TemplateId, names: ProjectNames): Promise<[string, string][]> {
  const root = engineAsset('templates', template);
  const out: [string, string][] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const d of await fs.readdir(dir, { withFileTypes: true })) {
      const abs = path.join(dir, d.name);
      if (d.isDirectory()) {
        if (d.name !== '__pycache__' && d.name !== '.pytest_cache' && d.name !== 'node_modules') await walk(abs);
        continue;
      }
      let rel = path.relative(root, abs).split(path.sep).join('/');
      // Stored without the leading dot or with .tmpl so this repository's tools leave them alone.
      rel = rel.replace(/\.tmpl$/, '');
      if (rel === 'gitignore') rel = '.gitignore';
      out.push([rel, fill(await fs.readFile(abs, 'utf8'), names)]);
    }
  };
  await walk(root);
  return out.sort(([a], [b]) => a.localeCompare(b));
}

function fill(text: string, n: ProjectNames): string {
  return text
    .replaceAll('__SERVER_TITLE__', n.title.replace(/["\\`$]/g, ''))
    .replaceAll('__SERVER_SLUG__', n.slug)
    .replaceAll('__FASTMCP_VERSION__', PINNED.fastmcp)
    .replaceAll('__SDK_VERSION__', PINNED.sdk)
    .replaceAll('__ZOD_VERSION__', PINNED.zod)
    .replaceAll('__TSX_VERSION__', PINNED.tsx)
    .replaceAll('__TYPESCRIPT_VERSION__', PINNED.typescript)
    .replaceAll('__VITEST_VERSION__', PINNED.vitest)
    .replaceAll('__TYPES_NODE_VERSION__', PINNED.typesNode);
}

/**
 * Write a new project. The folder must not exist or be empty: nothing is ever overwritten (each
 * file is created exclusively, so a file that appears meanwhile stops the scaffold).
 */
export async function writeProject(dir: string, files: [string, string][]): Promise<void> {
  let existing: string[] = [];
  try {
    existing = await fs.readdir(dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR')
      throw new ApiError('Conflict', `${dir} exists and is a file: choose a folder that does not exist yet or is empty`);
    if (code !== 'ENOENT') throw e;
  }
  if (existing.length > 0) {
    const shown = existing.slice(0, 5).join(', ') + (existing.length > 5 ? ', …' : '');
    throw new ApiError('Conflict', `${dir} is not empty (it holds ${shown}): choose a new or empty folder. Nothing was written.`);
  }
  for (const [rel, content] of files) {
    const abs = path.join(dir, rel);
    await fs.mkdir(path.dirname(abs), { recursive: true });
    await fs.writeFile(abs, content, { flag: 'wx' });
  }
}

/** The server entry for the workspace: started with the project's own environment. */
export function serverConfigFor(template: TemplateId, title: string, cwd: string): ServerConfigInput {
  const win = process.platform === 'win32';
  const source = { language: TEMPLATES[template].language, file: TEMPLATES[template].sourceFile };
  if (template === 'fastmcp') {
    return {
      name: title,
      transport: 'stdio',
      command: win ? '.venv\\Scripts\\python.exe' : '.venv/bin/python',
      args: ['server.py'],
      cwd,
      env: [],
      watch: { enabled: true, globs: ['**/*.py'], debounceMs: 300 },
      source,
    };
  }
  return {
    name: title,
    transport: 'stdio',
    command: 'node',
    args: ['--import', 'tsx', 'src/main.ts'],
    cwd,
    env: [],
    watch: { enabled: true, globs: ['src/**/*.ts'], debounceMs: 300 },
    source,
  };
}
