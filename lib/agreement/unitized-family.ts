/**
 * The cu-α family as ATLAS.ti reports it — α-binary per code and per semantic domain, cu-α per
 * domain and the global Cu-α — after Krippendorff, Mathet, Bouvry & Widlöcher (2016), "On the
 * reliability of unitizing textual continua: Further developments", Quality & Quantity 50,
 * 2347–2364 (restated in Krippendorff 2019, Content Analysis, 4th ed., §12.6), computed from
 * the ranges of a {@link UnitizedContinuum}.
 *
 * A variable assigns each coder, at each position of the continuum, one value: ∅ (a gap) or the
 * value of the unit covering it. Per code the values are {∅, the code}; per domain, its codes;
 * globally, the domains. A coder's units of one value that overlap are merged (touching ones
 * stay separate units); where units of different values of one variable overlap — the 2016
 * model assumes they do not: codes of a domain are mutually exclusive — the stretch gets a
 * compound value ("a+b"), which disagrees with either, and its characters are counted
 * (`compoundCharacters`) so the report can say so. A coder's sections are the stretches of
 * constant value between unit boundaries; gaps are cut at document ends.
 *
 * Observed coincidences: the lengths of the intersections of every two coders' sections,
 *   ℓ_ck = Σ_i Σ_{j≠i} |sections of i valued c ∩ sections of j valued k| / (m − 1),
 * so n = ℓ.. = mL. Expected coincidences take units as indivisible (a unit cannot pair with
 * itself: its l² self-pairs are removed) and gaps as divisible position by position:
 *   ε_ck = (n_c·n_k − [c = k]·S_c) / (n − Σ_c S_c / n),  S_c = Σ l² over sections valued c,
 *   S_∅ = n_∅.
 * With D_o = Σ_{c≠k} ℓ_ck / n and D_e = Σ_{c≠k} ε_ck / n (nominal δ):
 * - α-binary (|uα): values collapsed to ∅ versus any unit; for a code, the variable {∅, code};
 * - cu-α: ℓ and ε restricted to the non-∅ values — the stretches every pair of coders both
 *   coded — with S*_c = Σ (the part of a section that other coders also coded)²;
 * - Cu-α: cu-α of the variable whose values are the domains.
 * When every unit has length 1, α-binary is the character-level α.
 *
 * NOTE: no worked example of the 2016 paper was available to check these against; the tests
 * are hand-computed from the definitions above.
 *
 * Cost: one sweep per variable over the sorted boundaries of its units, O(b·m² + b log b) for b
 * boundaries; stretches that every coder left blank are never visited (their ℓ_∅∅ follows from
 * n = mL). Runs are split at turn ends, so every coincidence belongs to one cluster and a
 * bootstrap resample only sums what it drew.
 */
import { clusterAt, type UnitizedContinuum } from './continuum';
import { firstEndingAfter } from './document';
import { percentileInterval } from './percentile';
import { DEFAULT_SEED, SeededRandom } from './random';
import { reliabilityBand, type ReliabilityBand } from './reliability-band';
import type { UnitizedBootstrapOptions, UnitizedInterval } from './unitized';

/** One coefficient with its observed and expected disagreement (shares of pairs); null where undefined. */
export interface FamilyCoefficient {
  observed: number | null;
  expected: number | null;
  alpha: number | null;
  band: ReliabilityBand;
}

export interface FamilyCode {
  codeId: string;
  domainId: string;
  /** α-binary of the code: its units versus the rest. */
  binary: FamilyCoefficient;
}

export interface FamilyDomain {
  domainId: string;
  codes: string[];
  /** α-binary of the domain: any of its codes versus none. */
  binary: FamilyCoefficient;
  /** cu-α: which of its codes, where coders both coded the domain. */
  cu: FamilyCoefficient;
  /** Characters where a coder applied two or more of its codes at once. */
  compoundCharacters: number;
}

/** The family over one continuum. */
export interface UnitizedFamily {
  coders: string[];
  length: number;
  documents: number;
  excludeUncoded: boolean;
  byCode: FamilyCode[];
  byDomain: FamilyDomain[];
  global: {
    /** α-binary over all codes: coded with anything versus not. */
    binary: FamilyCoefficient;
    /** Cu-α: which domain, where coders both coded. */
    Cu: FamilyCoefficient;
    /** Characters where a coder applied codes of two or more domains at once. */
    compoundCharacters: number;
  };
}

/** Bootstrap intervals of the family, in the order of {@link UnitizedFamily}. */
export interface UnitizedFamilyBootstrap {
  samples: number;
  byCode: Array<{ binary: UnitizedInterval }>;
  byDomain: Array<{ binary: UnitizedInterval; cu: UnitizedInterval }>;
  global: { binary: UnitizedInterval; Cu: UnitizedInterval };
}

/**
 * Options of the family: which domain each code belongs to. In a bootstrap, `byCode: false`
 * skips the per-code intervals (`byCode` empty) and those of one-code domains (alpha null).
 */
export interface FamilyOptions {
  /** Code id → semantic domain id. A code not listed is a domain of its own. */
  domains?: Readonly<Record<string, string>>;
}

/** α-binary per code and domain, cu-α per domain and Cu-α (see the module comment). */
export function unitizedFamily(continuum: UnitizedContinuum, options: FamilyOptions = {}): UnitizedFamily {
  const plan = planVariables(continuum, options);
  const weights = new Int32Array(continuum.clusterEnds.length).fill(1);
  const L = continuum.length;
  const values = plan.variables.map((v) => evaluate(v!, weights, L, continuum.coders.length));
  return shape(continuum, plan, values);
}

/**
 * The family with bootstrap 95 % percentile intervals: clusters (participant turns) resampled
 * with replacement, seeded, every coincidence re-summed with the draw counts as weights.
 */
export function bootstrapUnitizedFamily(
  continuum: UnitizedContinuum,
  options: FamilyOptions & UnitizedBootstrapOptions & { byCode?: boolean } = {},
): UnitizedFamilyBootstrap {
  const samples = Math.max(0, Math.floor(options.samples ?? 1000));
  const byCode = options.byCode !== false;
  const plan = planVariables(continuum, options, byCode);
  const m = continuum.coders.length;
  const clusters = continuum.clusterEnds.length;
  const lengths = new Float64Array(clusters);
  for (let c = 0; c < clusters; c++) lengths[c] = continuum.clusterEnds[c] - (c > 0 ? continuum.clusterEnds[c - 1] : 0);
  const ones = new Int32Array(clusters).fill(1);
  const point = plan.variables.map((v) => (v ? evaluate(v, ones, continuum.length, m) : { binary: none(), cu: none() }));
  // two coefficients (binary, cu) per variable
  const replicates = plan.variables.map(() => [new Float64Array(samples).fill(NaN), new Float64Array(samples).fill(NaN)]);
  const random = new SeededRandom(options.seed ?? DEFAULT_SEED);
  const drawn = new Int32Array(clusters);
  for (let s = 0; s < samples && clusters > 0; s++) {
    random.drawCounts(drawn);
    let L = 0;
    for (let c = 0; c < clusters; c++) if (drawn[c] !== 0) L += drawn[c] * lengths[c];
    plan.variables.forEach((v, i) => {
      if (!v) return;
      const r = evaluate(v, drawn, L, m);
      replicates[i][0][s] = r.binary.alpha ?? NaN;
      replicates[i][1][s] = r.cu.alpha ?? NaN;
    });
  }
  const interval = (alpha: number | null, reps: Float64Array): UnitizedInterval => {
    if (alpha === null) return { alpha, low: null, high: null, defined: 0 };
    const { low, high, defined } = percentileInterval(reps);
    return { alpha, low: Number.isNaN(low) ? null : low, high: Number.isNaN(high) ? null : high, defined };
  };
  const skipped = { alpha: null, low: null, high: null, defined: 0 };
  const at = (i: number) =>
    plan.variables[i]
      ? { binary: interval(point[i].binary.alpha, replicates[i][0]), cu: interval(point[i].cu.alpha, replicates[i][1]) }
      : { binary: skipped, cu: skipped };
  const global = at(plan.globalVariable);
  return {
    samples,
    byCode: byCode ? plan.codeVariables.map((i) => ({ binary: at(i).binary })) : [],
    byDomain: plan.domainVariables.map((i) => at(i)),
    global: { binary: global.binary, Cu: global.cu },
  };
}

/** One variable: its values and its coincidences as sparse per-cluster entries. */
interface Variable {
  /** q values; index 0 is ∅. */
  q: number;
  /** Slots: ℓ_ab at a·q + b (ℓ_∅∅ is not stored: it follows from n), S_v at q² + v, S*_v at q² + q + v. */
  entryCluster: Int32Array;
  entrySlot: Int32Array;
  entryAmount: Float64Array;
  compoundCharacters: number;
  /** Scratch: row sums of the non-∅ block, q. */
  rowStar: Float64Array;
}

interface Plan {
  /** null: not built (per-code variables when not wanted). */
  variables: Array<Variable | null>;
  codeVariables: number[];
  domainVariables: number[];
  globalVariable: number;
  domainIds: string[];
  domainCodes: string[][];
  codeDomain: string[];
}

function planVariables(continuum: UnitizedContinuum, options: FamilyOptions, withCodes = true): Plan {
  const codeDomain = continuum.codes.map((code) => options.domains?.[code] ?? code);
  const domainIds = [...new Set(codeDomain)];
  const domainIndex = new Map(domainIds.map((d, i) => [d, i]));
  const domainCodes = domainIds.map((d) => continuum.codes.filter((_, c) => codeDomain[c] === d));
  const variables: Array<Variable | null> = [];
  const codeVariables = continuum.codes.map((_, code) => {
    if (!withCodes) {
      variables.push(null);
      return variables.length - 1;
    }
    const valueOf = new Int32Array(continuum.codes.length); // 0: not in the variable
    valueOf[code] = 1;
    variables.push(buildVariable(continuum, valueOf, 2));
    return variables.length - 1;
  });
  const domainVariables = domainIds.map((d, di) => {
    // a domain of one code is that code's variable: share it (without per-code variables, leave
    // it out — its cu-α is undefined and its α-binary is the code's)
    if (domainCodes[di].length === 1) {
      if (withCodes) return codeVariables[continuum.codes.indexOf(domainCodes[di][0])];
      variables.push(null);
      return variables.length - 1;
    }
    const valueOf = new Int32Array(continuum.codes.length);
    let next = 1;
    continuum.codes.forEach((_, c) => {
      if (codeDomain[c] === d) valueOf[c] = next++;
    });
    variables.push(buildVariable(continuum, valueOf, next));
    return variables.length - 1;
  });
  const globalValueOf = Int32Array.from(codeDomain, (d) => domainIndex.get(d)! + 1);
  variables.push(buildVariable(continuum, globalValueOf, domainIds.length + 1));
  return { variables, codeVariables, domainVariables, globalVariable: variables.length - 1, domainIds, domainCodes, codeDomain };
}

/**
 * Sections of one coder for a variable: flat [start, end, value, …], sorted, non-overlapping,
 * from the coder's units of every code in the variable (`valueOf[code]`, 0 = not in it).
 * Simple values are 1…q−1; compound ones are registered in `compound` and numbered after.
 */
function coderSections(
  continuum: UnitizedContinuum,
  coder: number,
  valueOf: Int32Array,
  simple: number,
  compound: Map<string, number>,
): { sections: number[]; compoundCharacters: number } {
  // per value: the coder's units of its codes, merged where they overlap
  const byValue: number[][] = Array.from({ length: simple }, () => []);
  continuum.codes.forEach((_, code) => {
    const v = valueOf[code];
    if (v === 0) return;
    const u = continuum.units[code][coder];
    for (let i = 0; i < u.length; i += 2) byValue[v].push(u[i], u[i + 1]);
  });
  const events: Array<[number, number, number]> = []; // position, +1 start / −1 end, value
  for (let v = 1; v < simple; v++) {
    const list = byValue[v];
    if (list.length === 0) continue;
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < list.length; i += 2) pairs.push([list[i], list[i + 1]]);
    pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let cs = pairs[0][0];
    let ce = pairs[0][1];
    for (let i = 1; i <= pairs.length; i++) {
      if (i < pairs.length && pairs[i][0] < ce) {
        if (pairs[i][1] > ce) ce = pairs[i][1];
        continue;
      }
      events.push([cs, 1, v], [ce, -1, v]);
      if (i < pairs.length) [cs, ce] = pairs[i];
    }
  }
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const active = new Int32Array(simple);
  let activeCount = 0;
  const sections: number[] = [];
  let compoundCharacters = 0;
  for (let e = 0; e < events.length; ) {
    const at = events[e][0];
    while (e < events.length && events[e][0] === at) {
      const [, delta, v] = events[e];
      if (delta > 0 ? active[v]++ === 0 : --active[v] === 0) activeCount += delta;
      e++;
    }
    if (activeCount === 0 || e >= events.length) continue;
    const next = events[e][0];
    let value: number;
    if (activeCount === 1) {
      value = active.findIndex((n, v) => v > 0 && n > 0);
    } else {
      const key = active.reduce<number[]>((out, n, v) => (v > 0 && n > 0 ? [...out, v] : out), []).join('+');
      let id = compound.get(key);
      if (id === undefined) {
        id = simple + compound.size;
        compound.set(key, id);
      }
      value = id;
      compoundCharacters += next - at;
    }
    sections.push(at, next, value);
  }
  return { sections, compoundCharacters };
}

/** Builds a variable's sparse per-cluster coincidences (see {@link Variable}). */
function buildVariable(continuum: UnitizedContinuum, valueOf: Int32Array, simple: number): Variable {
  const m = continuum.coders.length;
  const compound = new Map<string, number>();
  const sections: number[][] = [];
  let compoundCharacters = 0;
  for (let i = 0; i < m; i++) {
    const s = coderSections(continuum, i, valueOf, simple, compound);
    sections.push(s.sections);
    compoundCharacters += s.compoundCharacters;
  }
  const q = simple + compound.size;
  const slots = q * q + 2 * q;
  const ends = continuum.clusterEnds;
  const entryCluster: number[] = [];
  const entrySlot: number[] = [];
  const entryAmount: number[] = [];

  // ℓ, aggregated per cluster: runs come in position order, so clusters only increase
  const current = new Float64Array(slots);
  const touched: number[] = [];
  let currentCluster = -1;
  const flush = () => {
    for (const slot of touched) {
      if (current[slot] !== 0) {
        entryCluster.push(currentCluster);
        entrySlot.push(slot);
        entryAmount.push(current[slot]);
        current[slot] = 0;
      }
    }
    touched.length = 0;
  };
  const add = (cluster: number, slot: number, amount: number) => {
    if (cluster !== currentCluster) {
      flush();
      currentCluster = cluster;
    }
    if (current[slot] === 0) touched.push(slot);
    current[slot] += amount;
  };

  const positions: number[] = [];
  for (const s of sections) for (let i = 0; i < s.length; i += 3) positions.push(s[i], s[i + 1]);
  const sorted = Float64Array.from(positions).sort();
  const pointer = new Int32Array(m);
  const value = new Int32Array(m);
  const pairable = sections.map((s) => new Float64Array(s.length / 3));
  const share = m > 1 ? 1 / (m - 1) : 0;
  for (let p = 0; p + 1 < sorted.length; p++) {
    const from = sorted[p];
    const to = sorted[p + 1];
    if (!(to > from)) continue;
    let coding = 0;
    for (let i = 0; i < m; i++) {
      const s = sections[i];
      while (pointer[i] < s.length && s[pointer[i] + 1] <= from) pointer[i] += 3;
      value[i] = pointer[i] < s.length && s[pointer[i]] <= from ? s[pointer[i] + 2] : 0;
      if (value[i] !== 0) coding++;
    }
    if (coding === 0) continue;
    const length = to - from;
    if (coding >= 2) {
      for (let i = 0; i < m; i++) if (value[i] !== 0) pairable[i][pointer[i] / 3] += length;
    }
    // split the run at turn ends: every coincidence belongs to one cluster
    for (let c = firstEndingAfter(ends, from); c < ends.length; c++) {
      const start = Math.max(from, c > 0 ? ends[c - 1] : 0);
      if (start >= to) break;
      const piece = Math.min(to, ends[c]) - start;
      if (piece <= 0) continue;
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          if (i === j || (value[i] === 0 && value[j] === 0)) continue;
          add(c, value[i] * q + value[j], piece * share);
        }
      }
    }
  }
  flush();
  // self-pairs of units, at the cluster where each section starts
  sections.forEach((s, i) => {
    for (let k = 0; k < s.length; k += 3) {
      const l = s[k + 1] - s[k];
      const v = s[k + 2];
      const cluster = clusterAt(ends, s[k]);
      entryCluster.push(cluster, cluster);
      entrySlot.push(q * q + v, q * q + q + v);
      entryAmount.push(l * l, pairable[i][k / 3] ** 2);
    }
  });
  return {
    q,
    entryCluster: Int32Array.from(entryCluster),
    entrySlot: Int32Array.from(entrySlot),
    entryAmount: Float64Array.from(entryAmount),
    compoundCharacters,
    rowStar: new Float64Array(q),
  };
}

/**
 * α-binary and cu-α of a variable under cluster weights and a (weighted) continuum length L,
 * in one pass over its entries: O(entries + q), however many (compound) values there are.
 */
function evaluate(v: Variable, w: Int32Array, L: number, m: number): { binary: FamilyCoefficient; cu: FamilyCoefficient } {
  if (!(L > 0) || m < 2) return { binary: none(), cu: none() };
  const { q, rowStar } = v;
  rowStar.fill(0);
  let stored = 0; // every ℓ cell but ℓ_∅∅
  let gapUnit = 0; // ℓ_∅c + ℓ_c∅ over c ≠ ∅
  let gapRow = 0; // ℓ_∅c over c ≠ ∅
  let agreeStar = 0;
  let selfUnits = 0;
  let selfStar = 0;
  for (let e = 0; e < v.entryCluster.length; e++) {
    const weight = w[v.entryCluster[e]];
    if (weight === 0) continue;
    const x = weight * v.entryAmount[e];
    const slot = v.entrySlot[e];
    if (slot < q * q) {
      stored += x;
      const a = (slot / q) | 0;
      const b = slot - a * q;
      if (a === 0 || b === 0) {
        gapUnit += x;
        if (a === 0) gapRow += x;
      } else {
        rowStar[a] += x;
        if (a === b) agreeStar += x;
      }
    } else if (slot < q * q + q) selfUnits += x;
    else selfStar += x;
  }
  const n = m * L;
  // α-binary: ∅ against everything else; n_∅ = ℓ_∅∅ + Σ ℓ_∅c with ℓ_∅∅ = n − stored
  const nGap = n - stored + gapRow;
  const nUnit = n - nGap;
  const norm = n - (nGap + selfUnits) / n; // S_∅ = n_∅
  const binary = coefficient(gapUnit / n, norm > 0 ? (2 * nGap * nUnit) / norm / n : NaN);

  // cu-α: the non-∅ block
  let nStar = 0;
  let sumSquares = 0;
  for (let a = 1; a < q; a++) {
    nStar += rowStar[a];
    sumSquares += rowStar[a] * rowStar[a];
  }
  let cu: FamilyCoefficient = none();
  if (nStar > 0) {
    const normStar = nStar - selfStar / nStar;
    cu = coefficient((nStar - agreeStar) / nStar, normStar > 0 ? (nStar * nStar - sumSquares) / normStar / nStar : NaN);
  }
  return { binary, cu };
}

function none(): FamilyCoefficient {
  return { observed: null, expected: null, alpha: null, band: 'undefined' };
}

function coefficient(observed: number, expected: number): FamilyCoefficient {
  if (!Number.isFinite(observed) || !Number.isFinite(expected)) return none();
  const eps = 1e-12;
  const o = Math.max(0, observed);
  if (!(expected > eps)) return { observed: o, expected: Math.max(0, expected), alpha: null, band: 'undefined' };
  const alpha = 1 - o / expected;
  return { observed: o, expected, alpha, band: reliabilityBand(alpha) };
}

function shape(continuum: UnitizedContinuum, plan: Plan, values: Array<{ binary: FamilyCoefficient; cu: FamilyCoefficient }>): UnitizedFamily {
  const global = values[plan.globalVariable];
  return {
    coders: continuum.coders,
    length: continuum.length,
    documents: continuum.documentIds.length,
    excludeUncoded: continuum.excludeUncoded,
    byCode: plan.codeVariables.map((i, code) => ({ codeId: continuum.codes[code], domainId: plan.codeDomain[code], binary: values[i].binary })),
    byDomain: plan.domainVariables.map((i, d) => ({
      domainId: plan.domainIds[d],
      codes: plan.domainCodes[d],
      binary: values[i].binary,
      cu: values[i].cu,
      compoundCharacters: plan.variables[i]!.compoundCharacters,
    })),
    global: { binary: global.binary, Cu: global.cu, compoundCharacters: plan.variables[plan.globalVariable]!.compoundCharacters },
  };
}
