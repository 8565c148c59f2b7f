// Alert rules (text form or fields), the alerts they open, and what people do with them: editors
// and admins (deploy.manage) change rules and acknowledge or resolve alerts (audited); every role
// reads them.
import { z } from 'zod';
import { acknowledgeAlert, listAlerts, resolveAlert } from '../../alerts/alert-actions';
import { postAlertWebhooks, type AlertEvent } from '../../alerts/alert-webhooks';
import { createRule, deleteRule, listRules, setRuleEnabled, updateRule, type RuleFields } from '../../alerts/alert-rules';
import { ruleFigures } from '../../alerts/rule-figures';
import { MAX_FOR_WINDOWS, parseRuleText, type RuleCondition } from '../../alerts/rule-text';
import { checkRuleNames } from '../../alerts/rule-vocabulary';
import { audit } from '../../auth/audit';
import type { AnyDb } from '../../db/any-db';
import { ALERT_SEVERITIES, ALERT_STATES, type Alert } from '../../db/schema';
import { ALERT_OPERATORS } from '../../../engine/alert-operators';
import { getEnv } from '../../env';
import { pageCursor, pageDirection } from '../page-cursor';
import { createTRPCRouter, permitted } from '../trpc';

const id = z.string().min(1).max(64);
const settings = {
  name: z.string().trim().min(1).max(200),
  severity: z.enum(ALERT_SEVERITIES).default('warning'),
  webhookId: id.nullable().default(null),
  enabled: z.boolean().default(true),
};
/** A rule as text (`psi(amount) > 0.2 for 2 windows`) or as its fields. */
const condition = z.union([
  z.object({ text: z.string().min(1).max(500) }).strict(),
  z
    .object({
      metric: z.string().min(1).max(100),
      feature: z.string().max(200).default(''),
      operator: z.enum(ALERT_OPERATORS),
      threshold: z.number().finite(),
      forWindows: z.number().int().min(1).max(MAX_FOR_WINDOWS).default(1),
    })
    .strict(),
]);
const ruleInput = z.object({ ...settings, rule: condition }).strict();

function fieldsOf(input: z.output<typeof ruleInput>): RuleFields {
  const { rule, ...rest } = input;
  const parsed: RuleCondition = 'text' in rule ? parseRuleText(rule.text) : rule;
  return { ...rest, ...parsed };
}

const dataDir = () => getEnv().PIPEWORKS_DATA_DIR;

/**
 * The person's click does not wait on a receiver (up to 20 s with redirects): the delivery row is
 * written before the post is sent, so it is recorded, and retried, either way.
 */
function postInBackground(db: AnyDb, alert: Alert, event: AlertEvent): void {
  postAlertWebhooks(db, [alert], event).catch((error) => console.error(`[pipeworks] posting ${event} of alert ${alert.id} failed`, error));
}

export const alertsRouter = createTRPCRouter({
  rules: createTRPCRouter({
    list: permitted('pipeline.read')
      .input(z.object({ endpointId: id }).strict())
      .query(({ ctx, input }) => listRules(ctx.anyDb, input.endpointId)),
    /** What a rule of this endpoint may watch, with each figure's latest value: the form's picker. */
    figures: permitted('pipeline.read')
      .input(z.object({ endpointId: id }).strict())
      .query(({ ctx, input }) => ruleFigures(ctx.anyDb, dataDir(), input.endpointId)),
    /** Reads and checks a rule's text without saving it: the form's feedback as one types. */
    parse: permitted('pipeline.read')
      .input(z.object({ endpointId: id, text: z.string().min(1).max(500) }).strict())
      .query(async ({ ctx, input }) => {
        const rule = parseRuleText(input.text);
        await checkRuleNames(ctx.anyDb, dataDir(), input.endpointId, rule);
        return rule;
      }),
    create: permitted('deploy.manage')
      .input(ruleInput.extend({ endpointId: id }).strict())
      .mutation(async ({ ctx, input }) => {
        const rule = await createRule(ctx.anyDb, dataDir(), input.endpointId, fieldsOf(input), ctx.user.id);
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'alert.rule.create', targetType: 'alertRule', targetId: rule.id, detail: { endpointId: rule.endpointId, rule: rule.text, name: rule.name } });
        return rule;
      }),
    update: permitted('deploy.manage')
      .input(ruleInput.extend({ id }).strict())
      .mutation(async ({ ctx, input }) => {
        const rule = await updateRule(ctx.anyDb, dataDir(), input.id, fieldsOf(input));
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'alert.rule.update', targetType: 'alertRule', targetId: rule.id, detail: { rule: rule.text, name: rule.name, enabled: rule.enabled } });
        return rule;
      }),
    /**
     * Turns a rule on or off without restating it. Turning off always works (even if the live
     * version no longer has the rule's feature); turning on checks the rule against it again.
     */
    setEnabled: permitted('deploy.manage')
      .input(z.object({ id, enabled: z.boolean() }).strict())
      .mutation(async ({ ctx, input }) => {
        const rule = await setRuleEnabled(ctx.anyDb, dataDir(), input.id, input.enabled);
        await audit(ctx.anyDb, { userId: ctx.user.id, action: input.enabled ? 'alert.rule.enable' : 'alert.rule.disable', targetType: 'alertRule', targetId: rule.id, detail: { endpointId: rule.endpointId, rule: rule.text, name: rule.name } });
        return rule;
      }),
    delete: permitted('deploy.manage')
      .input(z.object({ id }).strict())
      .mutation(async ({ ctx, input }) => {
        const rule = await deleteRule(ctx.anyDb, input.id);
        await audit(ctx.anyDb, { userId: ctx.user.id, action: 'alert.rule.delete', targetType: 'alertRule', targetId: rule.id, detail: { endpointId: rule.endpointId, rule: rule.text, name: rule.name } });
        return { id: rule.id };
      }),
  }),

  list: permitted('pipeline.read')
    .input(
      z
        .object({ endpointId: id.optional(), projectId: id.optional(), states: z.array(z.enum(ALERT_STATES)).min(1).optional(), cursor: pageCursor.optional(), direction: pageDirection, limit: z.number().int().min(1).max(500).default(100) })
        .strict(),
    )
    .query(({ ctx, input: { cursor, direction: _direction, ...rest } }) => listAlerts(ctx.anyDb, { ...rest, before: cursor })),

  acknowledge: permitted('deploy.manage')
    .input(z.object({ id }).strict())
    .mutation(async ({ ctx, input }) => {
      const alert = await acknowledgeAlert(ctx.anyDb, input.id, ctx.user.id);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'alert.acknowledge', targetType: 'alert', targetId: alert.id, detail: { endpointId: alert.endpointId, message: alert.message } });
      postInBackground(ctx.anyDb, alert, 'alert.acknowledged');
      return alert;
    }),

  resolve: permitted('deploy.manage')
    .input(z.object({ id, comment: z.string().trim().min(1, 'Say how it was resolved').max(1000) }).strict())
    .mutation(async ({ ctx, input }) => {
      const alert = await resolveAlert(ctx.anyDb, input.id, ctx.user.id, input.comment);
      await audit(ctx.anyDb, { userId: ctx.user.id, action: 'alert.resolve', targetType: 'alert', targetId: alert.id, detail: { endpointId: alert.endpointId, comment: input.comment } });
      postInBackground(ctx.anyDb, alert, 'alert.resolved');
      return alert;
    }),
});
