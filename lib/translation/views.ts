/** Translations of coded excerpts as screens show them. */

export interface TranslationView {
  id: number;
  codingId: number;
  language: string;
  text: string;
  authorId: number;
  authorName: string;
  updatedAt: string;
}
