// How far a step result may be trusted, and which results a project's runs may reuse from the
// cache. One union each, read by the cache look-up, verification, the registry and the UI.
import { assertNever } from '../../engine/assert-never';

/**
 * - server: the server (or a scale-out worker) computed it.
 * - verified: a browser computed it and the server re-computed the same artifact ids.
 * - unverified: a browser computed it; the server has not checked it (yet, or not sampled).
 * - mismatch: the server re-computed something else; the outputs are quarantined.
 * - tainted: computed in that browser run from a result that failed verification.
 */
export const RESULT_TRUST = ['server', 'verified', 'unverified', 'mismatch', 'tainted'] as const;
export type ResultTrust = (typeof RESULT_TRUST)[number];

/** Which results other runs may reuse: set per project by administrators. */
export const CACHE_POLICIES = ['verified', 'own', 'any'] as const;
export type CachePolicy = (typeof CACHE_POLICIES)[number];

export function isTrusted(trust: ResultTrust): boolean {
  switch (trust) {
    case 'server':
    case 'verified':
      return true;
    case 'unverified':
    case 'mismatch':
    case 'tainted':
      return false;
    default:
      return assertNever(trust, 'result trust');
  }
}

export function trustPhrase(trust: ResultTrust): string {
  switch (trust) {
    case 'server':
      return 'run on the server';
    case 'verified':
      return 'run in a browser, verified by the server';
    case 'unverified':
      return 'run in a browser, not verified';
    case 'mismatch':
      return 'run in a browser, failed verification (quarantined)';
    case 'tainted':
      return 'run in a browser from a result that failed verification';
    default:
      return assertNever(trust, 'result trust');
  }
}

export function cachePolicyPhrase(policy: CachePolicy): string {
  switch (policy) {
    case 'verified':
      return 'reuses only results the server ran or verified';
    case 'own':
      return "reuses server-run and verified results, and a person's own browser results in their own runs";
    case 'any':
      return "reuses anyone's browser results, verified or not (never quarantined ones)";
    default:
      return assertNever(policy, 'cache policy');
  }
}

/** A row written before provenance (or by a fixture) has no trust: a browser's is unverified, anything else the server's. */
export function trustOf(trust: ResultTrust | null, runner: string | null): ResultTrust {
  return trust ?? (runner?.startsWith('browser') ? 'unverified' : 'server');
}
