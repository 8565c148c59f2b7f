import { parseArgs } from 'node:util';
import { UserError } from '../../engine/errors';
import { ROLES, type Role } from '../auth/roles';
import { createUser } from '../auth/users';
import { getDb } from '../db/client';
import { CliError } from './cli-error';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function cmdUserAdd(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } } });
  if (!values.email || !values.role) throw new CliError('Usage: pipeworks user add --email E --role R [--name N] < password', 2);
  if (!(ROLES as readonly string[]).includes(values.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}`, 2);
  if (process.stdin.isTTY) console.error('Password (then Enter and Ctrl-D):');
  const password = (await readStdin()).split(/\r?\n/)[0] ?? '';
  try {
    const user = await createUser(getDb().anyDb, { email: values.email, name: values.name ?? values.email.split('@')[0], role: values.role as Role, password });
    console.log(`Added ${user.email} as ${user.role}`);
    return 0;
  } catch (error) {
    if (error instanceof UserError) throw new CliError(error.message, 1);
    throw error;
  }
}
