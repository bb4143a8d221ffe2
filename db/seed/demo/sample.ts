/**
 * The demo study's sample: 16 focus groups in 8 cities (two per city, November 2024) and
 * their 98 participants, matching the real study's published totals — ages 19–60, 51 women
 * and 47 men, 58 with higher and 40 with secondary or specialised secondary education.
 * The people are invented; only the totals are real.
 */
import { createRng } from './prng';

export type Language = 'ru' | 'kk';
export type Gender = 'Female' | 'Male';
export type Education = 'Higher' | 'Secondary / specialised secondary';

export interface City {
  /** English name, as stored in the `city` attribute. */
  name: string;
  region: string;
  /** Forms used when transcripts mention the city or a district of it. */
  ru: { name: string; inCity: string; inDistrict: string };
  kk: { name: string; inCity: string; inDistrict: string };
}

export const CITIES: readonly City[] = [
  {
    name: 'Almaty',
    region: 'Almaty (city)',
    ru: { name: 'Алматы', inCity: 'в Алматы', inDistrict: 'в Шаныраке' },
    kk: { name: 'Алматы', inCity: 'Алматыда', inDistrict: 'Шаңырақ жақта' },
  },
  {
    name: 'Aktau',
    region: 'Mangystau',
    ru: { name: 'Актау', inCity: 'в Актау', inDistrict: 'в 15-м микрорайоне' },
    kk: { name: 'Ақтау', inCity: 'Ақтауда', inDistrict: '15-шағынауданда' },
  },
  {
    name: 'Aktobe',
    region: 'Aktobe',
    ru: { name: 'Актобе', inCity: 'в Актобе', inDistrict: 'на Батысе-2' },
    kk: { name: 'Ақтөбе', inCity: 'Ақтөбеде', inDistrict: 'Батыс-2 жақта' },
  },
  {
    name: 'Kyzylorda',
    region: 'Kyzylorda',
    ru: { name: 'Кызылорда', inCity: 'в Кызылорде', inDistrict: 'в Тасбогете' },
    kk: { name: 'Қызылорда', inCity: 'Қызылордада', inDistrict: 'Тасбөгетте' },
  },
  {
    name: 'Taraz',
    region: 'Zhambyl',
    ru: { name: 'Тараз', inCity: 'в Таразе', inDistrict: 'на Жайлау' },
    kk: { name: 'Тараз', inCity: 'Таразда', inDistrict: 'Жайлау шағынауданында' },
  },
  {
    name: 'Karaganda',
    region: 'Karaganda',
    ru: { name: 'Караганда', inCity: 'в Караганде', inDistrict: 'на Юго-Востоке' },
    kk: { name: 'Қарағанды', inCity: 'Қарағандыда', inDistrict: 'Оңтүстік-Шығыста' },
  },
  {
    name: 'Pavlodar',
    region: 'Pavlodar',
    ru: { name: 'Павлодар', inCity: 'в Павлодаре', inDistrict: 'на Усолке' },
    kk: { name: 'Павлодар', inCity: 'Павлодарда', inDistrict: 'Усолкада' },
  },
  {
    name: 'Semey',
    region: 'Abai',
    ru: { name: 'Семей', inCity: 'в Семее', inDistrict: 'в Новом Семее' },
    kk: { name: 'Семей', inCity: 'Семейде', inDistrict: 'Жаңа Семейде' },
  },
];

export interface GroupSpec {
  /** 1-based: FG01 … FG16. */
  number: number;
  city: City;
  /** 1 or 2 within the city. */
  cityGroup: 1 | 2;
  title: string;
  date: string;
  language: Language;
  size: number;
  women: number;
}

/** Kazakh-language groups; the other ten were held in Russian. */
const KAZAKH_GROUPS = new Set([2, 6, 7, 8, 9, 16]);
const DATES = [
  '04', '04', '07', '08', '11', '11', '13', '14', '18', '18', '20', '21', '25', '25', '27', '28',
];
/** Groups 1 and 11 had seven people, the rest six: 2×7 + 14×6 = 98. */
const SIZES = [7, 6, 6, 6, 6, 6, 6, 6, 6, 6, 7, 6, 6, 6, 6, 6];
/** Women per group: 4+3+3+4+2+3+3+3+4+3+4+3+2+3+4+3 = 51 of 98. */
const WOMEN = [4, 3, 3, 4, 2, 3, 3, 3, 4, 3, 4, 3, 2, 3, 4, 3];

export const GROUPS: readonly GroupSpec[] = SIZES.map((size, i) => {
  const number = i + 1;
  const city = CITIES[Math.floor(i / 2)];
  const cityGroup = ((i % 2) + 1) as 1 | 2;
  return {
    number,
    city,
    cityGroup,
    title: `FG${String(number).padStart(2, '0')} ${city.name} — group ${cityGroup}`,
    date: `2024-11-${DATES[i]}`,
    language: KAZAKH_GROUPS.has(number) ? 'kk' : 'ru',
    size,
    women: WOMEN[i],
  };
});

export interface ParticipantSpec {
  /** Index into GROUPS. */
  group: number;
  /** P1 … Pn within the group. */
  label: string;
  gender: Gender;
  age: number;
  education: Education;
  yearsInCity: number;
}

export const AGE_BINS = [
  { label: '18–29', min: 18, max: 29 },
  { label: '30–44', min: 30, max: 44 },
  { label: '45–60', min: 45, max: 60 },
];

export const YEARS_IN_CITY_BINS = [
  { label: 'under 5', min: 0, max: 4 },
  { label: '5–14', min: 5, max: 14 },
  { label: '15 and more', min: 15, max: 100 },
];

const HIGHER_COUNT = 58;
/** Nobody younger than this has finished a university degree. */
const MIN_AGE_HIGHER = 22;

/**
 * The 98 participants, deterministic. Ages are drawn evenly from the three age bands with
 * one participant aged 19 and one aged 60; exactly 58 of those aged 22 or more have higher
 * education; about half have lived in the city all their life.
 */
export function buildParticipants(): ParticipantSpec[] {
  const rng = createRng('demo:participants');
  const total = GROUPS.reduce((n, g) => n + g.size, 0);
  const ages: number[] = [];
  for (let i = 0; i < total; i++) {
    const bin = AGE_BINS[i % AGE_BINS.length];
    ages.push(rng.int(Math.max(19, bin.min), bin.max));
  }
  ages[0] = 19;
  ages[1] = 60;
  const shuffledAges = rng.shuffle(ages);

  const people: ParticipantSpec[] = [];
  GROUPS.forEach((g, gi) => {
    const genders = rng.shuffle([
      ...Array<Gender>(g.women).fill('Female'),
      ...Array<Gender>(g.size - g.women).fill('Male'),
    ]);
    genders.forEach((gender, k) => {
      const age = shuffledAges[people.length];
      const lifelong = rng.chance(0.45);
      people.push({
        group: gi,
        label: `P${k + 1}`,
        gender,
        age,
        education: 'Secondary / specialised secondary',
        yearsInCity: lifelong ? age : rng.int(1, age - 3),
      });
    });
  });

  const eligible = people.map((p, i) => (p.age >= MIN_AGE_HIGHER ? i : -1)).filter((i) => i >= 0);
  for (const i of rng.shuffle(eligible).slice(0, HIGHER_COUNT)) people[i].education = 'Higher';
  return people;
}
