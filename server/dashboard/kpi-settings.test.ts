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
  it('saves valid settings, and says a changed class or value column needs a recount', async () => {
    expect(await saveKpiSettings(t.anyDb, base, 'dash-seeder')).toMatchObject({ recount: true, detail: { valueColumn: 'amount', fpCost: 25 } });
    expect(await getKpiSettings(t.anyDb, 'm-fraud')).toMatchObject({ valueColumn: 'amount', threshold: 0.4, currency: 'EUR' });
    expect(await saveKpiSettings(t.anyDb, { ...base, fpCost: 30 }, 'dash-seeder')).toMatchObject({ recount: false });
    expect(await getKpiSettings(t.anyDb, 'm-fraud')).toMatchObject({ fpCost: 30 });
    expect(await saveKpiSettings(t.anyDb, { ...base, fpCost: 30, positiveLabel: '0' }, 'dash-seeder')).toMatchObject({ recount: true });
  });

  it('names an unknown value column with "did you mean", and a class the model does not have', async () => {
    await expect(saveKpiSettings(t.anyDb, { ...base, valueColumn: 'amout' }, 'dash-seeder')).rejects.toThrow('has no input column "amout". Did you mean "amount"?');
    await expect(saveKpiSettings(t.anyDb, { ...base, positiveLabel: 'fraud' }, 'dash-seeder')).rejects.toThrow('"fraud" is not a class of "fraud" (0, 1)');
    await expect(saveKpiSettings(t.anyDb, { ...base, valueColumn: 'country' }, 'dash-seeder')).rejects.toThrow('Column "country" is categorical; a value column must be numeric');
    await expect(saveKpiSettings(t.anyDb, { ...base, valueColumn: null }, 'dash-seeder')).rejects.toThrow('tpWeighted: Weighting a true positive by a column needs a value column');
    await expect(saveKpiSettings(t.anyDb, { ...base, modelId: 'm-none' }, 'dash-seeder')).rejects.toThrow('Model m-none was not found');
    expect(await getKpiSettings(t.anyDb, 'm-fraud')).toBeNull();
  });

  it('refuses unknown keys and thresholds between hundredths at the edge', () => {
    expect(kpiSettingsInput.safeParse({ ...base, colour: 'red' }).success).toBe(false);
    const r = kpiSettingsInput.safeParse({ ...base, threshold: 0.425 });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues)).toContain('one of 0, 0.01');
  });
});
