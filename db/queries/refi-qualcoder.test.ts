/**
 * QualCoder loads our .qdpx completely (issue #18): the demo study is exported as .qdpx and
 * loaded with QualCoder's own REFI-QDA project importer (refi.RefiImport, run headless by
 * scripts/qualcoder/import_qdpx.py), and what QualCoder's database then holds is compared with
 * ours: documents, codes, codings (per coder, on the same quotes), cases, case-text links, memos.
 *
 * The importer is QualCoder's source: the copy vendored in third_party/qualcoder, or a
 * checkout named by QUALCODER_SRC. It needs PyQt6 (Debian: python3-pyqt6). When that is
 * missing the test is skipped with a message saying what to install, except under CI
 * (CI=true, as .ci/run sets, which installs it), where it fails.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../client';
import { openTestDatabase } from '../testing';
import { codes, codings, documents, memos, users } from '../schema';
import { seedDemo } from '../seed/demo';
import { projectToRefi } from './refi-export';
import { writeQdpx, type RefiProject } from '@/lib/refi-qda';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = process.env.QUALCODER_SRC || path.join(ROOT, 'third_party/qualcoder');
const DRIVER = path.join(ROOT, 'scripts/qualcoder/import_qdpx.py');

function python(): string | null {
  for (const c of ['/usr/bin/python3', 'python3']) {
    const r = spawnSync(c, ['-c', 'from PyQt6 import QtWidgets'], { encoding: 'utf8', timeout: 60_000 });
    if (r.status === 0) return c;
  }
  return null;
}
const PYTHON = python();
const HAVE_SOURCE = fs.existsSync(path.join(SOURCE, 'src/qualcoder/refi.py')) || fs.existsSync(path.join(SOURCE, 'qualcoder/refi.py'));
const MISSING = !PYTHON ? 'PyQt6 (apt-get install python3-pyqt6)' : !HAVE_SOURCE ? `QualCoder's source (QUALCODER_SRC=${SOURCE} holds no qualcoder/refi.py)` : '';
if (MISSING) console.warn(`db/queries/refi-qualcoder.test.ts: ${process.env.CI ? 'FAILS' : 'SKIPPED'}: missing ${MISSING}`);
const run = !MISSING || !!process.env.CI;

interface QualCoderResult {
  ok: boolean;
  error?: string;
  traceback?: string;
  counts: {
    sources: number;
    codes: number;
    categories: number;
    codings: number;
    cases: number;
    caseTexts: number;
    journals: number;
    annotations: number;
    memos: Record<string, number>;
  };
  codingsByOwner: Record<string, number>;
  codings: [string, string, string, number, number, string][];
  caseTextRows: [string, string, number, number][];
  log: string;
}

export function loadWithQualCoder(bytes: Uint8Array): QualCoderResult {
  if (MISSING) throw new Error(`Missing ${MISSING} (.ci/run installs python3-pyqt6; the source is vendored in third_party/qualcoder)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qdpx-'));
  try {
    const file = path.join(dir, 'demo.qdpx');
    fs.writeFileSync(file, bytes);
    const r = spawnSync(PYTHON as string, [DRIVER, SOURCE, file], {
      encoding: 'utf8',
      timeout: 300_000,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: dir },
    });
    if (r.status !== 0) throw new Error(`the driver failed (${r.status}): ${r.stderr}`);
    const last = r.stdout.trim().split('\n').pop() as string;
    return JSON.parse(last) as QualCoderResult;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function allLayers(db: Db, projectId: number) {
  const rows = db.selectDistinct({ layer: codings.layer, coderId: codings.coderId }).from(codings).where(eq(codings.projectId, projectId)).all();
  return rows.map((r) => (r.layer === 'consensus' ? ({ kind: 'consensus' } as const) : ({ kind: 'coder', coderId: r.coderId } as const)));
}

describe.runIf(run)(`QualCoder's REFI-QDA import of the demo${MISSING ? ` (FAILS: missing ${MISSING})` : ''}`, () => {
  let ctx: ReturnType<typeof openTestDatabase>;
  let projectId: number;
  let qc: QualCoderResult;
  let refi: RefiProject;
  beforeAll(async () => {
    ctx = openTestDatabase();
    ({ projectId } = seedDemo(ctx.db));
    refi = (await projectToRefi(ctx.db, projectId, allLayers(ctx.db, projectId))).project;
    qc = loadWithQualCoder(writeQdpx(refi));
  }, 300_000);
  afterAll(() => ctx.close());

  it('runs to the end', () => {
    expect(qc.error, qc.traceback).toBeUndefined();
    expect(qc.ok).toBe(true);
  });

  it('loads every document, code and coding', () => {
    const ours = {
      documents: ctx.db.select().from(documents).where(eq(documents.projectId, projectId)).all().length,
      codes: ctx.db.select().from(codes).where(eq(codes.projectId, projectId)).all().length,
      codings: ctx.db.select().from(codings).where(eq(codings.projectId, projectId)).all().length,
    };
    expect(qc.counts.sources).toBe(ours.documents);
    expect(qc.counts.codes + qc.counts.categories).toBe(ours.codes);
    expect(qc.counts.codings).toBe(ours.codings);
    // per coder, the consensus layer under the name "Consensus" (not a fifth coder's name)
    const perLayer = new Map<string, number>();
    const rows = ctx.db.select({ layer: codings.layer, coder: users.name }).from(codings).innerJoin(users, eq(users.id, codings.coderId)).where(eq(codings.projectId, projectId)).all();
    for (const r of rows) {
      const key = r.layer === 'consensus' ? 'Consensus' : r.coder;
      perLayer.set(key, (perLayer.get(key) ?? 0) + 1);
    }
    expect(qc.codingsByOwner).toEqual(Object.fromEntries([...perLayer].sort()));
  });

  it('loads every case and every memo', () => {
    expect(qc.counts.cases).toBe(refi.cases.length);
    expect(qc.counts.cases).toBe(98);
    // Our memos (project, document, code) and the codings' memos are all notes; QualCoder
    // keeps each as a journal under its name.
    const ourMemos = ctx.db.select().from(memos).where(eq(memos.projectId, projectId)).all().length;
    const codingMemoNotes = refi.notes.length - ourMemos;
    expect(codingMemoNotes).toBeGreaterThan(0);
    expect(qc.counts.journals).toBe(refi.notes.length);
    expect(qc.counts.memos.journal).toBe(refi.notes.filter((n) => n.text.trim() !== '').length);
    // The project's description is QualCoder's project memo.
    expect(qc.counts.memos.project).toBe(1);
  });

  it('cannot take case-text links: QualCoder reads them only from codes sharing a case GUID', () => {
    // Our cases carry the standard's SourceRef and SelectionRef; QualCoder's parse_cases reads
    // neither for a named case (clean_up_case_codes_and_case_text only turns codes whose guid
    // equals a case's into case_text, NVivo's way). Pinned, so a QualCoder that learns
    // SelectionRef shows up here.
    expect(refi.cases.every((c) => c.sourceGuids.length === 1)).toBe(true);
    expect(refi.cases.some((c) => c.selectionGuids.length > 0)).toBe(true);
    expect(qc.counts.caseTexts).toBe(0);
  });
});
