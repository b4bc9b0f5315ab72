import { NO_VALUE_MARK } from '../../core/no-value.ts';
import { t } from '../../i18n/translate.ts';
import { ScrollBox } from '../views/scroll-box.tsx';
import type { ApiOperation, ApiResponse, JsonSchema } from './api-operation-parts.ts';
import { API_OPERATIONS } from './api-operations.ts';
import { componentName } from './openapi.ts';

/**
 * The API's human-readable page, rendered on the server from the same operation table and
 * schemas as /api/openapi.json: no Swagger UI to download, no script, no inline style.
 */

const AUTH_LABELS: Record<ApiOperation['auth'], string> = {
  none: '不要',
  optional: '任意（なしなら公表済みの年度だけ）',
  required: '必要（Authorization: Bearer トークン）',
};

const IN_LABELS = { path: 'パス', query: 'クエリー', header: 'ヘッダー' } as const;

const anchor = (name: string) => `schema-${name}`;

/** A JSON Schema's type in a few words: `string | null`, `ProjectItem[]`, `"submit" | …`. */
export function typeText(schema: JsonSchema | undefined): string {
  if (!schema) return NO_VALUE_MARK;
  const ref = schema.$ref;
  if (typeof ref === 'string') return ref.replace('#/components/schemas/', '');
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return union.map(typeText).join(' | ');
  const type = schema.type;
  if (Array.isArray(type)) return type.join(' | ');
  if (type === 'array') return `${typeText(schema.items as JsonSchema)}[]`;
  if (type === 'object' && schema.additionalProperties && !schema.properties) {
    return `{ [項目]: ${typeText(schema.additionalProperties as JsonSchema)} }`;
  }
  return typeof type === 'string' ? type : 'any';
}

/**
 * A path that may break after each `/` (and nowhere else in a segment, unless a segment alone is
 * wider than its column): on a phone the list of operations then fits the screen, every column in
 * sight, instead of a column of unbroken paths pushing the others out of the box.
 */
function BreakablePath(props: { path: string }) {
  const segments = props.path.split('/');
  return (
    <>
      {segments.map((segment, i) => (
        <>
          {segment}
          {i < segments.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </>
      ))}
    </>
  );
}

function Json(props: { value: unknown; label: string }) {
  return (
    <ScrollBox pre label={props.label}>
      <code>{JSON.stringify(props.value, null, 2)}</code>
    </ScrollBox>
  );
}

function Fields(props: { schema: JsonSchema; caption: string }) {
  const properties = (props.schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((props.schema.required ?? []) as string[]);
  const names = Object.keys(properties);
  if (names.length === 0) return <p>{typeText(props.schema)}</p>;
  return (
    <ScrollBox label={props.caption}>
      <table>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">項目</th>
            <th scope="col">型</th>
            <th scope="col">必須</th>
            <th scope="col">説明</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const p = properties[name] ?? {};
            const type = typeText(p);
            const linked = typeof p.$ref === 'string' || (p.items as JsonSchema)?.$ref;
            return (
              <tr>
                <td>
                  <code>{name}</code>
                </td>
                <td>
                  {linked ? (
                    <a href={`#${anchor(type.replace(/\[\]$/, ''))}`}>
                      <code>{type}</code>
                    </a>
                  ) : (
                    <code>{type}</code>
                  )}
                </td>
                <td>{required.has(name) ? '必須' : NO_VALUE_MARK}</td>
                <td>{typeof p.description === 'string' ? p.description : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function Parameters(props: { op: ApiOperation }) {
  if (props.op.parameters.length === 0) return null;
  return (
    <ScrollBox label={t('layout.box.api-parameters', { operation: props.op.operationId })}>
      <table>
        <caption>パラメーター</caption>
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">場所</th>
            <th scope="col">必須</th>
            <th scope="col">型</th>
            <th scope="col">説明</th>
            <th scope="col">例</th>
          </tr>
        </thead>
        <tbody>
          {props.op.parameters.map((p) => (
            <tr>
              <td>
                <code>{p.name}</code>
              </td>
              <td>{IN_LABELS[p.in]}</td>
              <td>{p.required ? '必須' : NO_VALUE_MARK}</td>
              <td>
                <code>{typeText(p.schema)}</code>
                {p.schema.default !== undefined ? `（既定 ${String(p.schema.default)}）` : ''}
              </td>
              <td>{p.description}</td>
              <td>{p.example === undefined ? '' : <code>{String(p.example)}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}

function bodyName(r: ApiResponse): string | null {
  return r.schema ? componentName(r.schema) : null;
}

function Responses(props: { op: ApiOperation }) {
  const entries = Object.entries(props.op.responses);
  return (
    <>
      <ScrollBox label={t('layout.box.api-responses', { operation: props.op.operationId })}>
        <table>
          <caption>応答</caption>
          <thead>
            <tr>
              <th scope="col">状態</th>
              <th scope="col">意味</th>
              <th scope="col">本文</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([status, r]) => {
              const name = bodyName(r);
              return (
                <tr>
                  <td>{status}</td>
                  <td>
                    {r.description}
                    {r.headers ? (
                      <>
                        <br />
                        ヘッダー: {Object.keys(r.headers).join('、')}
                      </>
                    ) : null}
                  </td>
                  <td>
                    {name ? (
                      <a href={`#${anchor(name)}`}>
                        <code>{name}</code>
                      </a>
                    ) : (
                      (r.mediaType ?? 'なし')
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollBox>
      {entries
        .filter(([, r]) => r.example !== undefined)
        .map(([status, r]) => (
          <details>
            <summary>
              {status} の例: {r.description}
            </summary>
            <Json value={r.example} label={`${props.op.operationId} の ${status} の例`} />
          </details>
        ))}
    </>
  );
}

function curlOf(op: ApiOperation): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = op.parameters.find((x) => x.name === name);
    return String(p?.example ?? name);
  });
  const lines = [`curl${op.method === 'get' ? '' : ` -X ${op.method.toUpperCase()}`}`];
  if (op.auth !== 'none') {
    lines.push(
      op.auth === 'required'
        ? '-H "Authorization: Bearer $SOUSEI_TOKEN"'
        : '-H "Authorization: Bearer $SOUSEI_TOKEN"  # 省略すると公表済みの年度だけ',
    );
  }
  if (op.requestBody) {
    lines.push('-H "Content-Type: application/json"');
    lines.push(`-d '${JSON.stringify(op.requestBody.example)}'`);
  }
  lines.push(`"http://localhost:3000${path}"`);
  return lines.join(' \\\n  ');
}

function Operation(props: { op: ApiOperation; schemas: Record<string, JsonSchema> }) {
  const { op } = props;
  const body = op.requestBody;
  const bodyName = body ? componentName(body.schema) : null;
  return (
    <section id={op.operationId} aria-labelledby={`${op.operationId}-title`}>
      <h3 id={`${op.operationId}-title`}>
        <code>
          {op.method.toUpperCase()} {op.path}
        </code>{' '}
        {op.summary}
      </h3>
      <p>{op.description}</p>
      <dl class="summary-list">
        <dt>トークン</dt>
        <dd>{AUTH_LABELS[op.auth]}</dd>
        <dt>operationId</dt>
        <dd>
          <code>{op.operationId}</code>
        </dd>
      </dl>
      <Parameters op={op} />
      {body && bodyName ? (
        <>
          <h4>本文（application/json、{bodyName}）</h4>
          <p>{body.description}</p>
          <Fields schema={props.schemas[bodyName] ?? {}} caption={`${bodyName} の項目`} />
          <p>例:</p>
          <Json value={body.example} label={`${op.operationId} の本文の例`} />
        </>
      ) : null}
      <h4>応答</h4>
      <Responses op={op} />
      <details>
        <summary>curl の例</summary>
        <ScrollBox pre label={t('layout.box.api-curl', { operation: op.operationId })}>
          <code>{curlOf(op)}</code>
        </ScrollBox>
      </details>
    </section>
  );
}

export function ApiDocsPage(props: { document: Record<string, unknown> }) {
  const components = props.document.components as { schemas: Record<string, JsonSchema> };
  const schemas = components.schemas;
  const tags = [...new Set(API_OPERATIONS.map((op) => op.tag))];
  return (
    <>
      <h1>API の説明</h1>
      <p class="lead">
        計画と進捗（予算・決算・取組の結果・KPI）を JSON で読み書きする API
        です。機械が読める形の説明は{' '}
        <a href="/api/openapi.json">OpenAPI 3.1 の文書（/api/openapi.json）</a> にあります。
      </p>
      <h2>使い方</h2>
      <ul>
        <li>
          読み取り（<code>GET /api/v1/…</code>
          ）はトークンなしで使えます。そのときは公表済みの年度だけが見えます。
        </li>
        <li>
          書き込みと、自分の団体の公表前の年度の読み取りには API トークンが必要です。ログインして{' '}
          <a href="/account/tokens">API トークン</a> の画面で作るか、運用者が{' '}
          <code>sousei token create --email メール --name 名前</code> で作ります。トークンは{' '}
          <code>Authorization: Bearer sousei_…</code> で送ります。Cookie では認証しません。
        </li>
        <li>トークンは作った利用者と同じ権限です（担当課は自分の課の事業だけ、など）。</li>
        <li>
          誤りは <code>{'{ "error": { "code": "…", "message": "…" } }'}</code> で返ります。
          <code>code</code> は変わらない誤りの種類で、HTTP
          の状態（400・401・403・404・409・422・500）と対応します。
        </li>
        <li>
          読み取りの応答には強い <code>ETag</code> が付きます。<code>If-None-Match</code>{' '}
          で送ると、変わっていなければ 304（本文なし）です。トークンなしの応答は{' '}
          <code>Cache-Control: public, max-age=60</code>、トークンありは{' '}
          <code>private, no-store</code> です。
        </li>
        <li>
          金額は計画の単位（<code>amountUnit</code>、室蘭市は千円）の数値です。<code>null</code>{' '}
          は記載なし（表の「-」）で、0 ではありません。
        </li>
        <li>
          例は同梱の室蘭市の令和2年度進捗表（<code>npm start</code> の見本。R2 公表済み、R3
          入力受付中）から取っています。
        </li>
      </ul>
      <ScrollBox label={t('layout.box.api-operations')}>
        <table class="api-operations">
          <caption>{t('layout.box.api-operations')}</caption>
          <thead>
            <tr>
              <th scope="col">操作</th>
              <th scope="col">説明</th>
              <th scope="col">トークン</th>
            </tr>
          </thead>
          <tbody>
            {API_OPERATIONS.map((op) => (
              <tr>
                <td>
                  <a href={`#${op.operationId}`}>
                    <code>
                      {op.method.toUpperCase()} <BreakablePath path={op.path} />
                    </code>
                  </a>
                </td>
                <td>{op.summary}</td>
                <td>{AUTH_LABELS[op.auth]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      {tags.map((tag) => (
        <>
          <h2>{tag}</h2>
          {API_OPERATIONS.filter((op) => op.tag === tag).map((op) => (
            <Operation op={op} schemas={schemas} />
          ))}
        </>
      ))}
      <h2>型（スキーマ）</h2>
      {Object.entries(schemas).map(([name, schema]) => (
        <section id={anchor(name)} aria-labelledby={`${anchor(name)}-title`}>
          <h3 id={`${anchor(name)}-title`}>
            <code>{name}</code>
          </h3>
          {typeof schema.description === 'string' ? <p>{schema.description}</p> : null}
          <Fields schema={schema} caption={`${name} の項目`} />
        </section>
      ))}
    </>
  );
}
