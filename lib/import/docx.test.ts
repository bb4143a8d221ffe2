import { Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { parseDocx } from './docx';
import { fixture } from './testing';

async function docxOf(children: Array<Paragraph | Table>): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}
const cells = (...texts: string[]) => new TableRow({ children: texts.map((t) => new TableCell({ children: [new Paragraph(t)] })) });

describe('parseDocx', () => {
  it('reads the fixture: heading dropped, preamble, "Speaker | text" table, paragraphs, soft breaks', async () => {
    expect(await parseDocx(fixture('semey-table.docx'), 'semey-table.docx')).toEqual([
      { speaker: null, text: 'Расшифровка аудиозаписи. Участники обозначены кодами.' },
      { speaker: 'Модератор', text: 'Как бы вы хотели участвовать в принятии политических решений?' },
      { speaker: 'Р1', text: 'Через общественные слушания в акимате, если бы их объявляли заранее.' },
      { speaker: 'Р2', text: 'Онлайн-голосование на eGov по местным вопросам. И чтобы результаты публиковали.' },
      { speaker: 'Р3', text: 'Мен өз пікірімді Instagram-да жазамын, әкімдік оқиды.' },
      { speaker: 'Модератор', text: 'Спасибо, переходим к следующему вопросу.' },
      { speaker: 'Р1', text: 'Можно добавить?' },
      { speaker: 'Р2', text: 'Мен сайлауға барамын.' },
    ]);
  });

  it('reads three-column tables (time | speaker | text) and one-off names in tables', async () => {
    const bytes = await docxOf([
      new Table({
        rows: [
          cells('Время', 'Спикер', 'Текст'),
          cells('00:01:05', 'Айгерим', 'Пишу в e-Otinish.'),
          cells('[00:01:30]', 'Модератор:', 'А результат?'),
          cells('00:02:00', 'Айгерим', 'Ответили через месяц.'),
        ],
      }),
    ]);
    expect(await parseDocx(bytes, 't.docx')).toEqual([
      { speaker: 'Айгерим', text: 'Пишу в e-Otinish.', timestamp: '00:01:05' },
      { speaker: 'Модератор', text: 'А результат?', timestamp: '00:01:30' },
      { speaker: 'Айгерим', text: 'Ответили через месяц.', timestamp: '00:02:00' },
    ]);
  });

  it('reads a table row whose first cell is not a label as text', async () => {
    const bytes = await docxOf([
      new Paragraph('P1: Начало.'),
      new Table({ rows: [cells('Город, дата', 'Актау, 14.11.2024')] }),
      new Paragraph('P2: Да.'),
    ]);
    expect(await parseDocx(bytes, 't.docx')).toEqual([
      { speaker: 'P1', text: 'Начало. Город, дата Актау, 14.11.2024' },
      { speaker: 'P2', text: 'Да.' },
    ]);
  });

  it('finds labels in paragraphs with bold runs and timestamps, and ends turns at headings', async () => {
    const bytes = await docxOf([
      new Paragraph({ text: 'Блок 1', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('[00:00:10] '), new TextRun({ text: 'Қатысушы 3:', bold: true }), new TextRun(' Иә.')] }),
      new Paragraph({ text: 'Блок 2', heading: HeadingLevel.HEADING_2 }),
      new Paragraph('Заметка без говорящего.'),
    ]);
    expect(await parseDocx(bytes, 't.docx')).toEqual([
      { speaker: 'Қатысушы 3', text: 'Иә.', timestamp: '00:00:10' },
      { speaker: null, text: 'Заметка без говорящего.' },
    ]);
  });

  it('rejects a corrupt .docx, a zip that is not a Word document, and an empty one', async () => {
    await expect(parseDocx(strToU8('not a zip at all'), 'bad.docx')).rejects.toThrow('bad.docx: is not a valid .docx file (not a zip archive)');
    await expect(parseDocx(zipSync({ 'hello.txt': strToU8('hi') }), 'zip.docx')).rejects.toThrow('zip.docx: is not a Word document');
    const broken = zipSync({ 'word/document.xml': strToU8('<w:document><unclosed') });
    await expect(parseDocx(broken, 'broken.docx')).rejects.toThrow(/^broken\.docx: is not a valid \.docx file/);
    await expect(parseDocx(await docxOf([new Paragraph('')]), 'empty.docx')).rejects.toThrow('empty.docx: contains no text');
  });
});
