// The `prepare` script (run by `npm ci` itself): compiles src/ to dist/ with esbuild, which tsx
// brings along, so the CLI starts without transpiling its import graph at every run (issue 10:
// 12–15 s of start-up under load). One file per source file, the tree kept (dist/app/… beside
// dist/cli/…) so paths relative to a module (samples/, server/assets/) resolve as they do from
// src/. Nothing is downloaded; without esbuild the build is skipped and bin/sousei.js runs the
// sources through tsx. Plain JavaScript, so it runs before anything is compiled.
import { cpSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAssets } from './build-assets.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const src = `${root}src`;
// `--out DIR` (tests) builds elsewhere; DIR must sit directly in the project, as dist/ does.
const outArg = process.argv.indexOf('--out');
const out = outArg === -1 ? `${root}dist` : `${root}${process.argv[outArg + 1]}`;

let esbuild;
try {
  esbuild = await import('esbuild');
} catch {
  console.warn('esbuild is not installed: the CLI will run the TypeScript sources through tsx.');
  process.exit(0);
}

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Packages of hundreds of small modules (kysely: 263, zod: 95, exceljs: CommonJS files by the
 * hundred) cost more to resolve and load than to run: each is bundled once into dist/vendor/.
 */
const VENDORED = ['kysely', 'zod', 'exceljs'];
const vendorFile = (name) => `${out}/vendor/${name}.js`;

/** Every import stays an import: relative ones renamed to the compiled .js, vendored ones redirected. */
const keepImports = {
  name: 'keep-imports',
  setup(build) {
    build.onResolve({ filter: /.*/ }, (args) => {
      if (args.kind === 'entry-point') return undefined;
      if (VENDORED.includes(args.path)) {
        const from = dirname(`${out}${args.importer.slice(src.length).replace(/\.tsx?$/, '.js')}`);
        return {
          path: `./${relative(from, vendorFile(args.path))}`.replace(/^\.\/\.\./, '..'),
          external: true,
        };
      }
      const path = /^\.\.?\//.test(args.path) ? args.path.replace(/\.tsx?$/, '.js') : args.path;
      return { path, external: true };
    });
  },
};

const started = Date.now();
rmSync(out, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: sources(src),
  outbase: src,
  outdir: out,
  bundle: true,
  plugins: [keepImports],
  format: 'esm',
  platform: 'node',
  target: 'node20',
  tsconfig: `${root}tsconfig.json`,
  charset: 'utf8',
  logLevel: 'warning',
});
// A CommonJS package bundled as ESM still calls require() for Node's own modules.
const requireShim =
  "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);";
await esbuild.build({
  absWorkingDir: root,
  entryPoints: Object.fromEntries(VENDORED.map((name) => [name, name])),
  outdir: `${out}/vendor`,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  banner: { js: requireShim },
  charset: 'utf8',
  logLevel: 'warning',
});
cpSync(`${src}/server/assets`, `${out}/server/assets`, { recursive: true });
// The browser's bundles (the dashboard's charts): dist-assets/, beside dist/.
await buildAssets(esbuild);
// bin/sousei.js runs dist/ only while no source is newer than this stamp.
writeFileSync(`${out}/.built`, `${new Date(started).toISOString()}\n`);
console.log(`dist/ built from src/ in ${Date.now() - started} ms`);
