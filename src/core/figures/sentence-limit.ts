/**
 * The longest line `sousei figures` reads. A result sentence is a few hundred characters (the
 * sample's longest activity text about 600): a longer line is no sentence, and the bound keeps
 * what a hostile input costs small even where a rule is not strictly linear.
 */
export const MAX_SENTENCE_CHARS = 10_000;
