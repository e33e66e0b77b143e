import type { Language } from './language.js';

/** The CSP regions in the four languages of the program (GEN-2); ids as in domain/regions.ts. */
const names: Record<string, Record<Language, string>> = {
  africa: { en: 'Africa', de: 'Afrika', sv: 'Afrika', nl: 'Afrika' },
  asia_pacific: { en: 'Asia Pacific', de: 'Asien-Pazifik', sv: 'Asien och Stillahavsområdet', nl: 'Azië en Stille Oceaan' },
  australia: { en: 'Australia', de: 'Australien', sv: 'Australien', nl: 'Australië' },
  brazil: { en: 'Brazil', de: 'Brasilien', sv: 'Brasilien', nl: 'Brazilië' },
  canada: { en: 'Canada', de: 'Kanada', sv: 'Kanada', nl: 'Canada' },
  europe: { en: 'Europe', de: 'Europa', sv: 'Europa', nl: 'Europa' },
  india: { en: 'India', de: 'Indien', sv: 'Indien', nl: 'India' },
  japan: { en: 'Japan', de: 'Japan', sv: 'Japan', nl: 'Japan' },
  korea: { en: 'Korea', de: 'Korea', sv: 'Korea', nl: 'Korea' },
  latin_america_caribbean: { en: 'Latin America & Caribbean', de: 'Lateinamerika und Karibik', sv: 'Latinamerika och Karibien', nl: 'Latijns-Amerika en het Caribisch gebied' },
  middle_east_central_eastern_europe: {
    en: 'Middle East, Central & Eastern Europe',
    de: 'Naher Osten, Mittel- und Osteuropa',
    sv: 'Mellanöstern, Central- och Östeuropa',
    nl: 'Midden-Oosten, Centraal- en Oost-Europa',
  },
  new_zealand: { en: 'New Zealand', de: 'Neuseeland', sv: 'Nya Zeeland', nl: 'Nieuw-Zeeland' },
  russia: { en: 'Russia', de: 'Russland', sv: 'Ryssland', nl: 'Rusland' },
  taiwan: { en: 'Taiwan', de: 'Taiwan', sv: 'Taiwan', nl: 'Taiwan' },
  united_states: { en: 'United States', de: 'Vereinigte Staaten', sv: 'USA', nl: 'Verenigde Staten' },
};

/** A region's name in a language; an unknown id is shown as it is. */
export const regionName = (region: string, language: Language): string => names[region]?.[language] ?? region;

export const translatedRegions = Object.keys(names);
