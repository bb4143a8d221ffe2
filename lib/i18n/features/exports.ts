/** UI strings of the exports screens, in English, Russian and Kazakh (same keys in each). */
const en = {} as const;
type Keys = keyof typeof en;

export const exportsMessages = {
  en,
  ru: {} satisfies Record<Keys, string>,
  kk: {} satisfies Record<Keys, string>,
};
