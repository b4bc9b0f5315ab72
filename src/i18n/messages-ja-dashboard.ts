/** Catalogue entries of the dashboard pages; spread into messagesJa (one catalogue, several files). */
export const messagesJaDashboard = {} as const;
