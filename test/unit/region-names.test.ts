import { describe, expect, it } from 'vitest';
import { regions } from '#domain/regions.js';
import { LANGUAGES } from '#messages/language.js';
import { regionName, translatedRegions } from '#messages/regions.js';

describe('GEN-2 region names in every language', () => {
  it('names exactly the regions of PRT-6, in each of en, de, sv, nl', () => {
    expect([...translatedRegions].sort()).toEqual([...regions].sort());
    for (const region of regions) for (const language of LANGUAGES) expect(regionName(region, language)).not.toBe(region);
  });

  it('speaks the reader’s language', () => {
    expect(regionName('europe', 'de')).toBe('Europa');
    expect(regionName('united_states', 'nl')).toBe('Verenigde Staten');
    expect(regionName('new_zealand', 'sv')).toBe('Nya Zeeland');
  });
});
