import { z } from 'zod';

/**
 * Import settings: who the table belongs to and how it writes its marks. A table's conventions
 * belong to its import settings (domain notes), so they travel with the file as
 * `NAME.settings.json` beside `NAME.tsv`, or come from the command line.
 */
export const ImportSettingsSchema = z
  .object({
    municipality: z
      .object({ code: z.string(), name: z.string().min(1).optional() })
      .strict()
      .optional(),
    plan: z
      .object({ title: z.string().min(1).optional(), kind: z.string().min(1).optional() })
      .strict()
      .optional(),
    conventions: z
      .object({
        checkbox: z.string().min(1).optional(),
        resultMark: z.string().min(1).optional(),
        arrow: z.enum(['revision', 'target-actual']).optional(),
        revisionMark: z.string().min(1).optional(),
        yearSeparator: z.string().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type ImportSettings = z.infer<typeof ImportSettingsSchema>;
