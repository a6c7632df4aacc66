import { DocumentTemplates } from '../../documents';
import { documentBlocks } from './document-blocks';

describe('documentBlocks', () => {
  it('reads the parts of an official document in order, by their role', () => {
    const blocks = documentBlocks(`<!DOCTYPE html><html><head><title>标题</title>
      <style>p { color: red }</style></head><body><article class="document">
      <header class="doc-header"><p class="organ-mark">示范区人大常委会文件</p>
      <p class="doc-number">示人常交〔2026〕3号</p><hr class="red-rule"></header>
      <h1 class="title">关于交办代表建议的通知</h1>
      <p class="recipients">区教育局：</p>
      <section class="body"><p>现将  建议
        交由你单位办理。</p><h2>一、办理期限</h2><h3>（一）主办</h3>
      <p style="text-indent: 0">抄送：代表工委。</p></section>
      <footer class="signature"><p>示范区人大常委会</p><p>二〇二六年十二月七日</p></footer>
      </article></body></html>`);
    expect(
      blocks.map((b) => (b.kind === 'paragraph' ? [b.role, b.runs[0]?.text] : [b.kind])),
    ).toEqual([
      ['organMark', '示范区人大常委会文件'],
      ['docNumber', '示人常交〔2026〕3号'],
      ['rule'],
      ['title', '关于交办代表建议的通知'],
      ['flush', '区教育局：'],
      ['body', '现将 建议 交由你单位办理。'],
      ['heading', '一、办理期限'],
      ['subheading', '（一）主办'],
      ['flush', '抄送：代表工委。'],
      ['signature', '示范区人大常委会'],
      ['signature', '二〇二六年十二月七日'],
    ]);
  });

  it('keeps entities decoded as text, full-width spaces, bold runs and line breaks', () => {
    const [block] = documentBlocks(
      '<p>&lt;script&gt;1&amp;2　　<strong>重点</strong><br>第二行</p>',
    );
    expect(block).toEqual({
      kind: 'paragraph',
      role: 'body',
      runs: [
        { text: '<script>1&2　　' },
        { text: '重点', bold: true },
        { text: '第二行', breakBefore: true },
      ],
    });
  });

  it('reads tables with header rows, and a page break before a later section', () => {
    const blocks = documentBlocks(`<article><p>清单如下。</p></article>
      <article class="document page-break"><table><thead><tr><th>序号</th><th>问题</th></tr></thead>
      <tbody><tr><td>1</td><td>学位<b>紧张</b></td></tr></tbody></table></article>`);
    expect(blocks[1]).toEqual({
      kind: 'table',
      pageBreakBefore: true,
      rows: [
        { header: true, cells: [[{ text: '序号' }], [{ text: '问题' }]] },
        {
          header: false,
          cells: [[{ text: '1' }], [{ text: '学位' }, { text: '紧张', bold: true }]],
        },
      ],
    });
  });

  it('reads every library template without losing its text', () => {
    const templates = new DocumentTemplates();
    const html = templates.render('assignment-notice', {
      title: '关于交办第12号代表建议的通知',
      number: '示人常交〔2026〕12号',
      organ: '示范区人民代表大会常务委员会',
      date: '2026-12-07T00:00:00Z',
      vars: {
        leadUnit: '区教育局',
        coUnits: ['区住建局'],
        suggestionNo: 12,
        title: '关于修缮学校围墙的建议',
        leadDeputy: '吴丽娟',
        suggestion: '第一段。\n第二段。',
        assignedOn: '2026-12-07',
        replyDueDate: '2027-03-07',
      },
      params: {},
      instance: { id: 'i1', processKey: 'suggestion-handling' },
    });
    const text = documentBlocks(html)
      .flatMap((b) => (b.kind === 'paragraph' ? b.runs.map((r) => r.text) : []))
      .join('');
    expect(text).toContain('示范区人民代表大会常务委员会文件');
    expect(text).toContain('区教育局、区住建局：');
    expect(text).toContain('《关于修缮学校围墙的建议》交由区教育局主办');
    expect(text).toContain('第二段。');
    expect(text).not.toContain('@page');
  });
});

it('keeps the full-width spaces that align a list of attachments', () => {
  const blocks = documentBlocks(
    '<section class="attachments"><p>附件：1.照片.jpg</p>\n<p>　　　2.说明.pdf</p></section>',
  );
  expect(blocks.map((b) => b.kind === 'paragraph' && b.runs[0]!.text)).toEqual([
    '附件：1.照片.jpg',
    '　　　2.说明.pdf',
  ]);
});
