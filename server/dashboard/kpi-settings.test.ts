import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../db/test-db';
import { getKpiSettings, kpiSettingsInput, saveKpiSettings, type KpiSettingsInput } from './kpi-settings';
import { seedDeployedModel, seedProject } from './seed-kit';

let t: TestDb;
beforeEach(() => {
  t = openTestDb();
  seedProject(t.sqlite);
  seedDeployedModel(t.sqlite, 'fraud');
});
afterEach(() => t.cleanup());

const base: KpiSettingsInput = {
  modelId: 'm-fraud',
  positiveLabel: '1',
  tpValue: 1,
  tpWeighted: true,
  fpCost: 25,
  fpWeighted: false,
  fnCost: 1,
  fnWeighted: true,
  valueColumn: 'amount',
  threshold: 0.4,
  currency: 'EUR',
};

describe('KPI settings', () => {
  it('saves valid settings, and says a changed class or value column needs a recount', () => {
    expect(saveKpiSettings(t.db, base, 'dash-seeder')).toEqual({ recount: true });
    expect(getKpiSettings(t.db, 'm-fraud')).toMatchObject({ valueColumn: 'amount', threshold: 0.4, currency: 'EUR' });
    expect(saveKpiSettings(t.db, { ...base, fpCost: 30 }, 'dash-seeder')).toEqual({ recount: false });
  });

  it('names an unknown value column with "did you mean", and a class the model does not have', () => {
    expect(() => saveKpiSettings(t.db, { ...base, valueColumn: 'amout' }, 'dash-seeder')).toThrow('has no input column "amout". Did you mean "amount"?');
    expect(() => saveKpiSettings(t.db, { ...base, positiveLabel: 'fraud' }, 'dash-seeder')).toThrow('"fraud" is not a class of "fraud" (0, 1)');
    expect(() => saveKpiSettings(t.db, { ...base, valueColumn: 'country' }, 'dash-seeder')).toThrow('Column "country" is categorical; a value column must be numeric');
    expect(() => saveKpiSettings(t.db, { ...base, valueColumn: null }, 'dash-seeder')).toThrow('tpWeighted: Weighting a true positive by a column needs a value column');
  });

  it('refuses unknown keys and thresholds between hundredths at the edge', () => {
    expect(kpiSettingsInput.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    const r = kpiSettingsInput.safeParse({ ...base, threshold: 0.425 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('one of 0, 0.01');
  });
});
