import { z } from 'zod';
import { audit } from '../../auth/audit';
import { ROLES } from '../../auth/roles';
import { createUser, disableUser, listUsers, setUserRole } from '../../auth/users';
import { createTRPCRouter, permitted } from '../trpc';

export const userRouter = createTRPCRouter({
  list: permitted('user.manage').query(async ({ ctx }) =>
    (await listUsers(ctx.anyDb)).map(({ id, email, name, role, createdAt, disabledAt }) => ({ id, email, name, role, createdAt, disabledAt })),
  ),

  add: permitted('user.manage')
    .input(
      z.object({
        email: z.string().trim().email().max(200),
        name: z.string().trim().min(1).max(100),
        role: z.enum(ROLES),
        password: z.string().min(10, 'Passwords need at least 10 characters').max(500),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const user = await createUser(ctx.anyDb, input);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'user.add', targetType: 'user', targetId: user.id, detail: { role: input.role } });
      return { id: user.id, email: user.email, name: user.name, role: user.role };
    }),

  setRole: permitted('user.manage')
    .input(z.object({ userId: z.string().min(1), role: z.enum(ROLES) }))
    .mutation(async ({ ctx, input }) => {
      await setUserRole(ctx.anyDb, input.userId, input.role);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'user.role', targetType: 'user', targetId: input.userId, detail: { role: input.role } });
      return { ok: true };
    }),

  disable: permitted('user.manage')
    .input(z.object({ userId: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      await disableUser(ctx.anyDb, input.userId);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'user.disable', targetType: 'user', targetId: input.userId, detail: {} });
      return { ok: true };
    }),
});
