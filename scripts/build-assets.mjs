// The browser's bundled scripts, built by `npm ci` (build-dist.mjs calls this; also runnable
// alone: `node scripts/build-assets.mjs`). The dashboard's script is only its PNG/SVG downloads
// (src/server/assets/dashboard-entry.js, a few KB minified): its charts are drawn on the server
// (src/app/views/render-chart-svg.ts), so no chart library goes to the browser. The output goes to dist-assets/ (outside src/ and dist/,
// which build-dist.mjs rebuilds from scratch) with gzip and brotli copies the server sends to
// browsers that accept them. Each file is written under a temporary name and renamed, so two
// builds at once (tests in parallel) never leave a half-written file. Plain JavaScript, so it
// runs before anything is compiled.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('../', import.meta.url));
export const ASSETS_OUT = `${root}dist-assets`;

const BUNDLES = { 'dashboard.js': 'src/server/assets/dashboard-entry.js' };

function writeAtomically(path, bytes) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path);
}

/** Output bytes per source file or package folder, largest first. */
function contributions(metafile) {
  const groups = {};
  for (const output of Object.values(metafile.outputs)) {
    for (const [path, input] of Object.entries(output.inputs)) {
      const part = /node_modules\/((?:echarts|zrender)\/(?:lib\/)?[^/]+(?:\/[^/.]+)?)/.exec(path);
      const key = part ? part[1].replace('/lib/', '/') : path;
      groups[key] = (groups[key] ?? 0) + input.bytesInOutput;
    }
  }
  return Object.entries(groups).sort((a, b) => b[1] - a[1]);
}

/**
 * Builds every bundle with their compressed copies; returns the sizes written (and, with
 * `analyze`, each source folder's share of the minified bytes).
 */
export async function buildAssets(esbuild, { analyze = false } = {}) {
  mkdirSync(ASSETS_OUT, { recursive: true });
  const sizes = {};
  for (const [name, entry] of Object.entries(BUNDLES)) {
    const result = await esbuild.build({
      absWorkingDir: root,
      entryPoints: [entry],
      bundle: true,
      minify: true,
      format: 'iife',
      target: 'es2020',
      // Whatever a bundled package checks for development: `process` does not exist in a browser.
      define: { 'process.env.NODE_ENV': '"production"' },
      legalComments: 'none',
      charset: 'utf8',
      write: false,
      metafile: analyze,
      logLevel: 'warning',
    });
    const bytes = result.outputFiles[0].contents;
    const gzip = gzipSync(bytes, { level: 9 });
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    });
    writeAtomically(`${ASSETS_OUT}/${name}`, bytes);
    writeAtomically(`${ASSETS_OUT}/${name}.gz`, gzip);
    writeAtomically(`${ASSETS_OUT}/${name}.br`, brotli);
    sizes[name] = { raw: bytes.length, gzip: gzip.length, brotli: brotli.length };
    if (analyze) sizes[name].parts = contributions(result.metafile);
  }
  return sizes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = Date.now();
  // `--analyze`: which sources the bytes come from.
  const analyze = process.argv.includes('--analyze');
  const sizes = await buildAssets(await import('esbuild'), { analyze });
  for (const [name, s] of Object.entries(sizes)) {
    console.log(
      `dist-assets/${name}: ${s.raw} bytes (gzip ${s.gzip}, brotli ${s.brotli}) in ${Date.now() - started} ms`,
    );
    for (const [part, bytes] of s.parts ?? []) console.log(`${String(bytes).padStart(9)}  ${part}`);
  }
}
