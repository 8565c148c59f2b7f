// User accounts: creation, first-run admin, credential checks and role changes.
import { randomBytes, randomUUID } from 'node:crypto';
import { and, asc, count, eq, getTableColumns, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { UserError } from '../../engine/errors';
import { first, type AnyDb } from '../db/any-db';
import { isUniqueViolation } from '../db/errors';
import type { User } from '../db/schema';
import { withTransaction } from '../db/transaction';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from './password';
import { ROLES, type Role } from './roles';

/** A user row without its password hash: the only shape that leaves this module. */
export type PublicUser = Omit<User, 'passwordHash'>;

/** The users columns but the password hash, from this handle's dialect's table. */
function publicColumns(db: AnyDb) {
  const { passwordHash: _passwordHash, ...columns } = getTableColumns(db.t.users);
  return columns;
}

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

export async function countUsers(db: AnyDb): Promise<number> {
  const [row] = await db.select({ n: count() }).from(db.t.users);
  return Number(row?.n ?? 0);
}

export async function createUser(db: AnyDb, input: NewUserInput): Promise<PublicUser> {
  const data = parseNewUser(input);
  const passwordHash = await hashPassword(data.password);
  return insertUser(db, { ...data, passwordHash });
}

/** Succeeds only while there are no users at all, so two racing first visits cannot both become admin. */
export async function createFirstAdmin(
  db: AnyDb,
  input: Omit<NewUserInput, 'role'> & { role?: 'admin' },
): Promise<PublicUser> {
  const data = parseNewUser({ ...input, role: 'admin' });
  // Hash before the transaction: scrypt is slow, the write lock should be short, and on SQLite the
  // body may await only its own queries.
  const passwordHash = await hashPassword(data.password);
  // The transaction serializes writers (BEGIN IMMEDIATE on SQLite, an advisory lock on Postgres), so
  // the count and the insert see the same database even when another process (the CLI `setup`, a
  // second server) races us.
  return withTransaction(db, async (tx) => {
    if ((await countUsers(tx)) > 0) {
      throw new UserError('Setup is already complete: an admin account exists');
    }
    return insertUser(tx, { ...data, passwordHash });
  });
}

async function insertUser(db: AnyDb, data: { email: string; name: string; role: Role; passwordHash: string }): Promise<PublicUser> {
  try {
    const [user] = await db
      .insert(db.t.users)
      .values({ id: randomUUID(), ...data, createdAt: Date.now() })
      .returning(publicColumns(db));
    return user;
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new UserError(`A user with the email ${data.email} already exists`, { field: 'email' });
    }
    throw error;
  }
}

// Checked against when the email is unknown, so a miss costs about as long as a wrong password.
let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(db: AnyDb, email: string, password: string): Promise<PublicUser | null> {
  const normalized = email.trim().toLowerCase();
  const row = first(await db.select().from(db.t.users).where(eq(db.t.users.email, normalized)).limit(1));
  dummyHash ??= hashPassword(randomBytes(24).toString('base64'));
  const ok = await verifyPassword(password, row?.passwordHash ?? (await dummyHash));
  if (!row || !ok || row.disabledAt !== null) return null;
  const { passwordHash: _hash, ...user } = row;
  return user;
}

export async function getUser(db: AnyDb, id: string): Promise<PublicUser | null> {
  return first(await db.select(publicColumns(db)).from(db.t.users).where(eq(db.t.users.id, id)).limit(1));
}

export async function listUsers(db: AnyDb): Promise<PublicUser[]> {
  return db.select(publicColumns(db)).from(db.t.users).orderBy(asc(db.t.users.createdAt), asc(db.t.users.email));
}

export async function setUserRole(db: AnyDb, userId: string, role: Role): Promise<PublicUser> {
  return withTransaction(db, async (tx) => {
    const user = await requireUser(tx, userId);
    if (role !== 'admin') await assertNotLastAdmin(tx, user);
    await tx.update(tx.t.users).set({ role }).where(eq(tx.t.users.id, userId));
    return { ...user, role };
  });
}

/** Disables the account and ends its sessions; the row stays for history and audit. */
export async function disableUser(db: AnyDb, userId: string): Promise<PublicUser> {
  return withTransaction(db, async (tx) => {
    const user = await requireUser(tx, userId);
    if (user.disabledAt !== null) return user;
    await assertNotLastAdmin(tx, user);
    const disabledAt = Date.now();
    await tx.update(tx.t.users).set({ disabledAt }).where(eq(tx.t.users.id, userId));
    await tx.delete(tx.t.sessions).where(eq(tx.t.sessions.userId, userId));
    return { ...user, disabledAt };
  });
}

async function requireUser(db: AnyDb, userId: string): Promise<PublicUser> {
  const user = await getUser(db, userId);
  if (!user) throw new UserError(`No user with id ${userId}`);
  return user;
}

// Without an active admin nobody could manage users again short of editing the database.
async function assertNotLastAdmin(db: AnyDb, user: PublicUser): Promise<void> {
  if (user.role !== 'admin' || user.disabledAt !== null) return;
  const [admins] = await db
    .select({ n: count() })
    .from(db.t.users)
    .where(and(eq(db.t.users.role, 'admin'), isNull(db.t.users.disabledAt)));
  if (Number(admins?.n ?? 0) <= 1) throw new UserError('This is the last active admin; make another admin first');
}
