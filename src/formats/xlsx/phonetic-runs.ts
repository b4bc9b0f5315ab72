import { createRequire } from 'node:module';

/**
 * Makes exceljs ignore furigana. Excel stores the reading typed with a Japanese IME as phonetic
 * runs after a string's text: `<si><t>政策名</t><rPh sb="0" eb="2"><t>セイサク</t></rPh>…</si>`.
 * exceljs 4.4 reads them as text: its streaming reader keeps the last <t> (政策名 → メイ), its
 * cell parser appends an inline string's reading or drops the whole row, so headers and data
 * cells came out as their furigana. The reading is never part of a cell's value.
 *
 * Every XML part exceljs reads, whole-workbook (`xlsx.load`) or streamed (`WorkbookReader`),
 * shared strings and worksheets alike, goes through one SAX parser (saxes, via exceljs's
 * utils/parse-sax.js, which registers its handlers with `on`). Wrapping `on` of exceljs's own
 * saxes there, once, hides every <rPh> element and what it holds from every exceljs reader;
 * <phoneticPr> (the reading's settings, no text) is left alone. Importing this module applies it.
 */
interface SaxTag {
  name: string;
}
type Handler = (value: unknown) => void;
interface SaxesPrototype {
  on(this: object, name: string, handler: Handler): void;
  __souseiIgnoresPhoneticRuns?: boolean;
}

const isPhoneticRun = (tag: SaxTag) => tag.name === 'rPh' || tag.name.endsWith(':rPh');

function ignorePhoneticRuns(prototype: SaxesPrototype): void {
  if (prototype.__souseiIgnoresPhoneticRuns) return;
  prototype.__souseiIgnoresPhoneticRuns = true;
  const on = prototype.on;
  // How deep each parser is inside a phonetic run (0: outside); one parser reads one XML part.
  const depth = new WeakMap<object, number>();
  prototype.on = function (name, handler) {
    const inside = () => (depth.get(this) ?? 0) > 0;
    const wrapped: Handler = (() => {
      switch (name) {
        case 'opentag':
          return (tag) => {
            if (!inside() && !isPhoneticRun(tag as SaxTag)) return handler(tag);
            depth.set(this, (depth.get(this) ?? 0) + 1);
          };
        case 'closetag':
          return (tag) => {
            if (!inside()) return handler(tag);
            depth.set(this, (depth.get(this) ?? 0) - 1);
          };
        case 'text':
          return (text) => {
            if (!inside()) handler(text);
          };
        default:
          return handler;
      }
    })();
    on.call(this, name, wrapped);
  };
}

const fromExceljs = createRequire(createRequire(import.meta.url).resolve('exceljs'));
ignorePhoneticRuns(
  (fromExceljs('saxes') as { SaxesParser: { prototype: SaxesPrototype } }).SaxesParser.prototype,
);
