/**
 * A work saying what it set out to do or how it was done, in its own voice ("tujuan dari penelitian ini ...",
 * "This study used a qualitative design"): the study's own aim or method, not a program's ("Program Arpan yang
 * bertujuan ...") nor anything else a sentence may aim at.
 */

/** A work stating what it set out to do: "tujuan dari penelitian ini untuk ...", "This study aims to ...". */
export const STATED_AIM = /\b(?:tujuan\s+(?:dari\s+)?(?:penelitian|studi|kajian|artikel|penulisan|tulisan)(?:\s+ini)?|(?:penelitian|studi|kajian|artikel)\s+ini\s+bertujuan|(?:this|the present|our|the)\s+(?:study|paper|research|article|review)\s+aim(?:s|ed)?|the\s+(?:aim|purpose|objective)\s+of\s+(?:this|the|our)\s+(?:study|paper|research|article))\b/iu;

/** A work stating how it was done: "dengan memanfaatkan metode penelitian kualitatif", "This study used a qualitative design". */
export const STATED_METHOD = /\b(?:(?:menggunakan|memanfaatkan|dengan)\s+(?:metode|pendekatan|desain)|metode\s+penelitian|(?:using|used|uses|with)\s+(?:a|an)?\s*(?:qualitative|quantitative|mixed[- ]methods?|cross[- ]sectional|case[- ]study)\b|(?:this|the|our)\s+(?:study|research)\s+(?:used|uses|employed|adopted))/iu;
