/** A bin of a number attribute: [min, max] inclusive, e.g. the age band 18–29. */
export interface AttributeBin {
  label: string;
  min: number;
  max: number;
}
