// Allure 3 configuration (the npm `allure` package; no Java). `npm run report` (scripts/allure-report.ts)
// sets the variables below; `npx allure generate <results dir>` reads this file too.
//   ALLURE_OUTPUT        where the report goes (default allure-report)
//   ALLURE_HISTORY_PATH  the history file (JSON lines) read and extended by this run: trends, flaky rules
//   ALLURE_HISTORY_LIMIT runs kept in the history (default 30)
export default {
  name: process.env.ALLURE_REPORT_NAME || 'Session conformance',
  output: process.env.ALLURE_OUTPUT || 'allure-report',
  ...(process.env.ALLURE_HISTORY_PATH ? { historyPath: process.env.ALLURE_HISTORY_PATH } : {}),
  historyLimit: Number(process.env.ALLURE_HISTORY_LIMIT || 30),
  plugins: {
    awesome: {
      options: {
        // One HTML file that opens from disk (a CI artifact, a mail attachment), no server needed.
        singleFile: true,
        reportLanguage: 'en',
        // provider › operation › rule (allure-playwright's epic / feature / story labels).
        groupBy: ['epic', 'feature', 'story'],
      },
    },
  },
};
