import { PDFDocument, StandardFonts } from "pdf-lib";

/** A multi-page PDF made by the test with pdf-lib (not a checked-in binary): one array of lines per page. */
export async function makePdf(pages: string[][]): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = pdf.addPage([420, 595]);
    lines.forEach((line, i) => page.drawText(line, { x: 40, y: 540 - i * 18, size: 11, font }));
  }
  return pdf.save();
}
