import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryNames } from '#domain/countries.js';
import {
  countriesByRegion,
  countryCodes,
  inSameRegion,
  isKnownCountry,
  isRegion,
  regionNames,
  regionOf,
  regions,
  type Region,
} from '#domain/regions.js';

/** One row per region: a member country, and a neighbour that lies in another region. */
const perRegion: ReadonlyArray<{ region: Region; member: string; neighbour: string }> = [
  { region: 'africa', member: 'TZ', neighbour: 'MZ' },
  { region: 'asia_pacific', member: 'NP', neighbour: 'IN' },
  { region: 'australia', member: 'AU', neighbour: 'NZ' },
  { region: 'brazil', member: 'BR', neighbour: 'AR' },
  { region: 'canada', member: 'CA', neighbour: 'US' },
  { region: 'europe', member: 'PL', neighbour: 'UA' },
  { region: 'india', member: 'IN', neighbour: 'PK' },
  { region: 'japan', member: 'JP', neighbour: 'KR' },
  { region: 'korea', member: 'KR', neighbour: 'KP' },
  { region: 'latin_america_caribbean', member: 'MX', neighbour: 'US' },
  { region: 'middle_east_central_eastern_europe', member: 'TR', neighbour: 'GR' },
  { region: 'new_zealand', member: 'NZ', neighbour: 'AU' },
  { region: 'russia', member: 'RU', neighbour: 'FI' },
  { region: 'taiwan', member: 'TW', neighbour: 'CN' },
  { region: 'united_states', member: 'US', neighbour: 'CA' },
];

const allTableEntries = regions.flatMap((region) => countriesByRegion[region]);

describe('PRT-6 regions: one test per region', () => {
  it('PRT-6 covers every region exactly once in the per-region tests', () => {
    expect(perRegion.map((row) => row.region).sort()).toEqual([...regions].sort());
  });

  it.each(perRegion)('PRT-6 $member is in $region and its neighbour $neighbour is not', ({ region, member, neighbour }) => {
    expect(regionOf(member)).toBe(region);
    expect(regionOf(neighbour)).toBeDefined();
    expect(regionOf(neighbour)).not.toBe(region);
  });
});

describe('PRT-6 regions: the operator table', () => {
  it('PRT-6 puts the countries RULES.md names under Middle East, Central & Eastern Europe there', () => {
    for (const code of ['IL', 'TR', 'AE', 'SA', 'EG', 'UA', 'RS', 'ZA']) {
      expect([code, regionOf(code)]).toEqual([code, 'middle_east_central_eastern_europe']);
    }
  });

  it('PRT-6 puts EU/EFTA, the UK and the Crown dependencies and microstates in Europe', () => {
    const europe = ['DE', 'FR', 'SE', 'NL', 'IE', 'GB', 'CH', 'NO', 'IS', 'LI', 'GG', 'JE', 'IM', 'FO', 'GI', 'MC', 'SM', 'VA', 'AD', 'GL', 'AX', 'SJ', 'BG', 'RO', 'HR'];
    for (const code of europe) expect([code, regionOf(code)]).toEqual([code, 'europe']);
  });

  it('PRT-6 keeps the single-country regions to that country', () => {
    for (const region of ['brazil', 'india', 'japan', 'korea', 'russia', 'taiwan'] as const) {
      expect(countriesByRegion[region]).toHaveLength(1);
    }
  });

  it('PRT-6 follows the 2021 table where it is geographically surprising', () => {
    expect(regionOf('PR')).toBe('latin_america_caribbean');
    expect(regionOf('VI')).toBe('latin_america_caribbean');
    expect(regionOf('UM')).toBe('united_states');
    expect(regionOf('GU')).toBe('australia');
    expect(regionOf('CK')).toBe('australia');
    expect(regionOf('AS')).toBe('new_zealand');
    expect(regionOf('PM')).toBe('canada');
    expect(regionOf('PF')).toBe('africa');
    expect(regionOf('PK')).toBe('middle_east_central_eastern_europe');
  });

  it('PRT-6 every code in the table is two upper-case letters', () => {
    for (const code of allTableEntries) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it('PRT-6 no code appears in two regions (or twice in one)', () => {
    const seen = new Map<string, Region>();
    const duplicates: string[] = [];
    for (const region of regions) {
      for (const code of countriesByRegion[region]) {
        if (seen.has(code)) duplicates.push(`${code} in ${seen.get(code)} and ${region}`);
        seen.set(code, region);
      }
    }
    expect(duplicates).toEqual([]);
  });

  it('PRT-6 covers exactly the 249 officially assigned ISO 3166-1 codes', () => {
    expect(allTableEntries).toHaveLength(249);
    expect(countryCodes).toHaveLength(249);
    expect([...countryCodes]).toEqual(Object.keys(countryNames).sort());
  });

  it('PRT-6 lists countryCodes sorted', () => {
    expect([...countryCodes]).toEqual([...countryCodes].sort());
  });

  it('PRT-6 gives every region an English display name of its own', () => {
    const names = regions.map((region) => regionNames[region]);
    for (const name of names) expect(name.trim()).not.toBe('');
    expect(new Set(names).size).toBe(regions.length);
    expect(regionNames.middle_east_central_eastern_europe).toBe('Middle East, Central & Eastern Europe');
  });

  it('PRT-6 recognises region ids and nothing else', () => {
    expect(isRegion('europe')).toBe(true);
    expect(isRegion('Europe')).toBe(false);
    expect(isRegion('emea')).toBe(false);
  });
});

describe('PRT-6 regions: lookup', () => {
  it.each(['XX', 'ZZ', '', 'usa', 'USA', 'DEU', 'XK', 'EU', 'UK', ' de', 'de ', 'd', 'Germany', '\u017fe'])(
    'PRT-6 gives no region for %j',
    (input) => {
      expect(regionOf(input)).toBeUndefined();
    },
  );

  it('PRT-6 looks codes up case-insensitively', () => {
    expect(regionOf('de')).toBe('europe');
    expect(regionOf('De')).toBe('europe');
    expect(regionOf('bR')).toBe('brazil');
  });

  it('PRT-6 isKnownCountry accepts only upper-case assigned codes', () => {
    expect(isKnownCountry('DE')).toBe(true);
    expect(isKnownCountry('de')).toBe(false);
    expect(isKnownCountry('XK')).toBe(false);
    expect(isKnownCountry('toString')).toBe(false);
    expect(isKnownCountry('')).toBe(false);
  });

  it('PRT-6 for any known country in any letter case, the region is defined, stable and lists that country', () => {
    fc.assert(
      fc.property(fc.mixedCase(fc.constantFrom(...countryCodes)), (code) => {
        const region = regionOf(code);
        expect(region).toBeDefined();
        expect(regionOf(code)).toBe(region);
        expect(regionOf(code.toUpperCase())).toBe(region);
        expect(countriesByRegion[region as Region]).toContain(code.toUpperCase());
      }),
    );
  });

  it('PRT-6 any two-letter code the table lacks is unknown', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{2}$/), (code) => {
        expect(isKnownCountry(code)).toBe(countryCodes.includes(code));
        expect(regionOf(code) !== undefined).toBe(countryCodes.includes(code));
      }),
    );
  });
});

describe('PRT-6 provider and reseller in the same region', () => {
  it('PRT-6 allows a provider and a reseller in different countries of one region', () => {
    expect(inSameRegion('DE', 'FR')).toBe(true);
    expect(inSameRegion('TR', 'AE')).toBe(true);
  });

  it('PRT-6 rejects a provider and a reseller in different regions', () => {
    expect(inSameRegion('DE', 'TR')).toBe(false);
    expect(inSameRegion('US', 'CA')).toBe(false);
    expect(inSameRegion('AU', 'NZ')).toBe(false);
  });

  it('PRT-6 rejects when either country is unknown, even if both are', () => {
    expect(inSameRegion('DE', 'XX')).toBe(false);
    expect(inSameRegion('XX', 'DE')).toBe(false);
    expect(inSameRegion('XX', 'XX')).toBe(false);
    expect(inSameRegion('', '')).toBe(false);
  });

  it('PRT-6 compares country codes case-insensitively', () => {
    expect(inSameRegion('de', 'FR')).toBe(true);
  });

  it('PRT-6 is symmetric and agrees with regionOf for any pair of known countries', () => {
    const known = fc.constantFrom(...countryCodes);
    fc.assert(
      fc.property(known, known, (a, b) => {
        expect(inSameRegion(a, b)).toBe(inSameRegion(b, a));
        expect(inSameRegion(a, b)).toBe(regionOf(a) === regionOf(b));
        expect(inSameRegion(a, a)).toBe(true);
      }),
    );
  });
});
