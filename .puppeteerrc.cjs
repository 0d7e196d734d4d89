/** Puppeteer never downloads a browser here: tests use Debian's Chromium (CHROME_PATH overrides). */
module.exports = { skipDownload: true };
