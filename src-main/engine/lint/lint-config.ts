import path from 'node:path';
import { z } from 'zod';
import { readTextIfExists, writeFileAtomically } from '../workspace/atomic-file';

const LintConfigSchema = z.object({ rules: z.record(z.string(), z.enum(['off', 'on'])).default({}) }).loose();

/** `.mcp-lab/lint.json`: which rules this workspace switched off. Plain JSON, meant for git. */
export class LintConfig {
  readonly file: string;

  constructor(workspaceDir: string) {
    this.file = path.join(workspaceDir, '.mcp-lab', 'lint.json');
  }

  async disabled(): Promise<Set<string>> {
    const text = await readTextIfExists(this.file);
    if (!text) return new Set();
    let parsed;
    try {
      parsed = LintConfigSchema.safeParse(JSON.parse(text));
    } catch (e) {
      throw new Error(`${this.file} is not valid JSON (${(e as Error).message}): fix it, e.g. {"rules": {"string-unconstrained": "off"}}`);
    }
    if (!parsed.success)
      throw new Error(`${this.file} should look like {"rules": {"<rule id>": "off"}}: ${parsed.error.issues[0]?.message}`);
    return new Set(
      Object.entries(parsed.data.rules)
        .filter(([, v]) => v === 'off')
        .map(([k]) => k),
    );
  }

  async set(ruleId: string, enabled: boolean): Promise<void> {
    const text = await readTextIfExists(this.file);
    const current = text ? (JSON.parse(text) as { rules?: Record<string, string> }) : {};
    const rules = { ...(current.rules ?? {}) };
    if (enabled) delete rules[ruleId];
    else rules[ruleId] = 'off';
    await writeFileAtomically(this.file, JSON.stringify({ ...current, rules }, null, 2) + '\n');
  }
}
