import { degrees, PDFDocument, StandardFonts } from "pdf-lib";

/** One piece of text on a page. `y` is the baseline measured from the page's top, as PdfLine reports it. */
export interface TextSpec {
  text: string;
  x: number;
  y: number;
  size?: number;
  bold?: boolean;
  /** Degrees counter-clockwise (90: reads bottom to top, like a repository's margin stamp). */
  rotate?: number;
}

export const A4: [number, number] = [595, 842];

export interface InfoSpec {
  title?: string;
  author?: string;
  created?: Date;
}

/** A PDF made by the test with pdf-lib (Helvetica and Helvetica-Bold), one array of text pieces per page. */
export async function makeLayoutPdf(pages: TextSpec[][], size: [number, number] = A4, info: InfoSpec = {}): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  if (info.title) pdf.setTitle(info.title);
  if (info.author) pdf.setAuthor(info.author);
  if (info.created) pdf.setCreationDate(info.created);
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const specs of pages) {
    const page = pdf.addPage(size);
    for (const spec of specs) {
      page.drawText(spec.text, {
        x: spec.x,
        y: size[1] - spec.y,
        size: spec.size ?? 10,
        font: spec.bold ? bold : regular,
        ...(spec.rotate ? { rotate: degrees(spec.rotate) } : {}),
      });
    }
  }
  return pdf.save();
}

/** Lines of running text, one per baseline from `top`, `leading` apart. */
export function column(lines: readonly string[], x: number, top: number, leading = 13, size = 10): TextSpec[] {
  return lines.map((text, i) => ({ text, x, y: top + i * leading, size }));
}

/** `count` distinct filler lines of about `chars` characters, so a column is full of justified-looking text. */
export function filler(count: number, label: string, chars = 52): string[] {
  const words = ["the", "method", "reads", "each", "page", "and", "keeps", "its", "order", "while", "lines", "flow", "on"];
  return Array.from({ length: count }, (_, i) => {
    let line = `${label} ${i + 1}`;
    for (let k = 0; line.length < chars; k++) line += ` ${words[(i + k) % words.length]}`;
    return line;
  });
}
