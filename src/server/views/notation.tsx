// The report's notation moved to src/app/reports (the CLI renders reports too).
export * from '../../app/reports/notation.tsx';
