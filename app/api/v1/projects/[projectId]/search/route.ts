import { NextResponse } from 'next/server';
import { z } from 'zod';
import { apiRoute, parseId, projectRole } from '@/server/edge/api';
import { getDb } from '@/db/client';
import { searchProject } from '@/db/queries/search-results';
import type { LayerRef } from '@/lib/access/layers';
import { searchOptionsFromParams } from '@/lib/search/options';
import { withSearchSlot } from '@/server/edge/search-slots';

const page = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/**
 * GET: search the project's transcripts. Parameters: q (the query; with regex=1 a regular
 * expression), offset and limit (paging, limit ≤ 1000), and the filters of the search
 * screen: speakers=participants|moderator, d=<attributeId>:<value> and p=<attributeId>:<value>
 * (repeatable), code=<codeId>&coded=coded|uncoded (in the caller's layer). Hits carry
 * [start, end) offsets in the document's canonical text (UTF-16 code units). An empty q
 * gives { empty: true, total: 0, hits: [] }. A malformed query, or a regular expression
 * stopped at the time limit, is a 400 whose error says what is wrong (and code names it). A
 * regex search beyond the per-user or total number running at once is a 429 (search.busy).
 */
export const GET = apiRoute<{ projectId: string }>(async (req, { user, params }) => {
  const projectId = parseId(params.projectId, 'projectId');
  const role = await projectRole(user, projectId);
  const url = new URL(req.url);
  const { offset, limit } = page.parse({ offset: url.searchParams.get('offset') ?? undefined, limit: url.searchParams.get('limit') ?? undefined });
  const options = searchOptionsFromParams(url.searchParams);
  const codedLayer: LayerRef = role === 'viewer' ? { kind: 'consensus' } : { kind: 'coder', coderId: user.id };
  const r = await withSearchSlot(user.id, options.regex, () => searchProject(getDb(), projectId, options, { codedLayer, offset, limit }));
  return NextResponse.json({
    empty: r.empty,
    query: options.q,
    regex: options.regex,
    total: r.total,
    turns: r.turns,
    truncated: r.truncated,
    offset: r.offset,
    limit: r.limit,
    documents: r.documents.map((d) => ({ documentId: d.documentId, title: d.title, attributes: d.attributes, hits: d.hits })),
    hits: r.hits.map((h) => ({
      documentId: h.documentId,
      documentTitle: h.documentTitle,
      turnSeq: h.turnSeq,
      speaker: h.speaker,
      start: h.start,
      end: h.end,
      snippet: h.snippet,
      ...(h.coded === null ? {} : { coded: h.coded }),
    })),
    participants: r.participants,
  });
});
