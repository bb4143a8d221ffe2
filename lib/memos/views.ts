/** Memos as screens show them. */

export const MEMO_TARGETS = ['project', 'document', 'code'] as const;
export type MemoTarget = (typeof MEMO_TARGETS)[number];

export interface MemoView {
  id: number;
  authorId: number;
  authorName: string;
  text: string;
  updatedAt: string;
}
