/**
 * The longest line `sousei figures` reads. A result sentence is a few hundred characters (the
 * sample's longest activity text about 600); the reader's work grows with the square of a line's
 * length at worst (brackets are found by a scan per figure), so a bound keeps a hostile line cheap.
 */
export const MAX_SENTENCE_CHARS = 10_000;
