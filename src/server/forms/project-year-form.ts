import { z } from 'zod';
import type { ProjectYearForm } from '../../app/workflow/save-project-year.ts';
import { type FormBody, field } from '../form-body.ts';

/**
 * The entry form's fields, flat as HTML posts them: `budget`, `settlement`, `version`, and for
 * activity i and this year's entry j `a{i}_e{j}_kind|text|kpi`, a blank `a{i}_new_kind|text`
 * per activity, `new_activity_text|result`. Validated here, at the edge; the type the use case
 * takes is derived from the schema.
 */
const Kind = z.enum(['result', 'revision']);
const Count = z.coerce.number().int().min(0).max(500);

const EntrySchema = z.object({ kind: Kind, text: z.string().max(20_000), kpi: z.boolean() });

export const ProjectYearFormSchema = z.object({
  version: z.coerce.number().int().min(0),
  budget: z.string().max(100),
  settlement: z.string().max(100),
  activities: z.array(z.object({ entries: z.array(EntrySchema) })).max(500),
  newActivity: z
    .object({ text: z.string().max(20_000), result: z.string().max(20_000) })
    .nullable(),
});

export type ParsedProjectYearForm = z.infer<typeof ProjectYearFormSchema> & ProjectYearForm;

/** Reads the posted form; null when it was not made by our page (tampered or truncated). */
export function readProjectYearForm(body: FormBody): ParsedProjectYearForm | null {
  const activityCount = Count.safeParse(field(body, 'a_count'));
  if (!activityCount.success) return null;
  const activities = [];
  for (let i = 0; i < activityCount.data; i++) {
    const entryCount = Count.safeParse(field(body, `a${i}_e_count`));
    if (!entryCount.success) return null;
    const entries = [];
    for (let j = 0; j < entryCount.data; j++) {
      entries.push({
        kind: field(body, `a${i}_e${j}_kind`),
        text: field(body, `a${i}_e${j}_text`),
        kpi: field(body, `a${i}_e${j}_kpi`) === '1',
      });
    }
    const added = field(body, `a${i}_new_text`);
    if (added.trim() !== '') {
      entries.push({
        kind: field(body, `a${i}_new_kind`),
        text: added,
        kpi: field(body, `a${i}_new_kpi`) === '1',
      });
    }
    activities.push({ entries });
  }
  const newText = field(body, 'new_activity_text');
  const parsed = ProjectYearFormSchema.safeParse({
    version: field(body, 'version'),
    budget: field(body, 'budget'),
    settlement: field(body, 'settlement'),
    activities,
    newActivity: newText.trim()
      ? { text: newText, result: field(body, 'new_activity_result') }
      : null,
  });
  return parsed.success ? parsed.data : null;
}
