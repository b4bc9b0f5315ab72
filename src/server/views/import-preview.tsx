import type { ImportPreview, PreviewProject } from '../../app/import/preview-import.ts';
import { formatAmount } from '../../core/money.ts';
import { formatFinding } from '../../i18n/format-finding.ts';
import { t } from '../../i18n/translate.ts';
import { ScrollBox } from './scroll-box.tsx';

const indent = (depth: number) => '　'.repeat(depth);

function Indicators(props: { project: PreviewProject }) {
  if (props.project.indicators.length === 0 && props.project.evaluations.length === 0) return null;
  return (
    <ul>
      {props.project.indicators.map((k) => (
        <li>
          {t('preview.indicator', {
            name: k.name,
            unit: k.unit,
            target: k.target ? `${k.target.value}（${k.target.fiscalYear}）` : t('preview.none'),
            actuals:
              k.actuals.map((a) => `${a.fiscalYear}: ${a.value}`).join('、') || t('preview.none'),
          })}
        </li>
      ))}
      {props.project.evaluations.map((e) => (
        <li>
          {t('preview.evaluation', {
            fiscalYear: e.fiscalYear,
            effect: e.effect ?? '-',
            policy: e.policy ?? '-',
          })}
        </li>
      ))}
    </ul>
  );
}

/**
 * What a mapped import would store, before anything is written: the summary, every finding,
 * and the tree's first projects level by level with their amounts per year in 千円.
 */
export function ImportPreviewView(props: { preview: ImportPreview }) {
  const p = props.preview;
  const errors = p.findings.filter((f) => f.severity === 'error');
  return (
    <section
      aria-labelledby="preview-heading"
      class={errors.length > 0 ? 'error-summary' : 'notice'}
      role={errors.length > 0 ? 'alert' : 'status'}
    >
      <h2 id="preview-heading">
        {errors.length > 0 ? t('import.invalid', { count: errors.length }) : t('preview.heading')}
      </h2>
      {p.summary ? (
        <ul>
          {Object.entries(p.summary).map(([key, value]) => (
            <li>
              {t(`preview.summary.${key}`)}:{' '}
              {Array.isArray(value)
                ? value.map((n, i) => `${p.levels[i] ?? i + 1} ${n}`).join('、')
                : String(value)}
            </li>
          ))}
        </ul>
      ) : null}
      {p.findings.length > 0 ? (
        <>
          <h3>{t('preview.findings', { count: p.findings.length })}</h3>
          <ul>
            {p.findings.map((f) => (
              <li>{formatFinding(f)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.checks.length > 0 ? (
        <>
          <h3>{t('preview.checks')}</h3>
          <ul>
            {p.checks.map((f) => (
              <li>{formatFinding(f)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.rows.length > 0 ? <PreviewTable preview={p} /> : null}
    </section>
  );
}

function PreviewTable(props: { preview: ImportPreview }) {
  const p = props.preview;
  return (
    <ScrollBox label={t('preview.caption', { shown: p.shownProjects, total: p.totalProjects })}>
      <table>
        <caption>
          {t('preview.caption', { shown: p.shownProjects, total: p.totalProjects })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('preview.level')}</th>
            <th scope="col">{t('preview.no')}</th>
            <th scope="col">{t('preview.name')}</th>
            <th scope="col">{t('preview.department')}</th>
            {p.fiscalYears.map((fy) => (
              <>
                <th scope="col">{t('preview.budget', { fiscalYear: fy })}</th>
                <th scope="col">{t('preview.settlement', { fiscalYear: fy })}</th>
              </>
            ))}
            <th scope="col">{t('preview.indicators')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((row) =>
            row.kind === 'node' ? (
              <tr>
                <th scope="row">{row.level}</th>
                <td>{row.code ?? ''}</td>
                <td colspan={3 + p.fiscalYears.length * 2}>
                  {indent(row.depth)}
                  {row.title}
                </td>
              </tr>
            ) : (
              <tr>
                <th scope="row">{p.levels.at(-1) ?? ''}</th>
                <td>{row.no}</td>
                <td>
                  {indent(row.depth)}
                  {row.name}
                </td>
                <td>{row.department ?? '-'}</td>
                {p.fiscalYears.map((fy) => (
                  <>
                    <td class="num">{formatAmount(row.amounts.get(fy)?.budget ?? null, '千円')}</td>
                    <td class="num">
                      {formatAmount(row.amounts.get(fy)?.settlement ?? null, '千円')}
                    </td>
                  </>
                ))}
                <td>
                  <Indicators project={row} />
                </td>
              </tr>
            ),
          )}
        </tbody>
      </table>
    </ScrollBox>
  );
}
