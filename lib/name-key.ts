/**
 * The key under which names that must be unique (categories, suppliers; location codes) are
 * compared: "Épicerie", "ÉPICERIE" and "E\u0301picerie" (the same word with a combining accent,
 * as macOS file names and some keyboards produce it) all share the key "épicerie".
 *
 * It is computed here, in JavaScript, and stored beside the name with a unique index on the
 * key, because neither engine can do it alike: SQLite's lower() folds ASCII only, and
 * PostgreSQL's depends on the database's locale; neither normalises to NFC portably.
 *
 * The fold: canonical decomposition, then lower, upper and lower case again, then NFC. Going
 * through upper case gives Unicode's full case folding for nearly every letter, where
 * toLowerCase() alone would not: "ß" and "ẞ" fold to "ss" (so "Straße" and "STRASSE" collide,
 * as a German reader expects), "ﬁ" to "fi", "ſ" to "s", the Kelvin sign to "k", "ǅ" to "ǆ".
 * Final sigma "ς" is folded to "σ" as case folding does (toLowerCase writes "ς" at a word's end).
 * The one knowing departure: dotless "ı" upper-cases to "I" and so collides with "i", which
 * full folding keeps apart; for shop names a collision too many is the safe side. It is not
 * NFKC: compatibility forms (full-width letters, superscripts) stay distinct, as the contract
 * asks for NFC. Zero-width and control characters never get this far: the text schemas
 * refuse them (lib/inventory/schema-parts.ts).
 */
export function nameKey(name: string): string {
  return name.normalize('NFD').toLowerCase().toUpperCase().toLowerCase().replaceAll('ς', 'σ').normalize('NFC');
}
