// User accounts: creation, first-run admin, credential checks and role changes.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, eq, getTableColumns, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import type { Db } from '../db/client';
import { isUniqueViolation } from '../db/errors';
import { sessions, users, type User } from '../db/schema';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password';
import { ROLES, type Role } from './roles';

/** A user row without its password hash: the only shape that leaves this module. */
export type PublicUser = Omit<User, 'passwordHash'>;

const { passwordHash: _passwordHash, ...publicColumns } = getTableColumns(users);

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'Enter a valid email address' }).max(254));

export const newUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, { error: 'Name is required' }).max(200),
  role: z.enum(ROLES),
  password: z.string(),
});
export type NewUserInput = z.input<typeof newUserInput>;

function parseNewUser(input: NewUserInput): z.output<typeof newUserInput> {
  const parsed = newUserInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(issue.message, { field: issue.path.join('.') });
  }
  assertPasswordAcceptable(parsed.data.password);
  return parsed.data;
}

export function countUsers(db: Db): number {
  return db.select({ n: count() }).from(users).get()?.n ?? 0;
}

export async function createUser(db: Db, input: NewUserInput): Promise<PublicUser> {
  const data = parseNewUser(input);
  const passwordHash = await hashPassword(data.password);
  return insertUser(db, { ...data, passwordHash });
}

/** Succeeds only while there are no users at all, so two racing first visits cannot both become admin. */
export async function createFirstAdmin(
  db: Db,
  input: Omit<NewUserInput, 'role'> & { role?: 'admin' },
): Promise<PublicUser> {
  const data = parseNewUser({ ...input, role: 'admin' });
  // Hash before taking the write lock: scrypt is slow and the lock should be short.
  const passwordHash = await hashPassword(data.password);
  // IMMEDIATE takes the write lock at BEGIN, so the count and the insert see the same database
  // even when another process (the CLI `setup`, a second server) races us.
  return db.transaction(
    (tx) => {
      if (countUsers(tx) > 0) {
        throw new UserError('Setup is already complete: an admin account exists');
      }
      return insertUser(tx, { ...data, passwordHash });
    },
    { behavior: 'immediate' },
  );
}

function insertUser(db: Db, data: { email: string; name: string; role: Role; passwordHash: string }): PublicUser {
  try {
    return db
      .insert(users)
      .values({ id: randomUUID(), ...data, createdAt: Date.now() })
      .returning(publicColumns)
      .get();
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserError(`A user with the email ${data.email} already exists`, { field: 'email' });
    }
    throw error;
  }
}

// Checked against when the email is unknown, so a miss costs about as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(db: Db, email: string, password: string): Promise<PublicUser | null> {
  const normalized = email.trim().toLowerCase();
  const row = db.select().from(users).where(eq(users.email, normalized)).get();
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
  if (!row || !ok || row.disabledAt !== null) return null;
  const { passwordHash: _hash, ...user } = row;
  return user;
}

export function getUser(db: Db, id: string): PublicUser | null {
  return db.select(publicColumns).from(users).where(eq(users.id, id)).get() ?? null;
}

export function listUsers(db: Db): PublicUser[] {
  return db.select(publicColumns).from(users).orderBy(asc(users.createdAt), asc(users.email)).all();
}

export function setUserRole(db: Db, userId: string, role: Role): PublicUser {
  return db.transaction(
    (tx) => {
      const user = requireUser(tx, userId);
      if (role !== 'admin') assertNotLastAdmin(tx, user);
      tx.update(users).set({ role }).where(eq(users.id, userId)).run();
      return { ...user, role };
    },
    { behavior: 'immediate' },
  );
}

/** Disables the account and ends its sessions; the row stays for history and audit. */
export function disableUser(db: Db, userId: string): PublicUser {
  return db.transaction(
    (tx) => {
      const user = requireUser(tx, userId);
      if (user.disabledAt !== null) return user;
      assertNotLastAdmin(tx, user);
      const disabledAt = Date.now();
      tx.update(users).set({ disabledAt }).where(eq(users.id, userId)).run();
      tx.delete(sessions).where(eq(sessions.userId, userId)).run();
      return { ...user, disabledAt };
    },
    { behavior: 'immediate' },
  );
}

function requireUser(db: Db, userId: string): PublicUser {
  const user = getUser(db, userId);
  if (!user) throw new UserError(`No user with id ${userId}`);
  return user;
}

// Without an active admin nobody could manage users again short of editing the database.
function assertNotLastAdmin(db: Db, user: PublicUser): void {
  if (user.role !== 'admin' || user.disabledAt !== null) return;
  const admins = db
    .select({ n: count() })
    .from(users)
    .where(and(eq(users.role, 'admin'), isNull(users.disabledAt)))
    .get();
  if ((admins?.n ?? 0) <= 1) throw new UserError('This is the last active admin; make another admin first');
}
