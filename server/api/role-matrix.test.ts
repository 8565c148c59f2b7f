// The role matrix: every tRPC procedure, found by walking the router (never a hand-kept list of
// names), called by each role. ACCESS below is the one table of who may call what; roles.ts
// decides each (role, action) pair. A procedure missing from ACCESS fails here until someone says
// who may call it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can, type Action, type Role } from '../auth/roles';
import { createUser, type PublicUser } from '../auth/users';
import { openTestDb, type TestDb } from '../db/test-db';
import { appRouter } from './root';
import { testContext } from './test-context';
import { createCallerFactory } from './trpc';

/**
 * 'public': anyone; 'signed-in': any role; 'session': any role at a browser, never an API key;
 * `<action>@session`: roles allowed the action, at a browser only (minting credentials).
 */
type Access = Action | `${Action}@session` | 'public' | 'signed-in' | 'session';

const ACCESS: Record<string, Access> = {
  'auth.state': 'public',
  'auth.setup': 'public',
  'auth.login': 'public',
  'auth.logout': 'signed-in',
  'user.list': 'user.manage',
  'user.add': 'user.manage',
  'user.setRole': 'user.manage',
  'user.disable': 'user.manage',
  'project.list': 'pipeline.read',
  'project.get': 'pipeline.read',
  'project.create': 'project.create',
  'project.update': 'project.create',
  'project.setArchived': 'project.create',
  'project.setCachePolicy': 'project.write',
  'pipeline.get': 'pipeline.read',
  'pipeline.versions': 'pipeline.read',
  'pipeline.save': 'pipeline.write',
  'pipeline.compile': 'pipeline.read',
  'pipeline.testCode': 'code.write',
  'pipeline.forkAsCode': 'code.write',
  'pipeline.nodeSource': 'pipeline.read',
  'pipeline.nodeTypes': 'pipeline.read',
  'pipeline.templates': 'pipeline.read',
  'pipeline.create': 'pipeline.write',
  'pipeline.restore': 'pipeline.write',
  'pipeline.presence': 'pipeline.read',
  'run.start': 'run.start',
  'run.preview': 'pipeline.read',
  'run.get': 'pipeline.read',
  'run.list': 'pipeline.read',
  'run.logs': 'pipeline.read',
  'run.cancel': 'run.cancel',
  'run.watch': 'pipeline.read',
  'run.record': 'pipeline.read',
  'run.table': 'pipeline.read',
  'run.columns': 'pipeline.read',
  'run.trials': 'pipeline.read',
  'run.compare': 'pipeline.read',
  'run.reproduce': 'run.start',
  'runner.lookupCache': 'run.start',
  'runner.report': 'run.start',
  'runner.runServerStep': 'run.start',
  'runner.heartbeat': 'run.start',
  'runner.leave': 'run.start',
  'runner.resume': 'run.start',
  'artifact.preview': 'pipeline.read',
  'artifact.tableStats': 'pipeline.read',
  'dataset.list': 'pipeline.read',
  'dataset.get': 'pipeline.read',
  'apiKey.list': 'signed-in',
  'apiKey.create': 'session',
  'apiKey.revoke': 'session',
  'registry.models': 'pipeline.read',
  'registry.model': 'pipeline.read',
  'registry.versions': 'pipeline.read',
  'registry.facets': 'pipeline.read',
  'registry.version': 'pipeline.read',
  'registry.lineage': 'pipeline.read',
  'registry.datasetLineage': 'pipeline.read',
  'registry.register': 'model.register',
  'registry.describe': 'model.register',
  'registry.setAlias': 'model.alias',
  'registry.pending': 'pipeline.read',
  'registry.decide': 'model.approve',
  'registry.withdraw': 'model.alias',
  'registry.settings': 'pipeline.read',
  'registry.saveSettings': 'project.write',
  'monitoring.drift': 'pipeline.read',
  'monitoring.check': 'deploy.manage',
  'monitoring.checks': 'pipeline.read',
  'monitoring.checkGet': 'pipeline.read',
  'monitoring.series': 'pipeline.read',
  'monitoring.settings.get': 'pipeline.read',
  'monitoring.settings.save': 'deploy.manage',
  'simulator.run': 'deploy.manage',
  'dashboard.portfolio': 'pipeline.read',
  'dashboard.model': 'pipeline.read',
  'dashboard.approvals': 'pipeline.read',
  'dashboard.kpiSettings': 'pipeline.read',
  'dashboard.saveKpiSettings': 'deploy.manage',
  'alerts.rules.list': 'pipeline.read',
  'alerts.rules.parse': 'pipeline.read',
  'alerts.rules.figures': 'pipeline.read',
  'alerts.rules.setEnabled': 'deploy.manage',
  'alerts.rules.create': 'deploy.manage',
  'alerts.rules.update': 'deploy.manage',
  'alerts.rules.delete': 'deploy.manage',
  'alerts.list': 'pipeline.read',
  'alerts.acknowledge': 'deploy.manage',
  'alerts.resolve': 'deploy.manage',
  'notifications.list': 'signed-in',
  'notifications.unreadCount': 'signed-in',
  'notifications.markRead': 'signed-in',
  'training.listTriggers': 'pipeline.read',
  'training.createTrigger': 'pipeline.write',
  'training.setTriggerEnabled': 'pipeline.write',
  'training.deleteTrigger': 'pipeline.write',
  'training.challenges': 'pipeline.read',
  'training.lineage': 'pipeline.read',
  'monitorPage.overview': 'pipeline.read',
  'monitorPage.endpoint': 'pipeline.read',
  'monitorPage.trends': 'pipeline.read',
  'monitorPage.retraining': 'pipeline.read',
  'monitorPage.runnerHealth': 'pipeline.read',
  'webhooks.list': 'pipeline.read',
  'webhooks.create': 'deploy.manage',
  'webhooks.delete': 'deploy.manage',
  'webhooks.test': 'deploy.manage',
  'webhooks.deliveries': 'pipeline.read',
  'webhooks.allowlist.list': 'pipeline.read',
  'webhooks.allowlist.add': 'settings.manage',
  'webhooks.allowlist.remove': 'settings.manage',
  'deployments.list': 'pipeline.read',
  'deployments.get': 'pipeline.read',
  'deployments.create': 'deploy.manage',
  'deployments.deploy': 'deploy.manage',
  'deployments.promote': 'deploy.manage',
  'deployments.rollback': 'deploy.manage',
  'deployments.undeploy': 'deploy.manage',
  'deployments.decide': 'model.approve',
  'deployments.withdraw': 'deploy.manage',
  'deployments.saveSettings': 'deploy.manage',
  'deployments.createKey': 'deploy.manage',
  'deployments.revokeKey': 'deploy.manage',
  'deployments.stats': 'pipeline.read',
  'deployments.tryIt': 'pipeline.read',
  'audit.list': 'audit.read',
  'settings.get': 'pipeline.read',
  'settings.save': 'settings.manage',
  'audit.modelHistory': 'pipeline.read',
  'storage.plan': 'storage.gc',
  'storage.collect': 'storage.gc',
  'storage.deleteRun': 'history.delete',
  'storage.deletePipelineVersion': 'history.delete',
  'storage.deleteModelVersion': 'history.delete',
  'workers.status': 'settings.manage',
  'workers.tokens': 'settings.manage',
  'workers.createToken': 'settings.manage@session',
  'workers.revokeToken': 'settings.manage@session',
};

/** Every procedure path in the app router, read from the router itself. */
function procedurePaths(): string[] {
  return Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures).sort();
}

type Via = 'session' | 'apiKey';

function expectedRefusal(access: Access, role: Role | null, via: Via): 'UNAUTHORIZED' | 'FORBIDDEN' | null {
  if (access === 'public') return null;
  if (role === null) return 'UNAUTHORIZED';
  if (access === 'signed-in') return null;
  if (access === 'session') return via === 'session' ? null : 'FORBIDDEN';
  if (access.endsWith('@session')) return via === 'session' && can(role, access.slice(0, -'@session'.length) as Action) ? null : 'FORBIDDEN';
  return can(role, access as Action) ? null : 'FORBIDDEN';
}

// Input no procedure accepts, so a permitted call stops at validation (400) and changes nothing,
// while a refused one stops at the permission check before its input is read.
const UNACCEPTABLE = 7.5;

let t: TestDb;
const users = new Map<Role, PublicUser>();
const callerFor = createCallerFactory(appRouter);

beforeAll(async () => {
  t = openTestDb();
  for (const role of ROLES) {
    users.set(role, await createUser(t.anyDb, { email: `${role}@example.com`, name: role, role, password: 'long enough password' }));
  }
});
afterAll(() => t.cleanup());

/** The tRPC code a call ended with, or 'OK'; a subscription that opens counts as OK. */
async function outcome(path: string, role: Role | null, via: Via): Promise<string> {
  const user = role ? users.get(role)! : null;
  let node: unknown = callerFor(testContext(t, user, via));
  for (const part of path.split('.')) node = (node as Record<string, unknown>)[part];
  try {
    const result = await (node as (input: unknown) => Promise<unknown>)(UNACCEPTABLE);
    const iterator = (result as { [Symbol.asyncIterator]?: () => AsyncIterator<unknown> })?.[Symbol.asyncIterator]?.();
    if (iterator) {
      try {
        await iterator.next();
      } finally {
        await iterator.return?.();
      }
    }
    return 'OK';
  } catch (error) {
    return (error as { code?: string }).code ?? `thrown: ${(error as Error).message}`;
  }
}

describe('role matrix', () => {
  it('classifies every procedure the router has, and only those', () => {
    const paths = procedurePaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !(p in ACCESS)), 'procedures with no entry in ACCESS').toEqual([]);
    expect(Object.keys(ACCESS).filter((p) => !paths.includes(p)), 'ACCESS entries for procedures that are gone').toEqual([]);
  });

  for (const via of ['session', 'apiKey'] as const) {
    for (const role of [...ROLES, null]) {
      it(`${role ?? 'nobody'} (${via}): refused exactly where the table and roles.ts say`, async () => {
        const wrong: string[] = [];
        for (const path of procedurePaths()) {
          const access = ACCESS[path];
          if (!access) continue; // reported by the test above
          const expected = expectedRefusal(access, role, via);
          const got = await outcome(path, role, via);
          const refused = got === 'UNAUTHORIZED' || got === 'FORBIDDEN' ? got : null;
          if (refused !== expected) wrong.push(`${path} [${access}]: expected ${expected ?? 'allowed'}, got ${got}`);
          if (got.startsWith('thrown') || got === 'INTERNAL_SERVER_ERROR') wrong.push(`${path}: ${got}`);
        }
        expect(wrong).toEqual([]);
      });
    }
  }
});
