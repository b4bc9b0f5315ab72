import { z } from 'zod';

/**
 * A column mapping: how to read any city's workbook or CSV (one row per project, hundreds of
 * columns, headers with line breaks and furigana rows, numbers as text, merged header cells)
 * into a plan. docs/mapping.md explains every field with worked examples; version 2 (design:
 * mapping v2) adds optional fields only, so version 1 files read unchanged.
 *
 * A column is named by its letter (`"H"`, or `{ "letter": "H" }` to carry options), by its header
 * text (`{ "header": "R2決算" }`, matched after NFKC and removing spaces and line breaks) or by a
 * part of it (`{ "contains": "決算" }`). Several matching columns are an error unless `nth` picks
 * one or `under` keeps those under one block label of the upper header row.
 */
const CellOptions = {
  /** "empty": an unreadable cell is stored as no value with a warning instead of an error. */
  onUnreadable: z.enum(['error', 'empty']).optional(),
  /** A value map applied to the cell's text (keys compared normalised). */
  values: z.record(z.string(), z.string()).optional(),
};
const Pick = {
  /** 1-based: the Nth of several matching columns, left to right. */
  nth: z.number().int().min(1).optional(),
  /** Only columns whose upper header rows contain this block label (令和4年度). */
  under: z.string().min(1).optional(),
};
const Letter = z.string().regex(/^[A-Z]{1,3}$/, 'a column letter such as "H" or "AB"');
const ColumnRef = z.union([
  Letter,
  z.object({ letter: Letter, ...CellOptions }).strict(),
  z.object({ header: z.string().min(1), ...Pick, ...CellOptions }).strict(),
  z.object({ contains: z.string().min(1), ...Pick, ...CellOptions }).strict(),
]);
export type ColumnRef = z.infer<typeof ColumnRef>;

/** One column, or the sum of several (a year's cost by funding source: 国庫支出金 + 県支出金 + …). */
const Amount = z.union([ColumnRef, z.object({ sum: z.array(ColumnRef).min(1) }).strict()]);
export type AmountRef = z.infer<typeof Amount>;

const FiscalYearKey = z.string().regex(/^\d{4}$/, 'a fiscal year such as "2020"');

export const MappingSchema = z
  .object({
    format: z.literal('sousei-mapping'),
    version: z.union([z.literal(1), z.literal(2)]),
    /** Sheet name, or 1-based position; ignored for CSV. */
    sheet: z.union([z.string().min(1), z.number().int().min(1)]).default(1),
    /** 1-based rows whose texts, joined top to bottom, are each column's header. */
    headerRows: z.array(z.number().int().min(1)).min(1),
    /** 1-based first row of data (after any furigana or unit rows). */
    dataStartRow: z.number().int().min(1),
    /** Rows where this column is empty are skipped (totals, notes, blank lines). */
    requiredColumn: ColumnRef.optional(),
    plan: z
      .object({
        title: z.string().min(1).optional(),
        kind: z.string().min(1).default('総合計画'),
        levels: z.array(z.string().min(1)).min(2),
        firstFiscalYear: z.number().int(),
        lastFiscalYear: z.number().int(),
      })
      .strict(),
    amountUnit: z.enum(['円', '千円', '百万円']).default('千円'),
    /** Cell texts meaning "no value" besides the dashes every importer knows (core/no-value). */
    emptyTokens: z.array(z.string()).default([]),
    /** An amount with a fraction of a yen after unit conversion: refused, or rounded exactly. */
    rounding: z.enum(['error', 'round', 'floor', 'ceil']).default('error'),
    columns: z
      .object({
        /**
         * One column per tree level above the projects, or its name and code columns: rows are
         * grouped by code (else by name) under their parent wherever they are in the file.
         */
        levels: z
          .array(z.union([ColumnRef, z.object({ name: ColumnRef, code: ColumnRef }).strict()]))
          .min(1),
        projectNo: ColumnRef,
        projectName: ColumnRef,
        department: ColumnRef.optional(),
        notes: ColumnRef.optional(),
      })
      .strict(),
    finances: z
      .array(
        z
          .object({
            fiscalYear: z.number().int(),
            budget: Amount.optional(),
            settlement: Amount.optional(),
          })
          .strict(),
      )
      .default([]),
    indicators: z
      .array(
        z
          .object({
            /** The indicator's name: a column, or a fixed text. */
            name: z.union([ColumnRef, z.object({ text: z.string().min(1) }).strict()]),
            unit: z.union([ColumnRef, z.object({ text: z.string().min(1) }).strict()]),
            direction: z.enum(['higher', 'lower']).default('higher'),
            kind: z.enum(['annual', 'cumulative']).default('annual'),
            targets: z.record(FiscalYearKey, ColumnRef).default({}),
            actuals: z.record(FiscalYearKey, ColumnRef).default({}),
            /** The final target's year (default: the last target year). */
            targetFiscalYear: z.number().int().optional(),
            /** 活動指標 or 成果指標: fixed, or a column read as 活動/成果/アウトプット/アウトカム. */
            category: z.union([z.enum(['activity', 'outcome']), ColumnRef]).optional(),
          })
          .strict(),
      )
      .default([]),
    evaluation: z
      .object({
        fiscalYear: z.number().int(),
        effect: ColumnRef.optional(),
        policy: ColumnRef.optional(),
        comment: ColumnRef.optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
  .refine((m) => m.plan.levels.length === m.columns.levels.length + 1, {
    message:
      'plan.levels names every level column and then the projects (one more than columns.levels)',
    path: ['plan', 'levels'],
  });

export type Mapping = z.infer<typeof MappingSchema>;
export type LevelRef = Mapping['columns']['levels'][number];
