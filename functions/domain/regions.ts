/**
 * CSP market regions and the country → region table (RULES.md, REGIONS; PRT-6, CUS-8).
 *
 * Source: the CSP program's "regional markets and currencies" table as published in
 * April 2021 (Partner Center docs, `regional-authorization-overview.md`). Every country
 * that table lists is placed exactly where the table puts it, even where that is
 * geographically surprising. Countries the table does not list are placed by geography
 * and marked `not in the 2021 table` below. Decisions worth a second look:
 *
 * - Placed by the table, surprising:
 *   - `PF` French Polynesia and `NC` New Caledonia are in **Africa** (not Asia Pacific).
 *   - `ZA` South Africa, `LS` Lesotho, `SZ` Eswatini, `MZ` Mozambique, `ZW` Zimbabwe are in
 *     **Middle East, Central & Eastern Europe**, not Africa.
 *   - `AF` Afghanistan, `PK` Pakistan, `MN` Mongolia and `IO` British Indian Ocean
 *     Territory are in **Middle East, Central & Eastern Europe**, not Asia Pacific.
 *   - `PR` Puerto Rico and `VI` U.S. Virgin Islands are in **Latin America & Caribbean**,
 *     not the United States; only `UM` U.S. Outlying Islands joins `US`.
 *   - `GU` Guam and `MP` Northern Mariana Islands, and the Pacific island states (`FJ`,
 *     `PG`, `SB`, `KI`, `MH`, `FM`, `NR`, `PW`, `TO`, `TV`), `CK` Cook Islands, `NU` Niue,
 *     `TK` Tokelau, `PN` Pitcairn, `WF` Wallis and Futuna and `TF` French Southern
 *     Territories are in **Australia** (with `CX`, `CC`, `NF`, `HM`).
 *   - `AS` American Samoa, `WS` Samoa and `VU` Vanuatu are in **New Zealand**.
 *   - `PM` Saint Pierre and Miquelon is in **Canada**.
 *   - `AQ` Antarctica and `GS` South Georgia are in **Latin America & Caribbean**;
 *     `BV` Bouvet Island and `SJ` Svalbard and Jan Mayen are in **Europe**.
 *   - Bulgaria, Croatia, Czechia, Hungary, Poland, Romania, Slovakia, Slovenia and the
 *     Baltic states are EU members and in **Europe**; "Central & Eastern Europe" means the
 *     non-EU states (Balkans outside the EU, Ukraine, Moldova, Belarus, Caucasus,
 *     Central Asia).
 * - Not in the 2021 table (no CSP market then), placed by geography so that every ISO
 *   code has a region; a region here does NOT make a country eligible for the program:
 *   - `CN` China → Asia Pacific (the Chinese market is run separately, by 21Vianet).
 *   - `KP` North Korea → Asia Pacific.
 *   - `CU` Cuba → Latin America & Caribbean.
 *   - `IR` Iran, `SY` Syria → Middle East, Central & Eastern Europe.
 *   - `SD` Sudan, `EH` Western Sahara → Middle East, Central & Eastern Europe, with the
 *     other North-African states (Egypt, Libya, Morocco, Mauritania are there).
 * - The 2021 table also lists Kosovo, which has no officially assigned ISO code (`XK` is
 *   user-assigned); it is not a known country here.
 */
import type { CountryCode } from './countries.js';

/** CSP region ids (REGIONS). */
export const regions = [
  'africa',
  'asia_pacific',
  'australia',
  'brazil',
  'canada',
  'europe',
  'india',
  'japan',
  'korea',
  'latin_america_caribbean',
  'middle_east_central_eastern_europe',
  'new_zealand',
  'russia',
  'taiwan',
  'united_states',
] as const;

/** A CSP market region (REGIONS). */
export type Region = (typeof regions)[number];

/** English display name of each region (REGIONS). */
export const regionNames: Readonly<Record<Region, string>> = {
  africa: 'Africa',
  asia_pacific: 'Asia Pacific',
  australia: 'Australia',
  brazil: 'Brazil',
  canada: 'Canada',
  europe: 'Europe',
  india: 'India',
  japan: 'Japan',
  korea: 'Korea',
  latin_america_caribbean: 'Latin America & Caribbean',
  middle_east_central_eastern_europe: 'Middle East, Central & Eastern Europe',
  new_zealand: 'New Zealand',
  russia: 'Russia',
  taiwan: 'Taiwan',
  united_states: 'United States',
};

/**
 * The country → region table, as data, grouped the way the 2021 CSP table groups it
 * (REGIONS). Each officially assigned ISO 3166-1 alpha-2 code appears exactly once;
 * the unit tests check that.
 */
export const countriesByRegion: Readonly<Record<Region, readonly CountryCode[]>> = {
  // prettier-ignore
  africa: [
    'AO', 'BJ', 'BW', 'BF', 'BI', 'CM', 'CV', 'CF', 'TD', 'KM', 'CG', 'CD', 'CI', 'DJ',
    'GQ', 'ER', 'ET', 'GA', 'GM', 'GH', 'GN', 'GW', 'KE', 'LR', 'MG', 'MW', 'ML', 'MU',
    'YT', 'NA', 'NE', 'NG', 'RE', 'RW', 'ST', 'SN', 'SC', 'SL', 'SO', 'SS', 'SH', 'TZ',
    'TG', 'UG', 'ZM',
    'PF', 'NC', // listed under Africa by the 2021 table
  ],
  // prettier-ignore
  asia_pacific: [
    'BD', 'BT', 'BN', 'KH', 'HK', 'ID', 'LA', 'MO', 'MY', 'MV', 'MM', 'NP', 'PH', 'SG',
    'LK', 'TH', 'TL', 'VN',
    'CN', 'KP', // not in the 2021 table
  ],
  // prettier-ignore
  australia: [
    'AU', 'CX', 'CC', 'CK', 'FJ', 'TF', 'GU', 'HM', 'KI', 'MH', 'FM', 'NR', 'NU', 'NF',
    'MP', 'PW', 'PG', 'PN', 'SB', 'TK', 'TO', 'TV', 'WF',
  ],
  brazil: ['BR'],
  canada: ['CA', 'PM'],
  // prettier-ignore
  europe: [
    'AX', 'AD', 'AT', 'BE', 'BV', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FO', 'FI', 'FR',
    'DE', 'GI', 'GR', 'GL', 'GG', 'HU', 'IS', 'IE', 'IM', 'IT', 'JE', 'LV', 'LI', 'LT',
    'LU', 'MT', 'MC', 'NL', 'NO', 'PL', 'PT', 'RO', 'SM', 'SK', 'SI', 'ES', 'SJ', 'SE',
    'CH', 'GB', 'VA',
  ],
  india: ['IN'],
  japan: ['JP'],
  korea: ['KR'],
  // prettier-ignore
  latin_america_caribbean: [
    'AI', 'AQ', 'AG', 'AR', 'AW', 'BS', 'BB', 'BZ', 'BM', 'BO', 'BQ', 'VG', 'KY', 'CL',
    'CO', 'CR', 'CW', 'DM', 'DO', 'EC', 'SV', 'FK', 'GF', 'GD', 'GP', 'GT', 'GY', 'HT',
    'HN', 'JM', 'MQ', 'MX', 'MS', 'NI', 'PA', 'PY', 'PE', 'PR', 'BL', 'KN', 'LC', 'MF',
    'VC', 'SX', 'GS', 'SR', 'TT', 'TC', 'UY', 'VE', 'VI',
    'CU', // not in the 2021 table
  ],
  // prettier-ignore
  middle_east_central_eastern_europe: [
    'AF', 'AL', 'DZ', 'AM', 'AZ', 'BH', 'BY', 'BA', 'IO', 'EG', 'GE', 'IQ', 'IL', 'JO',
    'KZ', 'KW', 'KG', 'LB', 'LS', 'LY', 'MK', 'MR', 'MD', 'MN', 'ME', 'MA', 'MZ', 'OM',
    'PK', 'PS', 'QA', 'SA', 'RS', 'ZA', 'SZ', 'TJ', 'TN', 'TR', 'TM', 'UA', 'AE', 'UZ',
    'YE', 'ZW',
    'IR', 'SY', 'SD', 'EH', // not in the 2021 table
  ],
  new_zealand: ['NZ', 'AS', 'WS', 'VU'],
  russia: ['RU'],
  taiwan: ['TW'],
  united_states: ['US', 'UM'],
};

const regionByCountry: ReadonlyMap<string, Region> = new Map(
  regions.flatMap((region) => countriesByRegion[region].map((code) => [code, region] as const)),
);

/** Every country code the region table knows, sorted (REGIONS). */
export const countryCodes: readonly string[] = Object.freeze([...regionByCountry.keys()].sort());

/**
 * Whether `code` is an officially assigned ISO 3166-1 alpha-2 code, exactly as stored:
 * two upper-case letters (`'DE'` yes, `'de'`, `'DEU'`, `'XK'` no) (ENR-2, REGIONS).
 */
export function isKnownCountry(code: string): boolean {
  return regionByCountry.has(code);
}

/**
 * The CSP region of a business-address country (REGIONS, PRT-6, CUS-8).
 * Accepts an alpha-2 code in any letter case (`'de'`, `'De'`); anything else (alpha-3,
 * names, surrounding spaces, unassigned codes) gives `undefined`.
 */
export function regionOf(country: string): Region | undefined {
  if (!/^[A-Za-z]{2}$/.test(country)) return undefined;
  return regionByCountry.get(country.toUpperCase());
}

/** Whether `value` is one of the region ids (REGIONS). */
export function isRegion(value: string): value is Region {
  return (regions as readonly string[]).includes(value);
}

/**
 * PRT-6: a provider and a reseller may partner only if their official business
 * locations are in the same CSP region. False when either country is unknown, so an
 * unknown country never passes the check.
 */
export function inSameRegion(providerCountry: string, resellerCountry: string): boolean {
  const providerRegion = regionOf(providerCountry);
  const resellerRegion = regionOf(resellerCountry);
  return providerRegion !== undefined && providerRegion === resellerRegion;
}
