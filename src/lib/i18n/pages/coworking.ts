/** UI texts of the page "coworking" (German first; `en` must have the same keys). */
export const de = {} as const;
export const en: Record<keyof typeof de, string> = {};
