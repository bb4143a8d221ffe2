/** A bin of a number attribute: [min, max] inclusive, e.g. the age band 18–29. */
export interface AttributeBin {
  label: string;
  min: number;
  max: number;
}

export const ATTRIBUTE_SCOPES = ['document', 'participant'] as const;

export const ATTRIBUTE_TYPES = ['category', 'number', 'text', 'date'] as const;

export type AttributeScope = (typeof ATTRIBUTE_SCOPES)[number];

export type AttributeType = (typeof ATTRIBUTE_TYPES)[number];
