import { createRequire } from 'node:module';
import { FuseV1Options } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const fuses = require('../../../build/fuses.cjs') as Record<number, boolean>;
const pkg = require('../../../package.json') as { build: { afterPack: string; asarUnpack: string[] } };

describe('the fuses the desktop app ships with', () => {
  it('turn off every way to run code in the app without its own files', () => {
    expect(fuses[FuseV1Options.RunAsNode]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(fuses[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(fuses[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(fuses[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(fuses[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
  });

  it('are flipped and read back by the packaging hook, which the build runs', () => {
    expect(pkg.build.afterPack).toBe('build/scripts/after-pack.cjs');
    expect(() => require('../../../build/scripts/after-pack.cjs')).not.toThrow();
  });

  it('leave the example server readable by the system node (outside the asar)', () => {
    expect(pkg.build.asarUnpack).toContain('out/main/example-server.js');
  });
});
