/**
 * The name an imported file is remembered by (import history, the KPI actuals' 出典): its name
 * alone. The CLI is given a path on the server, and a browser may send one (C:\Users\…): where
 * a file was is nobody's business on a published page or in an open-data export.
 */
export function storedFileName(fileName: string): string {
  return fileName.split(/[\\/]/).at(-1) || fileName;
}
