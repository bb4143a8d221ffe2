/**
 * What the analysis API routes share: the caller's role in the project (404 when they may not
 * read it), the viewer the layer rule is applied to, the project's context and parameters;
 * a bad parameter becomes a 400 (403 for a layer the caller may not see) naming it.
 */
import { getDb } from '@/db/client';
import { analysisContext } from '@/db/queries/analysis';
import { projectById } from '@/db/queries/projects';
import type { PublicUser } from '@/db/queries/users';
import type { AnalysisContext } from '@/lib/analysis/resolve';
import { describeQuery, layerLabelEn, type DescribeInput } from '@/lib/analysis/describe';
import type { FileBody } from '@/lib/tables/files';
import { AnalysisParamError, parseAnalysisParams, type Format } from '@/lib/analysis/params';
import { HttpError, parseId, projectRole } from '@/server/edge/api';

export async function analysisApiRequest<F extends string = Format>(req: Request, user: PublicUser, rawProjectId: string, formats?: readonly F[]) {
  const projectId = parseId(rawProjectId, 'projectId');
  const role = await projectRole(user, projectId);
  const db = getDb();
  const viewer = { role, userId: user.id, blindMode: (await projectById(db, projectId))!.blindMode };
  const ctx = await analysisContext(db, projectId);
  const params = asHttpError(() => parseAnalysisParams<F>(new URL(req.url).searchParams, formats));
  return { db, projectId, viewer, ctx, params };
}

/** Runs `f`, turning a bad parameter into the HTTP error it names. */
export function asHttpError<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw e instanceof AnalysisParamError ? new HttpError(e.status, e.message) : e;
  }
}

/** The notes a downloaded table carries, with the layer, codes and documents named from the context. */
export function tableNotes(ctx: AnalysisContext, q: Omit<DescribeInput, 'layerLabel' | 'codePath' | 'documentTitle'>): Array<[string, string]> {
  return describeQuery({
    ...q,
    layerLabel: layerLabelEn(q.filter.layer, ctx.coders),
    codePath: (id) => ctx.codes.find((c) => c.id === id)?.name ?? String(id),
    documentTitle: (id) => ctx.documents.find((d) => d.id === id)?.title ?? String(id),
  });
}

/** A table file as an attachment. */
export function fileResponse(file: FileBody): Response {
  return new Response(file.body, { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` } });
}
