/** Catalogue entries of the evaluation pages; spread into messagesJa (one catalogue, several files). */
export const messagesJaEvaluation = {} as const;
