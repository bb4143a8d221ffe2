/**
 * `npm run bench`: every performance figure the issues name, measured on this machine and
 * printed. Each feature's benchmark lives in scripts/bench/<feature>.ts (or lib/…/bench.ts)
 * and returns its figures; tests never assert on time. `npm run bench -- editor search`
 * runs only those.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

type Bench = () => Promise<Record<string, number>> | Record<string, number>;

const benches: Record<string, () => Promise<Bench>> = {
  agreement: async () => (await import('../lib/agreement/bench')).benchAgreement,
  editor: async () => (await import('./bench/editor')).benchEditor,
};

// Feature benchmarks that exist in this checkout (each exports one bench function).
for (const [name, file, fn] of [
  ['agreement-report', 'agreement', 'benchAgreementReport'],
  ['analysis', 'analysis', 'benchAnalysis'],
  ['search', 'search', 'benchSearch'],
  ['import', 'import', 'benchImport'],
  ['exports', 'exports', 'benchExports'],
  ['security', 'security', 'benchSecurity'],
] as const) {
  if (fs.existsSync(path.join(__dirname, 'bench', `${file}.ts`))) {
    benches[name] = async () => (await import(`./bench/${file}`))[fn] as Bench;
  }
}

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
