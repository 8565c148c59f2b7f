import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EnvError, getEnv, parseEnv, resetEnvForTests } from './env';

describe('parseEnv', () => {
  it('applies defaults and resolves the data dir against cwd', () => {
    const env = parseEnv({}, '/srv/app');
    expect(env.PIPEWORKS_DATA_DIR).toBe(path.resolve('/srv/app', 'data'));
    expect(env).toMatchObject({ PIPEWORKS_HOST: '127.0.0.1', PORT: 3000, PIPEWORKS_ALLOWED_ORIGINS: [] });
    expect(env).toMatchObject({ PIPEWORKS_TEST_NODES: false, PIPEWORKS_SESSION_TTL_HOURS: 168 });
    expect(env).toMatchObject({ PIPEWORKS_MAX_UPLOAD_MB: 200, NODE_ENV: 'development' });
    expect(env.PIPEWORKS_WORKERS).toBeGreaterThanOrEqual(1);
    expect(env.PIPEWORKS_WORKERS).toBeLessThanOrEqual(4);
  });

  it('resolves a relative data dir against cwd', () => {
    expect(parseEnv({ PIPEWORKS_DATA_DIR: 'var/pw' }, '/srv/app').PIPEWORKS_DATA_DIR).toBe('/srv/app/var/pw');
  });

  it('reads and coerces every variable', () => {
    const env = parseEnv(
      {
        PIPEWORKS_DATA_DIR: '/var/pw',
        PIPEWORKS_HOST: '0.0.0.0',
        PORT: '8080',
        PIPEWORKS_ALLOWED_ORIGINS: 'https://a.example, https://b.example,',
        PIPEWORKS_WORKERS: '7',
        PIPEWORKS_SANDBOX_PROCESSES: '3',
        PIPEWORKS_TEST_NODES: '1',
        PIPEWORKS_TEST_IMPLEMENTATION_HASHES: '{"split/random@1":"abc"}',
        PIPEWORKS_SESSION_TTL_HOURS: '12',
        PIPEWORKS_MAX_UPLOAD_MB: '50',
        PIPEWORKS_MAX_LINE_KB: '64',
        PIPEWORKS_TRUST_PROXY: '1',
        PIPEWORKS_SIGNIN_MAX_PER_ACCOUNT: '5',
        PIPEWORKS_SIGNIN_MAX_PER_ADDRESS: '40',
        PIPEWORKS_SIGNIN_WINDOW_MINUTES: '30',
        PIPEWORKS_MAX_ROWS: '1000',
        PIPEWORKS_MAX_CELLS: '5000',
        PIPEWORKS_MAX_DECODED_MB: '0.5',
        PIPEWORKS_BROWSER_TIMEOUT_S: '5',
        PIPEWORKS_GC_GRACE_HOURS: '0.5',
        PIPEWORKS_SERVING_URL: 'https://serve.example',
        PIPEWORKS_SERVING_PORT: '4001',
        PIPEWORKS_SERVING_MAX_INFLIGHT: '64',
        PIPEWORKS_SERVING_MAX_LAG_MS: '100',
        PIPEWORKS_VERIFY: 'off',
        PIPEWORKS_CHROMIUM: '/opt/chromium/chrome',
        PIPEWORKS_VERIFY_FULL_MB: '8',
        PIPEWORKS_VERIFY_SAMPLE: '0.25',
        PIPEWORKS_VERIFY_SEED: 'private',
        PIPEWORKS_SCHEDULER_TICK_S: '2',
        PIPEWORKS_REDIS_URL: 'redis://10.0.0.2:6379',
        PIPEWORKS_WORKER_REDIS_URL: 'rediss://queue.example:6380',
        PIPEWORKS_QUEUE_PREFIX: 'pw-staging',
        PIPEWORKS_DATABASE_URL: 'postgresql://pw@db.example:5432/pipeworks',
        NODE_ENV: 'production',
      },
      '/ignored',
    );
    expect(env).toEqual({
      PIPEWORKS_DATA_DIR: '/var/pw',
      PIPEWORKS_HOST: '0.0.0.0',
      PORT: 8080,
      PIPEWORKS_ALLOWED_ORIGINS: ['https://a.example', 'https://b.example'],
      PIPEWORKS_WORKERS: 7,
      PIPEWORKS_SANDBOX_PROCESSES: 3,
      PIPEWORKS_TEST_NODES: true,
      PIPEWORKS_TEST_IMPLEMENTATION_HASHES: { 'split/random@1': 'abc' },
      PIPEWORKS_SESSION_TTL_HOURS: 12,
      PIPEWORKS_MAX_UPLOAD_MB: 50,
      PIPEWORKS_MAX_LINE_KB: 64,
      PIPEWORKS_TRUST_PROXY: true,
      PIPEWORKS_SIGNIN_MAX_PER_ACCOUNT: 5,
      PIPEWORKS_SIGNIN_MAX_PER_ADDRESS: 40,
      PIPEWORKS_SIGNIN_WINDOW_MINUTES: 30,
      PIPEWORKS_MAX_ROWS: 1000,
      PIPEWORKS_MAX_CELLS: 5000,
      PIPEWORKS_MAX_DECODED_MB: 0.5,
      PIPEWORKS_BROWSER_TIMEOUT_S: 5,
      PIPEWORKS_GC_GRACE_HOURS: 0.5,
      PIPEWORKS_SERVING_URL: 'https://serve.example',
      PIPEWORKS_SERVING_PORT: 4001,
      PIPEWORKS_SERVING_MAX_INFLIGHT: 64,
      PIPEWORKS_SERVING_MAX_LAG_MS: 100,
      PIPEWORKS_VERIFY: false,
      PIPEWORKS_CHROMIUM: '/opt/chromium/chrome',
      PIPEWORKS_VERIFY_FULL_MB: 8,
      PIPEWORKS_VERIFY_SAMPLE: 0.25,
      PIPEWORKS_VERIFY_SEED: 'private',
      PIPEWORKS_SCHEDULER_TICK_S: 2,
      PIPEWORKS_REDIS_URL: 'redis://10.0.0.2:6379',
      PIPEWORKS_WORKER_REDIS_URL: 'rediss://queue.example:6380',
      PIPEWORKS_QUEUE_PREFIX: 'pw-staging',
      PIPEWORKS_DATABASE_URL: 'postgresql://pw@db.example:5432/pipeworks',
      NODE_ENV: 'production',
    });
  });

  it('keeps released artifacts 24 hours by default, any hours ≥ 0 when set', () => {
    expect(parseEnv({}).PIPEWORKS_GC_GRACE_HOURS).toBe(24);
    expect(parseEnv({ PIPEWORKS_GC_GRACE_HOURS: '0' }).PIPEWORKS_GC_GRACE_HOURS).toBe(0);
    expect(() => parseEnv({ PIPEWORKS_GC_GRACE_HOURS: '-1' })).toThrow(/PIPEWORKS_GC_GRACE_HOURS/);
  });

  it('takes fractional upload and line limits, but not zero or negative ones', () => {
    expect(parseEnv({ PIPEWORKS_MAX_UPLOAD_MB: '0.5', PIPEWORKS_MAX_LINE_KB: '4' })).toMatchObject({ PIPEWORKS_MAX_UPLOAD_MB: 0.5, PIPEWORKS_MAX_LINE_KB: 4 });
    expect(parseEnv({}).PIPEWORKS_MAX_LINE_KB).toBe(1024);
    expect(parseEnv({})).toMatchObject({ PIPEWORKS_MAX_ROWS: 10_000_000, PIPEWORKS_MAX_CELLS: 50_000_000, PIPEWORKS_MAX_DECODED_MB: 1024 });
    expect(() => parseEnv({ PIPEWORKS_MAX_ROWS: '0' })).toThrow(/PIPEWORKS_MAX_ROWS/);
    expect(parseEnv({}).PIPEWORKS_TRUST_PROXY).toBe(false);
    expect(() => parseEnv({ PIPEWORKS_TRUST_PROXY: 'yes' })).toThrow(/PIPEWORKS_TRUST_PROXY/);
    expect(() => parseEnv({ PIPEWORKS_MAX_CELLS: '1.5' })).toThrow(/PIPEWORKS_MAX_CELLS/);
    expect(() => parseEnv({ PIPEWORKS_MAX_UPLOAD_MB: '0' })).toThrow(/PIPEWORKS_MAX_UPLOAD_MB/);
    expect(() => parseEnv({ PIPEWORKS_MAX_LINE_KB: '-1' })).toThrow(/PIPEWORKS_MAX_LINE_KB/);
  });

  it('refuses implementation hash overrides that are not a JSON object of type@version keys', () => {
    expect(parseEnv({}).PIPEWORKS_TEST_IMPLEMENTATION_HASHES).toEqual({});
    expect(() => parseEnv({ PIPEWORKS_TEST_IMPLEMENTATION_HASHES: '{oops' })).toThrow(/PIPEWORKS_TEST_IMPLEMENTATION_HASHES: expected a JSON object/);
    expect(() => parseEnv({ PIPEWORKS_TEST_IMPLEMENTATION_HASHES: '{"split/random":"x"}' })).toThrow(/PIPEWORKS_TEST_IMPLEMENTATION_HASHES/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnv({ PORT: '', PIPEWORKS_HOST: '' })).toMatchObject({ PORT: 3000, PIPEWORKS_HOST: '127.0.0.1' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PIPEWORKS_WORKERS', '0'],
    ['PIPEWORKS_SANDBOX_PROCESSES', '17'],
    ['PIPEWORKS_TEST_NODES', 'yes'],
    ['PIPEWORKS_SESSION_TTL_HOURS', '1.5'],
    ['NODE_ENV', 'staging'],
    ['PIPEWORKS_ALLOWED_ORIGINS', 'https://ok.example,not a url'],
    ['PIPEWORKS_ALLOWED_ORIGINS', 'ftp://files.example'],
    ['PIPEWORKS_REDIS_URL', 'http://127.0.0.1:6379'],
    ['PIPEWORKS_QUEUE_PREFIX', 'a:b'],
    ['PIPEWORKS_DATABASE_URL', 'mysql://127.0.0.1/pipeworks'],
    ['PIPEWORKS_DATABASE_URL', 'postgres//127.0.0.1/pipeworks'],
    ['PIPEWORKS_DATABASE_URL', 'sqlite:///data/pipeworks.db'],
    ['PIPEWORKS_DATABASE_URL', '127.0.0.1:5432/pipeworks'],
  ])('names the variable when %s=%s is bad', (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`\\b${name}\\b`));
  });
});

describe('getEnv', () => {
  const saved = process.env.PORT;
  afterEach(() => {
    if (saved === undefined) delete process.env.PORT;
    else process.env.PORT = saved;
    resetEnvForTests();
  });

  it('parses once until reset', () => {
    process.env.PORT = '4001';
    resetEnvForTests();
    expect(getEnv().PORT).toBe(4001);
    process.env.PORT = '4002';
    expect(getEnv().PORT).toBe(4001);
    resetEnvForTests();
    expect(getEnv().PORT).toBe(4002);
  });
});
