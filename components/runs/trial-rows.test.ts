import { describe, expect, it } from 'vitest';
import type { Report } from '../../nodes/values';
import { isSearchReport, paramAxis, readSearchTrials, sortTrials } from './trial-rows';

const report: Report = {
  type: 'search',
  title: 'Search',
  metric: 'rmse',
  direction: 'minimize',
  best: { trial: 2, value: 0.5 },
  trials: [
    { trial: 1, params: { learningRate: 0.001, activation: 'relu' }, value: 0.9, durationMs: 30 },
    { trial: 2, params: { learningRate: 0.1, activation: 'tanh' }, value: 0.5, durationMs: 10 },
    { trial: 3, params: { learningRate: 0.01, activation: 'relu' }, value: null, durationMs: 5, error: 'diverged' },
  ],
};

describe('search trials', () => {
  it('reads the trials, the searched params and the winner by the direction', () => {
    expect(isSearchReport(report)).toBe(true);
    expect(isSearchReport({ type: 'profile', trials: [] })).toBe(false);
    const s = readSearchTrials(report);
    expect(s.params).toEqual(['learningRate', 'activation']);
    expect(s.best).toBe(2);
    expect(s.trials[2]).toMatchObject({ value: null, error: 'diverged' });
  });

  it('sorts by score, param or duration, failed trials last both ways', () => {
    const { trials } = readSearchTrials(report);
    expect(sortTrials(trials, { kind: 'value' }, 'asc').map((t) => t.trial)).toEqual([2, 1, 3]);
    expect(sortTrials(trials, { kind: 'value' }, 'desc').map((t) => t.trial)).toEqual([1, 2, 3]);
    expect(sortTrials(trials, { kind: 'param', name: 'learningRate' }, 'desc').map((t) => t.trial)).toEqual([2, 3, 1]);
    expect(sortTrials(trials, { kind: 'param', name: 'activation' }, 'asc').map((t) => t.trial)).toEqual([1, 3, 2]);
    expect(sortTrials(trials, { kind: 'duration' }, 'asc').map((t) => t.trial)).toEqual([3, 2, 1]);
  });

  it('puts numbers spanning decades on a log axis and anything else in categories', () => {
    const { trials } = readSearchTrials(report);
    expect(paramAxis(trials, 'learningRate')).toEqual({ type: 'number', log: true });
    expect(paramAxis(trials, 'activation')).toEqual({ type: 'category', values: ['relu', 'tanh'] });
  });
});
