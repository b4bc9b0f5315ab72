// The report's formatting moved to src/app/reports (the CLI renders reports too).
export * from '../../app/reports/format.ts';
