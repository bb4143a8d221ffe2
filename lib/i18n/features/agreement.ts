/** UI strings of the agreement screens, in English, Russian and Kazakh (same keys in each). */
const en = {} as const;
type Keys = keyof typeof en;

export const agreementMessages = {
  en,
  ru: {} satisfies Record<Keys, string>,
  kk: {} satisfies Record<Keys, string>,
};
