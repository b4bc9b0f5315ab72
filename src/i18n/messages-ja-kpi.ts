/** Catalogue entries of the kpi pages; spread into messagesJa (one catalogue, several files). */
export const messagesJaKpi = {} as const;
