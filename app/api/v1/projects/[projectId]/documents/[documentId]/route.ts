import { NextResponse } from 'next/server';
import { apiRoute, notFoundError, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { documentWithTurns } from '@/db/queries/documents';

export const GET = apiRoute<{ projectId: string; documentId: string }>(async (_req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const documentId = parseId(params.documentId, 'documentId');
  await projectRole(user, projectId);
  const doc = await documentWithTurns(getDb(), projectId, documentId);
  if (!doc) throw notFoundError();
  return NextResponse.json({
    document: {
      ...doc,
      text: doc.turns.map((t) => t.text).join('\n'),
      turns: doc.turns.map((t) => ({
        seq: t.seq,
        speaker: { kind: t.speakerKind, label: t.speakerLabel, participantId: t.participantId },
        timestamp: t.timestamp,
        start: t.start,
        end: t.end,
        text: t.text,
      })),
    },
  });
});
