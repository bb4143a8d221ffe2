/**
 * `npm run bench`: every performance figure the issues name, measured on this machine and
 * printed. Each feature's benchmark lives in scripts/bench/<feature>.ts (or lib/…/bench.ts)
 * and returns its figures; tests never assert on time. `npm run bench -- editor search`
 * runs only those.
 */
import os from 'node:os';

type Figures = Record<string, number | string>;
type Bench = () => Promise<Figures> | Figures;

const benches: Record<string, () => Promise<Bench>> = {
  agreement: async () => (await import('../lib/agreement/bench')).benchAgreement,
  'agreement-unitized': async () => (await import('../lib/agreement/bench')).benchUnitized,
  editor: async () => (await import('./bench/editor')).benchEditor,
  'editor-scale': async () => (await import('./bench/editor-scale')).benchEditorScale,
  live: async () => (await import('./bench/live')).benchLive,
  'agreement-report': async () => (await import('./bench/agreement')).benchAgreementReport,
  analysis: async () => (await import('./bench/analysis')).benchAnalysis,
  search: async () => (await import('./bench/search')).benchSearch,
  import: async () => (await import('./bench/import')).benchImport,
  exports: async () => (await import('./bench/exports')).benchExports,
  security: async () => (await import('./bench/security')).benchSecurity,
};

async function main() {
  const only = process.argv.slice(2);
  const machine = `${process.platform} ${process.arch}, Node ${process.version}, ${os.cpus().length} cores`;
  console.log(`Benchmarks on ${machine}`);
  for (const [name, load] of Object.entries(benches)) {
    if (only.length && !only.includes(name)) continue;
    const t0 = Date.now();
    try {
      const figures = await (await load())();
      console.log(`\n## ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
      for (const [k, v] of Object.entries(figures)) console.log(`  ${k}: ${typeof v === 'number' ? +v.toFixed(2) : v}`);
    } catch (e) {
      console.log(`\n## ${name}: FAILED — ${(e as Error).message}`);
      process.exitCode = 1;
    }
  }
}

void main();
