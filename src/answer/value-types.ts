/**
 * What a value of each answer type looks like in text, in either language: a cost, a prevalence, a
 * breakdown, a duration, a sample size, contact details, a p-value, a funder, an amount. A question that asks
 * for one is answered only by a sentence that carries one (abstain.ts), and such a sentence ranks higher.
 */
import type { AnswerType } from "../retrieve/question.ts";

/** What a value of each type looks like in text, in either language. */
export const VALUE_PATTERNS: Record<AnswerType, RegExp> = {
  cost: /(?:\bRp\.?\s?\d|\$\s?\d|\b(?:USD|IDR|EUR)\b|\b\d[\d.,]*\s*(?:rupiah|dollars?|dolar|euros?|juta rupiah|miliar)\b|\bbiaya\b.{0,40}\d|\bcost.{0,40}\d)/iu,
  prevalence: /\b\d[\d.,]*\s+(?:[\p{L}-]+\s+)?(?:persen|percent|korban|kasus|anak|orang|laporan|perdagangan|victims?|cases|children|people|reports)\b|\b\d[\d.,]*\s*%/iu,
  breakdown: /(?:\b\d[\d.,]*\s*(?:%|persen)?\s*(?:laki-laki|perempuan|boys?|girls?|male|female|gadis|remaja (?:laki-laki|perempuan))\b|\b(?:laki-laki|perempuan|boys?|girls?|male|female|gadis)\b[^.]{0,40}\b\d+)/iu,
  // "12 months", "two decades", "a decade", "tiga tahun", "setahun", "45 ms", "dua menit".
  duration: /\b(?:(?:\d+(?:[.,]\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|beberapa)\s*(?:bulan|tahun|minggu|hari|jam|menit|detik|milidetik|dekade|abad|months?|years?|weeks?|days?|hours?|minutes?|seconds?|milliseconds?|ms|decades?|centur(?:y|ies))|se(?:bulan|tahun|minggu|hari|jam|menit|detik|dekade|abad))\b/iu,
  sample: /\b(?:\d[\d.,]*|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred)\s+(?:\w+\s+)?(?:peserta|responden|partisipan|participants?|respondents?|informan|subjects?|orang|penyintas|survivors?|remaja|gadis|anak|children|girls|boys|women|youth)\b|\b(?:n\s*=\s*\d+)/iu,
  contact: /(?:\+?\d[\d\s-]{7,}\d|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\bhttps?:\/\/|\bwww\.)/iu,
  current: /$^/,
  amount: /(?<![\p{L}\d.,])\d+(?:[.,]\d+)*%?(?![\p{L}\d])|\b(?:satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|belas|puluh|ratus|ribu|juta|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|hundred|thousand|million)\b/iu,
  funder: /\b(?:didanai|dibiayai|dana dari|pendanaan dari|anggaran (?:program )?dari|funded by|funding from|financed by|sponsored by|grant from|donor)\b/iu,
  pvalue: /\bp\s*[<=>≤]\s*0[.,]\d+/iu,
};

const GROUP = /\b(?:laki-laki|perempuan|pria|wanita|boys?|girls?|males?|females?|men|women|gadis|cis-?gender|transgender|usia \d+|aged? \d+)\b/giu;

export function carriesType(text: string, type: AnswerType): boolean {
  const pattern = VALUE_PATTERNS[type];
  // A breakdown compares groups: two different groups and numbers for them.
  if (type === "breakdown") {
    const groups = new Set([...text.matchAll(GROUP)].map((m) => m[0].toLowerCase().replace(/s$/, "")));
    return groups.size >= 2 && [...text.matchAll(/\d+/g)].filter((m) => !/^(?:19|20)\d\d$/.test(m[0])).length >= 2;
  }
  // A year is not an amount.
  if (type === "amount") return [...text.matchAll(new RegExp(pattern.source, "giu"))].some((m) => !/^(?:19|20)\d\d$/.test(m[0]));
  return pattern.test(text);
}
