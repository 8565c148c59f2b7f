import { afterEach, describe, expect, it } from 'vitest';
import { assertDatabaseSupported, PostgresNotReady, TEST_SKIP_READINESS_VARIABLE } from './postgres-readiness';

const saved = process.env[TEST_SKIP_READINESS_VARIABLE];
afterEach(() => {
  if (saved === undefined) delete process.env[TEST_SKIP_READINESS_VARIABLE];
  else process.env[TEST_SKIP_READINESS_VARIABLE] = saved;
});

describe('assertDatabaseSupported', () => {
  const missing = ['the model registry (server/registry)'];

  it('allows SQLite, and Postgres once nothing is missing', () => {
    expect(() => assertDatabaseSupported(undefined, missing)).not.toThrow();
    expect(() => assertDatabaseSupported('postgres://db.example/pipeworks', [])).not.toThrow();
  });

  it('refuses Postgres while a part is missing, naming it', () => {
    delete process.env[TEST_SKIP_READINESS_VARIABLE];
    expect(() => assertDatabaseSupported('postgres://postgres@127.0.0.1/pw_test_1_ab', missing)).toThrow(PostgresNotReady);
    expect(() => assertDatabaseSupported('postgres://db.example/pipeworks', missing)).toThrow(/the model registry/);
  });

  it('lets the test switch through only on a throwaway pw_test_ database', () => {
    process.env[TEST_SKIP_READINESS_VARIABLE] = '1';
    expect(() => assertDatabaseSupported('postgres://postgres@127.0.0.1:5432/pw_test_1_ab', missing)).not.toThrow();
    expect(() => assertDatabaseSupported('postgres://db.example/pipeworks', missing)).toThrow(PostgresNotReady);
    expect(() => assertDatabaseSupported('postgres://db.example/pipeworks_pw_test_', missing)).toThrow(PostgresNotReady);
    process.env[TEST_SKIP_READINESS_VARIABLE] = 'yes';
    expect(() => assertDatabaseSupported('postgres://postgres@127.0.0.1:5432/pw_test_1_ab', missing)).toThrow(PostgresNotReady);
  });
});
