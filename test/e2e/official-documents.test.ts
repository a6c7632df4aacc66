import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { E2eBrowser, screenshot } from '../support/e2e-browser';
import { E2E_ARTIFACTS_DIR } from '../support/e2e-env';
import { suggestionAtUnit } from '../support/e2e-suggestion';

/**
 * The unit handling a suggestion downloads its 交办通知书 as PDF and as Word from the task page.
 * The PDF is the print view (A4, red header, Chinese text in an embedded font): it is turned
 * into a PNG under test-results/e2e/ to look at. A later download returns the stored bytes.
 */

const TITLE = `关于完善社区养老服务设施的建议（${Date.now().toString(36)}）`;
const NOTICE = `关于办理代表建议《${TITLE}》的通知`;

let browser: E2eBrowser;
beforeAll(async () => {
  browser = await E2eBrowser.launch();
});
afterAll(async () => {
  await browser?.close();
});

const pdftotext = (file: string) =>
  execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');

it('downloads the assignment notice as PDF and Word, and later the same PDF again', async () => {
  const unit = await suggestionAtUnit(browser, TITLE);
  await unit.getByRole('tab', { name: /文书与附件/ }).click();
  await unit.getByRole('link', { name: NOTICE, exact: true }).waitFor();
  await screenshot(unit, 'official-documents-on-task');

  const pdfDownload = unit.waitForEvent('download');
  await unit.getByRole('link', { name: `下载 PDF ${NOTICE}` }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`${NOTICE}.pdf`);
  const pdfPath = join(E2E_ARTIFACTS_DIR, 'official-document.pdf');
  await pdf.saveAs(pdfPath);
  const pdfBytes = readFileSync(pdfPath);
  expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');

  // A4, its fonts embedded, the Chinese text readable back out of it
  const info = execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' });
  expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
  const fonts = execFileSync('pdffonts', [pdfPath], { encoding: 'utf8' });
  expect(fonts.split('\n').slice(2).filter(Boolean).length).toBeGreaterThan(0);
  expect(fonts).not.toMatch(/\bno\s+no\s+no\b/); // nothing unembedded
  const text = pdftotext(pdfPath);
  expect(text).toContain('示范区人民代表大会常务委员会文件');
  expect(text).toContain('示范区人大常委会代建交〔2026〕218号');
  expect(text).toContain(NOTICE.replace(/\s+/g, ''));
  expect(text).toContain('交由区教育局主办');
  // the first page as a picture, to look at: red header, title, body in the A4 layout
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    '1',
    '-l',
    '1',
    '-singlefile',
    pdfPath,
    join(E2E_ARTIFACTS_DIR, 'official-document-page1'),
  ]);

  const wordDownload = unit.waitForEvent('download');
  await unit.getByRole('link', { name: `下载 Word ${NOTICE}` }).click();
  const word = await wordDownload;
  expect(word.suggestedFilename()).toBe(`${NOTICE}.docx`);
  const wordPath = join(E2E_ARTIFACTS_DIR, 'official-document.docx');
  await word.saveAs(wordPath);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(wordPath)))['word/document.xml']!);
  expect(xml).toContain(TITLE);
  expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');

  // what was sent is what is shown later: the stored bytes, not a new print
  const href = await unit.getByRole('link', { name: `下载 PDF ${NOTICE}` }).getAttribute('href');
  const again = await unit.request.get(href!);
  expect(again.status()).toBe(200);
  expect(Buffer.compare(await again.body(), pdfBytes)).toBe(0);
});
