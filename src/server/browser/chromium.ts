// Chromium moved to src/app/reports (the PDF report is rendered there, for the CLI too).
export * from '../../app/reports/chromium.ts';
