import { makeLayoutPdf } from "./synthetic-pdf.ts";

/** A two-page PDF paper made by the test (pdf-lib). */
export async function paperPdf(): Promise<Uint8Array> {
  const line = (text: string, y: number, size = 11) => ({ text, x: 72, y, size });
  const body = (start: number, lines: string[]) => lines.map((t, i) => line(t, start + i * 16));
  return makeLayoutPdf([
    [line("Shelter Programs for Trafficked Children in Java", 90, 18), line("Dewi Lestari and Budi Santoso", 120, 12), line("Universitas Diponegoro, Semarang", 136, 11), ...body(170, [
      "This paper describes three shelter programs for children who survived trafficking in Java.",
      "Each program offered counselling, schooling and family tracing for the children it received.",
      "The programs were run by local governments together with non-governmental organisations.",
      "We interviewed forty social workers about the services the shelters offered in 2019.",
    ])],
    [...body(90, [
      "The social workers said that family tracing took longer than the shelters could host a child.",
      "Counselling was available in every shelter, but schooling depended on the local school board.",
      "We conclude that shelters need longer funding so that children are not returned too early.",
    ])],
  ], undefined, { title: "Shelter Programs for Trafficked Children in Java", author: "Dewi Lestari; Budi Santoso" });
}
