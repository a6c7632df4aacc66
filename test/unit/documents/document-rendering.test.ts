import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  chineseDate,
  chineseNumber,
  type DocumentContext,
  DocumentTemplates,
} from '../../../server/src/documents';

const context = (
  vars: Record<string, unknown>,
  extra: Partial<DocumentContext> = {},
): DocumentContext => ({
  title: '关于做好代表建议办理工作的通知',
  number: '××人大常委会发〔2026〕3号',
  organ: '××区人民代表大会常务委员会',
  date: '2026-11-22T02:00:00Z',
  recipients: ['区人民政府办公室', '各承办单位'],
  vars,
  params: {},
  instance: { id: 'i-1', processKey: 'suggestion-handling' },
  ...extra,
});

describe('Chinese numerals for official documents', () => {
  it.each([
    [1, '一'],
    [10, '十'],
    [12, '十二'],
    [20, '二十'],
    [31, '三十一'],
    [100, '一百'],
    [105, '一百〇五'],
    [110, '一百一十'],
    [2026, '二千〇二十六'],
    [0, '〇'],
  ])('%i → %s', (n, text) => expect(chineseNumber(n)).toBe(text));

  it('writes dates the way 成文日期 is written, in local time', () => {
    expect(chineseDate('2026-11-22T02:00:00Z')).toBe('二〇二六年十一月二十二日');
    // 20:00 UTC is already the next day in Beijing
    expect(chineseDate('2026-01-09T20:00:00Z')).toBe('二〇二六年一月十日');
    expect(chineseDate('2030-10-01')).toBe('二〇三〇年十月一日');
    expect(chineseDate('not a date')).toBe('');
  });
});

describe('the document templates of the library', () => {
  const templates = new DocumentTemplates();

  it('renders the example notice as print-ready A4 HTML with the official-document parts', () => {
    const html = templates.render(
      'notice',
      context({
        subject: '代表建议办理',
        content: '第一段。\n第二段。',
        items: [
          { title: '提高认识', detail: '各单位要高度重视。' },
          { title: '按时办结', detail: '三个月内答复。' },
        ],
        deadline: '2026-12-31',
        contactName: '王某',
        contactPhone: '010-12345678',
        attachments: [{ name: '建议清单' }],
      }),
    );
    expect(html).toContain('<!DOCTYPE html>');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('<title>关于做好代表建议办理工作的通知</title>');
    expect(html).toContain('<p class="organ-mark">××区人民代表大会常务委员会文件</p>');
    expect(html).toContain('<p class="doc-number">××人大常委会发〔2026〕3号</p>');
    expect(html).toContain('<p class="recipients">区人民政府办公室、各承办单位：</p>');
    expect(html).toContain('<h2>一、提高认识</h2>');
    expect(html).toContain('<h2>二、按时办结</h2>');
    expect(html).toContain('<p>第一段。</p>\n<p>第二段。</p>');
    expect(html).toContain('请于二〇二六年十二月三十一日前办理完毕');
    expect(html).toContain('附件：1.建议清单');
    expect(html).toMatch(
      /<footer class="signature">\s*<p>××区人民代表大会常务委员会<\/p>\s*<p>二〇二六年十一月二十二日<\/p>/,
    );
  });

  it('escapes user input everywhere, including inside helpers', () => {
    const attack = '<script>alert("x")</script>';
    const html = templates.render(
      'notice',
      context(
        {
          subject: attack,
          content: `${attack}\n<img src=x onerror=alert(1)>`,
          items: [{ title: attack, detail: attack }],
        },
        { title: attack, recipients: attack, number: attack },
      ),
    );
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('<p>&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;</p>');
  });

  it('prints data as text, never as template, and reads only own properties', () => {
    const html = templates.render('notice', context({ subject: '{{organ}}', content: 'x' }));
    expect(html).toContain('为做好{{organ}}工作');
    const inherited = Object.create({ subject: '继承来的事由' }) as Record<string, unknown>;
    const warn = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(templates.render('notice', context(inherited))).not.toContain('继承来的事由');
    warn.mockRestore();
  });

  it('refuses a template that prints without escaping', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cf-docs-'));
    mkdirSync(join(folder, 'partials'));
    writeFileSync(join(folder, 'bad.hbs'), '<p>ok</p>\n<p>{{{vars.text}}}</p>');
    expect(() => new DocumentTemplates(folder)).toThrow(/bad\.hbs:2: 模板不能使用不转义输出/);
    writeFileSync(join(folder, 'bad.hbs'), '<p>{{& vars.text}}</p>');
    expect(() => new DocumentTemplates(folder)).toThrow('不转义输出');
  });

  it('refuses an unknown template key', () => {
    expect(() => templates.render('no-such-template', context({}))).toThrow(
      '公文模板 “no-such-template” 不存在',
    );
  });
});
