/**
 * Converts the full-width ASCII variants (U+FF01–U+FF5E, e.g. 'Ｒ３．３１') to ASCII and the
 * ideographic space (U+3000) to ' ', so that values typed with a Japanese IME parse like ASCII.
 *
 * Deliberately not `normalize('NFKC')`: NFKC also rewrites '…' to '...', '①' to '1', '㈱' to
 * '(株)' and half-width katakana, which would change text the user meant.
 */
export function toHalfWidth(text: string): string {
  // U+FF01..U+FF5E mirror U+0021..U+007E at a fixed offset of 0xFEE0 (Unicode Halfwidth and
  // Fullwidth Forms block).
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}
