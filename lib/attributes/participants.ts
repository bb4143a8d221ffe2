/** Participants as the participants table shows them. */

export interface ParticipantSummary {
  id: number;
  label: string;
  documentId: number | null;
  documentTitle: string | null;
  attributes: Record<string, string>;
  turnCount: number;
  wordCount: number;
}
