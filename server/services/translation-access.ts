/** Who may read and write a coding's translations: one rule for the actions and the API. */
import type { Db } from '@/db/client';
import { codingInProject, type CodingRow } from '@/db/queries/codings';
import type { Role } from '@/lib/access/layers';
import { mayViewLayer } from '@/lib/access/layers';
import { layerOfCoding } from '@/server/services/codings';

/**
 * The coding, when it is in the project and in a layer the reader may see; undefined
 * otherwise (a coding in a hidden layer does not exist for the reader).
 */
export async function visibleCoding(db: Db, projectId: number, codingId: number, reader: { userId: number; role: Role; blindMode: boolean }): Promise<CodingRow | undefined> {
  const row = await codingInProject(db, projectId, codingId);
  return row && mayViewLayer(reader, layerOfCoding(row)) ? row : undefined;
}

/**
 * Leads and coders translate any coding they can see (translating is not coding: a coder may
 * translate a consensus quote for the article); viewers only read.
 */
export function mayTranslate(role: Role): boolean {
  return role === 'lead' || role === 'coder';
}
