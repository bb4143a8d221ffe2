/**
 * Import figures: the server's time to import a 20,000-word .docx (parse, map, write in one
 * transaction; target ≤ 1 s), and a batch of 16 transcripts in one transaction. The .docx
 * files are built with the app's own exporter, so they are the shape a lead re-imports.
 * Deterministic text; a fresh temporary database; run once.
 */
import { openTestDatabase } from '../../db/testing';
import { members, projects, users } from '../../db/schema';
import { importTranscripts, type TranscriptImportItem } from '../../db/queries/imports';
import { parseTranscript } from '../../lib/import';
import { prefillSpeakers } from '../../lib/import/mapping';
import { listSpeakerLabels } from '../../lib/import/speakers';
import { transcriptToDocx, type ExportTurn } from '../../lib/export/transcript';

const WORDS = (
  'әкімдік әкімдікке өтініш петиция жол жарық су жылу мектеп аурухана автобус тариф сайлау депутат ' +
  'мәслихат блогер жаңалық пікір репост акимат обращение приём жалоба дорога отопление выборы голос ' +
  'решение участие соседи чат группа новости портал суд подписи ответ власть город район село'
).split(' ');

/** A transcript of about `words` words: the moderator and eight participants, ~40 words a turn. */
function transcript(words: number, seed: number): ExportTurn[] {
  let s = seed;
  const next = () => (s = (s * 1103515245 + 12345) % 2147483648);
  const turns: ExportTurn[] = [];
  let written = 0;
  for (let i = 0; written < words; i++) {
    const n = 20 + (next() % 40);
    const text = Array.from({ length: n }, () => WORDS[next() % WORDS.length]).join(' ') + '.';
    const seconds = i * 25;
    const timestamp = `${String(Math.floor(seconds / 3600)).padStart(2, '0')}:${String(Math.floor(seconds / 60) % 60).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
    turns.push({ speaker: i % 5 === 0 ? 'Модератор' : `P${1 + (next() % 8)}`, text, timestamp });
    written += n;
  }
  return turns;
}

async function itemFor(bytes: Uint8Array, name: string, title: string): Promise<TranscriptImportItem> {
  const parsed = await parseTranscript(bytes, name);
  const labels = listSpeakerLabels(parsed.turns).map((l) => l.label);
  return { source: name, title, encoding: parsed.encoding, turns: parsed.turns, speakers: prefillSpeakers(labels, null) };
}

export async function benchImport(): Promise<Record<string, number>> {
  const { db, close } = openTestDatabase();
  try {
    const user = db.insert(users).values({ email: 'bench-import@bench.test', name: 'Bench lead', passwordHash: 'x' }).returning().get();
    const project = db.insert(projects).values({ name: 'Import benchmark' }).returning().get();
    db.insert(members).values({ projectId: project.id, userId: user.id, role: 'lead' }).run();

    const big = transcript(20_000, 7);
    const bigDocx = await transcriptToDocx('Benchmark 20k', big);
    // Warm the parser's and the database's code paths once, as a running server has.
    await itemFor(await transcriptToDocx('warm', transcript(500, 1)), 'warm.docx', 'warm');

    const t0 = performance.now();
    const item = await itemFor(bigDocx, 'big.docx', 'Benchmark 20k');
    const t1 = performance.now();
    const [doc] = await importTranscripts(db, { projectId: project.id, actorId: user.id, items: [item] });
    const t2 = performance.now();

    const batchFiles = await Promise.all(Array.from({ length: 16 }, (_, i) => transcriptToDocx(`Batch ${i + 1}`, transcript(12_000, 100 + i))));
    const t3 = performance.now();
    const items: TranscriptImportItem[] = [];
    for (let i = 0; i < batchFiles.length; i++) items.push(await itemFor(batchFiles[i], `batch-${i + 1}.docx`, `Batch ${i + 1}`));
    const t4 = performance.now();
    const batch = await importTranscripts(db, { projectId: project.id, actorId: user.id, items });
    const t5 = performance.now();

    return {
      'docx 20k words: file size (KB)': bigDocx.byteLength / 1024,
      'docx 20k words: words imported': doc.words,
      'docx 20k words: turns': doc.turns,
      'docx 20k words: parse + map (ms)': t1 - t0,
      'docx 20k words: db write (ms)': t2 - t1,
      'docx 20k words: total server time (ms, target ≤ 1000)': t2 - t0,
      'batch of 16 × 12k-word docx: words': batch.reduce((n, d) => n + d.words, 0),
      'batch of 16: parse + map (ms)': t4 - t3,
      'batch of 16: db write, one transaction (ms)': t5 - t4,
      'batch of 16: total server time (ms)': t5 - t3,
    };
  } finally {
    close();
  }
}
