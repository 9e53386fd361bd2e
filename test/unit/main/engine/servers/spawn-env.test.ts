import { describe, expect, it } from 'vitest';
import { BASE_ENV_KEYS_POSIX, buildServerEnv, DEFAULT_SERVER_ENV } from '../../../../../src-main/engine/servers/spawn-env';

const processEnv = {
  HOME: '/home/ada',
  PATH: '/usr/bin:/bin',
  LANG: 'en_US.UTF-8',
  USER: 'ada',
  // MCP Lab's own variables, which must not leak into servers:
  GITHUB_TOKEN: 'ghp_secret',
  ELECTRON_RUN_AS_NODE: '1',
  NODE_OPTIONS: '--inspect',
};
const noSecrets = () => undefined;

describe('buildServerEnv', () => {
  it('passes only the documented base keys, plus the defaults', () => {
    const env = buildServerEnv([], noSecrets, { processEnv, platform: 'linux' });
    expect(env).toEqual({ HOME: '/home/ada', PATH: '/usr/bin:/bin', LANG: 'en_US.UTF-8', USER: 'ada', ...DEFAULT_SERVER_ENV });
    for (const k of Object.keys(env)) expect([...BASE_ENV_KEYS_POSIX, ...Object.keys(DEFAULT_SERVER_ENV)]).toContain(k);
  });

  it('lets the user’s entries override the base and the defaults, and add new keys', () => {
    const env = buildServerEnv(
      [
        { key: 'PATH', value: '/opt/custom/bin', secret: false },
        { key: 'PYTHONUNBUFFERED', value: '0', secret: false },
        { key: 'LOG_LEVEL', value: 'debug', secret: false },
      ],
      noSecrets,
      { processEnv, platform: 'linux' },
    );
    expect(env.PATH).toBe('/opt/custom/bin');
    expect(env.PYTHONUNBUFFERED).toBe('0');
    expect(env.LOG_LEVEL).toBe('debug');
  });

  it('looks secret values up in the store when the entry carries none', () => {
    const asked: string[] = [];
    const env = buildServerEnv(
      [
        { key: 'API_TOKEN', secret: true },
        { key: 'MISSING_SECRET', secret: true },
        { key: 'INLINE', value: 'given', secret: true },
      ],
      (k) => {
        asked.push(k);
        return k === 'API_TOKEN' ? 's3cret' : undefined;
      },
      { processEnv, platform: 'linux' },
    );
    expect(env.API_TOKEN).toBe('s3cret');
    expect(env).not.toHaveProperty('MISSING_SECRET'); // unset, not "undefined"
    expect(env.INLINE).toBe('given');
    expect(asked).toEqual(['API_TOKEN', 'MISSING_SECRET']);
  });

  it('puts the login shell’s PATH first, without duplicate folders', () => {
    const env = buildServerEnv([], noSecrets, {
      processEnv: { PATH: '/usr/bin:/bin:/usr/bin' },
      loginShellPath: '/home/ada/.local/bin:/opt/homebrew/bin:/usr/bin',
      platform: 'linux',
    });
    expect(env.PATH).toBe('/home/ada/.local/bin:/opt/homebrew/bin:/usr/bin:/bin');
  });

  it('uses the login shell’s PATH when MCP Lab was started with none', () => {
    const env = buildServerEnv([], noSecrets, { processEnv: {}, loginShellPath: '/usr/local/bin:/usr/bin', platform: 'darwin' });
    expect(env.PATH).toBe('/usr/local/bin:/usr/bin');
  });

  it('uses the Windows base keys and separator on Windows', () => {
    const env = buildServerEnv([], noSecrets, {
      processEnv: { PATH: 'C:\\Windows;C:\\Tools', SYSTEMROOT: 'C:\\Windows', HOME: '/not/used' },
      loginShellPath: 'C:\\Tools;C:\\Python',
      platform: 'win32',
    });
    expect(env.PATH).toBe('C:\\Tools;C:\\Python;C:\\Windows');
    expect(env.SYSTEMROOT).toBe('C:\\Windows');
    expect(env).not.toHaveProperty('HOME');
  });
});
