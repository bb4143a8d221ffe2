/** Where a coder is with an assigned document. */

export const ASSIGNMENT_STATUSES = ['not_started', 'in_progress', 'done'] as const;

export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export interface MyDocument {
  documentId: number;
  title: string;
  status: AssignmentStatus;
  codings: number;
  updatedAt: string;
}
