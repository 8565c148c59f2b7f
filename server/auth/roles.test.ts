import { describe, expect, it } from 'vitest';
import { ACTIONS, ROLES, can, canCancelRun, cancelRefusal, isRole, type Action, type Role } from './roles';

const allowed: Record<Role, Action[]> = {
  admin: [...ACTIONS],
  scientist: ['pipeline.read', 'pipeline.write', 'run.start', 'run.cancel', 'project.create', 'model.register', 'model.alias', 'history.delete', 'deploy.manage', 'code.write'],
  analyst: ['pipeline.read', 'pipeline.write', 'run.start', 'run.cancel', 'project.create', 'model.register', 'model.alias', 'history.delete', 'deploy.manage'],
  viewer: ['pipeline.read', 'model.approve'],
};

describe('can', () => {
  for (const role of ROLES) {
    for (const action of ACTIONS) {
      const expected = allowed[role].includes(action);
      it(`${role} ${expected ? 'may' : 'may not'} ${action}`, () => {
        expect(can(role, action)).toBe(expected);
      });
    }
  }

  it('throws on a role outside the union instead of granting anything', () => {
    expect(() => can('root' as Role, 'pipeline.read')).toThrow(/Unhandled role/);
  });
});

describe('isRole', () => {
  it('accepts only the four roles', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('Admin')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});

describe('canCancelRun', () => {
  const theirs = { createdBy: 'someone-else' };
  it('lets a run be cancelled by its owner, any scientist and any admin', () => {
    expect(canCancelRun({ id: 'a', role: 'analyst' }, { createdBy: 'a' })).toBe(true);
    expect(canCancelRun({ id: 's', role: 'scientist' }, theirs)).toBe(true);
    expect(canCancelRun({ id: 'x', role: 'admin' }, { createdBy: null })).toBe(true);
  });

  it("refuses an analyst someone else's run, and a viewer any run", () => {
    expect(canCancelRun({ id: 'a', role: 'analyst' }, theirs)).toBe(false);
    expect(canCancelRun({ id: 'a', role: 'analyst' }, { createdBy: null })).toBe(false);
    expect(canCancelRun({ id: 'v', role: 'viewer' }, { createdBy: 'v' })).toBe(false);
  });
});

describe('cancelRefusal', () => {
  it('says why, in the words the server and the Cancel button both use, or null when allowed', () => {
    expect(cancelRefusal({ id: 'a', role: 'analyst' }, { createdBy: 'a' })).toBeNull();
    expect(cancelRefusal({ id: 'a', role: 'analyst' }, { createdBy: 'b' })).toMatch(/^Analysts may cancel only runs they started; ask its owner/);
    expect(cancelRefusal({ id: 'v', role: 'viewer' }, { createdBy: 'v' })).toBe('Your role (viewer) may not cancel runs');
  });
});
