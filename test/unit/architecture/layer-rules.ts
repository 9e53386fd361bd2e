/**
 * DESIGN.md §2 as data: which folder may import what. The architecture test and the lint config
 * both read this table, so the rule exists once.
 */
export interface LayerRule {
  /** Folder prefix (repo-relative, posix). The longest matching prefix wins. */
  folder: string;
  /** Import specifiers (package names or repo folders) this layer must not use. */
  forbidden: string[];
  /** Packages allowed only as `import type` (no runtime code pulled in). */
  typeOnly?: string[];
  /** Node built-ins (`node:*`, `fs`, …) are forbidden here. */
  noNodeBuiltins?: boolean;
}

export const LAYER_RULES: LayerRule[] = [
  {
    folder: 'src-shared/',
    forbidden: ['electron', 'react', 'react-dom', 'ws', 'src-main/', 'src-renderer/'],
    typeOnly: ['@modelcontextprotocol/sdk'],
    noNodeBuiltins: true,
  },
  { folder: 'src-main/engine/', forbidden: ['electron', 'ws', 'src-main/shells/', 'src-main/rpc/', 'src-renderer/', 'react'] },
  { folder: 'src-main/rpc/', forbidden: ['electron', 'ws', 'src-main/shells/', 'src-renderer/'], typeOnly: ['src-main/engine/'] },
  { folder: 'src-main/shells/electron/', forbidden: ['src-renderer/'] },
  { folder: 'src-main/shells/web/', forbidden: ['electron', 'src-renderer/'] },
  { folder: 'src-main/shells/cli/', forbidden: ['electron', 'src-renderer/'] },
  { folder: 'src-main/shells/common/', forbidden: ['electron', 'src-renderer/'] },
  { folder: 'src-main/examples/', forbidden: ['electron', 'src-main/engine/', 'src-main/shells/', 'src-main/rpc/', 'src-renderer/', 'src-shared/'] },
  { folder: 'src-renderer/', forbidden: ['electron', 'ws', 'src-main/'], noNodeBuiltins: true },
];
