/** UI texts of the page "methodik" (German first; `en` must have the same keys). */
export const de = {} as const;
export const en: Record<keyof typeof de, string> = {};
