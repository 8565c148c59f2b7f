import { describe, expect, it } from 'vitest';
import { featureNamesFromMetadata } from './feature-names';

describe('featureNamesFromMetadata', () => {
  it('reads comma-separated or JSON names, and nothing when there are none', () => {
    expect(featureNamesFromMetadata({ feature_names: ' amount, age ' })).toEqual(['amount', 'age']);
    expect(featureNamesFromMetadata({ feature_names: '["a,1", "b"]' })).toEqual(['a,1', 'b']);
    expect(featureNamesFromMetadata({ other: 'x' })).toBeNull();
    expect(featureNamesFromMetadata({ feature_names: '' })).toBeNull();
  });
});
