/**
 * The planner on questions written for this test (not taken from the evaluation sets), in both languages
 * and informal Indonesian, over a small hand-made index (test/helpers/synthetic-records.ts).
 */
import { describe, expect, it } from "vitest";
import { SYNTHETIC_INDEX } from "../../test/helpers/synthetic-records.ts";
import { resolveFollowUp } from "../retrieve/conversation.ts";
import { analyzeQuestion } from "../retrieve/question.ts";
import { planQuestion, topicWords, type Plan } from "./plan.ts";

function plan(text: string): Plan {
  const question = analyzeQuestion(text, SYNTHETIC_INDEX);
  return planQuestion(resolveFollowUp(question, undefined), { hasStudies: true, docs: [] });
}

type Expect = Partial<{ studies: number[]; fields: string[]; filter: string; also: string; op: string; field: string; noFilters: true; sections: string[]; ownVoice: boolean; count: boolean; nth: number; identityAlso: string[]; either: boolean }>;

const CASES: [string, Plan["kind"], Expect?][] = [
  // lookup: one field of a named study
  ["Who wrote study 3?", "lookup", { studies: [3], fields: ["authors"] }],
  ["Siapa penulis studi nomor 2?", "lookup", { studies: [2], fields: ["authors"] }],
  ["siapa yg nulis penelitian Rafferty?", "lookup", { studies: [2], fields: ["authors"] }],
  ["In which journal did the MLMC evaluation appear?", "lookup", { studies: [3], fields: ["venue"] }],
  ["Studi Jepara itu terbit di jurnal apa?", "lookup", { studies: [1], fields: ["venue"] }],
  ["When was the Rothman paper published?", "lookup", { studies: [3], fields: ["year"] }],
  ["Tahun terbit studi ke-4?", "lookup", { studies: [4], fields: ["year"] }],
  ["What design did the Pantai Gading study use?", "lookup", { studies: [4], fields: ["design"] }],
  ["Metode penelitian Falaq apa?", "lookup", { studies: [1], fields: ["design"] }],
  ["Which database was study 1 found in?", "lookup", { studies: [1], fields: ["database"] }],
  ["Database mana yang dipakai buat nemu studi 4?", "lookup", { studies: [4], fields: ["database"] }],
  ["In which country was the My Life My Choice program evaluated?", "lookup", { studies: [3], fields: ["country"] }],
  ["Studi nomor 1 dilakukan di negara mana?", "lookup", { studies: [1], fields: ["country"] }],
  // a "which papers" inside a how-question is no list
  ["How did the authors decide which studies to include?", "explain"],
  // what articles had to meet to be included is the review's selection, not a list of studies
  ["Which indexes did articles need to be listed in to be included?", "explain", { sections: ["methods", "abstract"] }],
  ["Artikel harus terindeks di mana supaya bisa masuk review?", "explain", { sections: ["methods", "abstract"] }],
  ["What are the results of study 3?", "lookup", { studies: [3], fields: ["outcomes"] }],
  ["apa hasilnya studi Rafferty?", "lookup", { studies: [2], fields: ["outcomes"] }],
  // a study's acronym typed in lower case names it
  ["hasil dr studi mlmc gmn?", "lookup", { studies: [3], fields: ["outcomes"] }],
  // whether it worked is what it found
  ["Did the MLMC program work?", "lookup", { studies: [3], fields: ["outcomes"] }],
  ["Was the Jepara program successful?", "lookup", { studies: [1], fields: ["outcomes"] }],
  ["What does Rafferty recommend?", "lookup", { studies: [2], fields: ["recommendations"] }],
  ["Rekomendasi dari studi nomor 4 apa?", "lookup", { studies: [4], fields: ["recommendations"] }],
  // the values more than one study shares
  ["Which journals published more than one study?", "aggregate", { field: "venue", op: "repeated" }],
  ["Negara mana yang diteliti lebih dari satu studi?", "aggregate", { field: "country", op: "repeated" }],
  // the years a review covers are the years its search took articles from, a criterion of its method
  ["What years does the review cover?", "explain", { sections: ["methods", "abstract"] }],
  ["Tahun berapa saja yang dicakup review ini?", "explain", { sections: ["methods", "abstract"] }],
  ["When was the review published?", "review-meta", { field: "year" }],
  // what a study proposes is what it recommends; who proposed something is no recommendation
  ["What services does Rafferty propose?", "lookup", { studies: [2], fields: ["recommendations"] }],
  ["Apa usulan studi nomor 4?", "lookup", { studies: [4], fields: ["recommendations"] }],
  ["Who proposed trace trees?", "explain"],
  // what should be done is a recommendation, however the words fall between "should" and "do"
  ["What does Rafferty say governments should do?", "lookup", { studies: [2], fields: ["recommendations"] }],
  ["Menurut studi nomor 4, apa yang perlu dilakukan pemerintah?", "lookup", { studies: [4], fields: ["recommendations"] }],
  ["Who published Rafferty's study?", "lookup", { studies: [2], fields: ["venue"] }],
  ["Studi Jepara diterbitkan oleh siapa?", "lookup", { studies: [1], fields: ["venue"] }],
  ["What theory does the MLMC study build on?", "lookup", { studies: [3], fields: ["theory"] }],
  ["Tujuan penelitian Regina apa?", "lookup", { studies: [4], fields: ["aim"] }],
  // nothing asked but the study: an overview
  ["Tell me about study 3", "lookup", { studies: [3], fields: ["title", "design", "country", "intervention", "outcomes"] }],
  // a name a study is known by, asked to be defined: explained from the text
  ["Apa itu MLMC?", "explain", { studies: [3] }],
  ["Ceritakan dong soal studi nomor 2", "lookup", { studies: [2], fields: ["title", "design", "country", "intervention", "outcomes"] }],
  // two bibliographic fields at once: a weak year word beside a field named outright
  ["Siapa yang menulis studi 4, dan tahun berapa terbitnya?", "lookup", { studies: [4], fields: ["authors", "year"] }],
  ["What method does study 1 use, and what year is it from?", "lookup", { studies: [1], fields: ["design", "year"] }],
  // a weak word opening a question of its own after "and" asks for its field beside any other
  ["What method did study 1 use and where was it set?", "lookup", { studies: [1], fields: ["design", "country"] }],
  ["Apa metode studi 4 dan di mana dilakukannya?", "lookup", { studies: [4], fields: ["design", "country"] }],
  ["Di mana studi 4 dilakukan?", "lookup", { studies: [4], fields: ["country"] }],
  // a place word with a publication word asks for the venue
  ["Where did study 2 get published?", "lookup", { studies: [2], fields: ["venue"] }],
  ["What is the title of study 2?", "lookup", { studies: [2], fields: ["title"] }],
  ["Judul studi nomor 3 apa ya?", "lookup", { studies: [3], fields: ["title"] }],
  ["What intervention did study 1 describe?", "lookup", { studies: [1], fields: ["intervention"] }],
  ["Who were the authors and what year was study 4 published?", "lookup", { studies: [4], fields: ["authors", "year"] }],
  // a bibliographic field named outright carries a weak one beside it, however long the rest is
  ["Studi 2 ditulis siapa & tahun berapa? soalnya di daftar pustaka namanya beda", "lookup", { studies: [2], fields: ["authors", "year"] }],
  // compare: two or more named studies
  ["Compare study 1 and study 3", "compare", { studies: [1, 3] }],
  ["Bandingkan studi Rafferty dengan studi MLMC", "compare", { studies: [2, 3] }],
  ["What's the difference between the Jepara study and the Côte d'Ivoire study?", "compare", { studies: [1, 4] }],
  ["Compare the designs of study 2 and study 4", "compare", { studies: [2, 4], fields: ["design"] }],
  ["beda metode studi 1 sama studi 2 apa?", "compare", { studies: [1, 2], fields: ["design"] }],
  ["Studies 1, 2 and 3: how do they differ?", "compare", { studies: [1, 2, 3] }],
  // list: studies whose field matches
  ["Which studies used a qualitative design?", "list", { filter: "design:qualitative" }],
  // how many different values a field has: its distribution; a field named in the plural of the review: its studies'
  ["How many countries were studied?", "aggregate", { field: "country", op: "distribution" }],
  ["Berapa negara yang diteliti?", "aggregate", { field: "country", op: "distribution" }],
  ["What countries are represented in the review?", "aggregate", { field: "country", op: "distribution" }],
  // a list of nothing but filter values is a list of studies, however informal the place's name
  ["yang dari Amerika apa aja?", "list", { filter: "country:US" }],
  ["yg dari amrik apa aja", "list", { filter: "country:US" }],
  ["Studi mana saja yang kualitatif?", "list", { filter: "design:qualitative" }],
  ["Were any of the studies randomized controlled trials?", "list", { filter: "design:rct" }],
  ["Apakah ada studi yang pakai RCT?", "list", { filter: "design:rct" }],
  ["Which studies were conducted in Indonesia?", "list", { filter: "country:ID" }],
  ["studi apa aja yg dilakukan di Amerika Serikat?", "list", { filter: "country:US" }],
  ["Are there studies from Africa?", "list", { filter: "country:region:AF" }],
  // a country by its English demonym (places.test.ts: not in an association's name)
  ["Which Indonesian studies are in the review?", "list", { filter: "country:ID" }],
  ["Are there any American studies?", "list", { filter: "country:US" }],
  ["Ada studi dari Eropa nggak?", "list", { filter: "country:region:EU" }],
  ["Which articles were found through Neliti?", "list", { filter: "database:neliti" }],
  ["Artikel mana saja yang diambil dari Google Scholar?", "list", { filter: "database:google-scholar" }],
  ["Which studies were published in 2018?", "list", { filter: "year:2018" }],
  ["Which studies are about adolescents?", "list", { filter: "population:adolescents" }],
  // a year with a bound word is a range, not the year itself
  ["Which studies were published before 2017?", "list", { filter: "year:<2017" }],
  ["Studi apa saja yang terbit sejak tahun 2019?", "list", { filter: "year:>=2019" }],
  // every study's own words on a free-text field: a list with no filter
  ["What did each study recommend?", "list", { fields: ["recommendations"], noFilters: true }],
  ["Teori apa yang dipakai studi-studi itu?", "list", { fields: ["theory"], noFilters: true }],
  ["List the programs of all four studies", "list", { fields: ["intervention"], noFilters: true }],
  ["Which studies used art therapy?", "list", { filter: "topic:art therapi" }],
  // a question word inside a lexicon phrase is part of the topic ("group" of "control group" = "kelompok kontrol")
  ["Which study had a control group?", "list", { filter: "topic:control group" }],
  // "studi2" is informal Indonesian for "studi-studi", not study 2
  ["studi2 yg bahas trauma apa aja?", "list", { filter: "topic:trauma" }],
  // framing verbs ("deal with", "nyorot") are not the topic; "yang dibahas" says the studies are meant
  ["Which studies deal with trauma?", "list", { filter: "topic:trauma" }],
  // older or newer than a year is a bound on the year; between two studies named, the earlier or later one
  ["Which studies are older than 2017?", "list", { filter: "year:<2017" }],
  // what the review studies, with nothing else asked, is what it is about
  ["What does the review explore?", "explain", { sections: ["abstract"] }],
  ["Studi mana yang lebih baru dari tahun 2019?", "list", { filter: "year:>2019" }],
  ["Which is older, study 1 or study 3?", "aggregate", { field: "year", op: "earliest" }],
  // "ngapain" (what do they do) asks for the program
  ["yg di pantai gading ngapain aja?", "lookup", { studies: [4], fields: ["intervention"] }],
  // the years of the studies, asked in the plural
  ["What years were the studies published?", "aggregate", { field: "year" }],
  // "paper mana" asks which as "artikel mana" does
  ["Paper mana yang membahas trauma?", "list", { filter: "topic:trauma" }],
  // a request for the gist in other words: its words are no topic
  ["What is the main argument of the review?", "explain", { sections: ["abstract"] }],
  ["What are the key takeaways of this review?", "explain", { sections: ["abstract"] }],
  // the programs a place and nothing else picks out are the studies done there
  ["Which programs were in the United States?", "list", { filter: "country:US" }],
  ["Ada program di Afrika?", "list", { filter: "country:region:AF" }],
  ["What was the Development Bank program in Indonesia supposed to do?", "explain"],
  // what was studied, over the studies: each study's own words on it
  ["What programs were studied?", "list", { fields: ["intervention"] }],
  ["Program apa saja yang dibahas?", "list", { fields: ["intervention"] }],
  // what each study found on a topic: the studies on it, each with its own words
  ["What did each study find about shelters?", "list", { filter: "topic:shelter" }],
  ["Apa temuan tiap studi soal trauma?", "list", { filter: "topic:trauma" }],
  // a verb of studying is no part of the topic
  ["Which studies look at education?", "list", { filter: "topic:educ" }],
  ["Which studies examine trauma?", "list", { filter: "topic:trauma" }],
  // "which study" asks the same as "which studies"; "what did the study find" points back instead
  ["Which study is about mental health?", "list", { filter: "topic:mental health" }],
  // "found in the study" is about what it found, not where the study was found
  ["What themes were found in the Rafferty study?", "explain", { studies: [2] }],
  ["Apa saja yang ditemukan di studi Rafferty?", "lookup", { studies: [2], fields: ["title", "design", "country", "intervention", "outcomes"] }],
  // the review named as the scope of a list of its studies
  ["Which studies in this review talk about trauma?", "list", { filter: "topic:trauma" }],
  ["Studi mana saja di tinjauan ini yang membahas trauma?", "list", { filter: "topic:trauma" }],
  ["Studi mana yg nyorot soal kemiskinan?", "list", { filter: "topic:miskin" }],
  ["Apa saja program konseling yang dibahas?", "list", { filter: "topic:konseling" }],
  // count
  ["How many studies used a qualitative design?", "count"],
  ["Berapa studi yang dilakukan di Indonesia?", "count"],
  ["How many articles came from Google Scholar?", "count"],
  // describing words before the study noun; a function word ends them ("children in the studies" are counted, not studies)
  ["How many qualitative studies are there?", "count", { filter: "design:qualitative" }],
  ["How many Ivorian studies are in the review?", "count", { filter: "country:CI" }],
  ["How many children in the studies were girls?", "explain"],
  ["Berapa banyak studi yang memakai wawancara?", "count", { filter: "design:interview" }],
  // a negated value ("!"): the studies whose value is another one
  ["Which studies were not conducted in Indonesia?", "list", { filter: "!country:ID" }],
  ["Studi mana saja yang bukan dari Amerika Serikat?", "list", { filter: "!country:US" }],
  ["How many studies didn't use interviews?", "count", { filter: "!design:interview" }],
  ["Berapa studi yg ga pakai wawancara?", "count", { filter: "!design:interview" }],
  ["Selain Google Scholar, studi-studi itu ketemu di database mana aja?", "list", { filter: "!database:google-scholar" }],
  ["Which qualitative studies were done outside Indonesia?", "list", { filter: "design:qualitative", also: "!country:ID" }],
  ["Are there studies in Indonesia that did not use interviews?", "list", { filter: "country:ID", also: "!design:interview" }],
  ["Which studies were not done in the United States or Indonesia?", "list", { filter: "!country:US", also: "!country:ID" }],
  // a negated existence is not a negated value
  ["Tidak ada studi di Afrika?", "list", { filter: "country:region:AF" }],
  // the language a study is written in (its title's)
  ["How many of the studies have English titles?", "count", { filter: "language:en" }],
  ["Studi mana saja yang berbahasa Indonesia?", "list", { filter: "language:id" }],
  // "in English" is a language; the words of the value ask for no field ("written" is no author question)
  ["Which articles are in English?", "list", { filter: "language:en" }],
  ["Which articles are written in English?", "list", { filter: "language:en", fields: [] }],
  ["How many English articles are there?", "count", { filter: "language:en" }],
  ["In which languages are the studies written?", "aggregate", { field: "language", op: "distribution" }],
  // the years one study covers are those of what it studied; the years the studies span, of their publication
  ["What years does study 2 cover?", "explain", { studies: [2] }],
  ["What years did study 2 look at?", "explain", { studies: [2] }],
  ["What year was study 2 published?", "lookup", { studies: [2], fields: ["year"] }],
  ["What years do the studies cover?", "aggregate", { field: "year", op: "distribution" }],
  // every study's title: "titles", and an Indonesian list, which does not mark the plural
  ["What are the titles of the included studies?", "list", { fields: ["title"], noFilters: true }],
  ["Apa saja judul artikel yang ditelaah?", "list", { fields: ["title"], noFilters: true }],
  ["Sebutin semua judul artikel yang direview", "list", { fields: ["title"], noFilters: true }],
  // a list of what a named study has asks for that field, though its word leads into the study's name
  ["Apa saja program MLMC?", "lookup", { studies: [3], fields: ["intervention"] }],
  // a study number the review does not have is answered as such; a law's "No. 21" is no study number
  ["What did study 11 find?", "out-of-scope"],
  ["Bandingkan studi 2 dan studi ke-9", "out-of-scope"],
  ["Berapa tahun hukuman menurut UU No. 21 Tahun 2007?", "explain"],
  // the highest of a figure no record holds is read from the text, not a list of the studies using its words
  ["Which study had the highest dropout rate?", "explain"],
  // ... and so is the longest of a duration ("longest" is no topic the studies speak of)
  ["Which study had the longest follow-up?", "explain"],
  ["Which study ran the shortest?", "explain"],
  // the earliest or latest of what was published, with no word for a study
  ["yg paling lama terbit yg mana?", "aggregate", { field: "year", op: "earliest" }],
  ["which one was published most recently?", "aggregate", { field: "year", op: "latest" }],
  // a why-question about the studies asks for the review's reason, not for the list of them
  ["kok cuma 10 artikel dari 32?", "explain"],
  ["Why were only 10 of the 32 articles kept?", "explain"],
  // the programs of the studies a value picks, in the plural or with an informal list word
  ["What do the programs in the US do?", "list", { filter: "country:US", fields: ["intervention"] }],
  ["yg di amrik itu ngapain aja programnya?", "list", { filter: "country:US", fields: ["intervention"] }],
  ["Berapa studi yang diterbitkan setelah 2018?", "count", { filter: "year:>2018" }],
  ["Which studies were published between 2016 and 2019?", "list", { filter: "year:2016..2019" }],
  // a bound written after the year keeps the year in
  ["Which studies were published in 2019 or later?", "list", { filter: "year:>=2019" }],
  // two values of a field a study may have several of: both, unless "or" joins them
  ["Which studies focused on girls or women?", "list", { either: true }],
  ["Which studies focused on girls and women?", "list", { either: false }],
  ["Studi yang terbit tahun 2018 ke atas apa saja?", "list", { filter: "year:>=2018" }],
  ["How many studies were published in 2016 or earlier?", "count", { filter: "year:<=2016" }],
  // "published in 2019" says when, not where
  ["Which studies were published in 2017?", "list", { filter: "year:2017", fields: [] }],
  ["Studi mana yang terbit di tahun 2016?", "list", { filter: "year:2016", fields: [] }],
  ["Berapa studi yang terbit dari 2017 sampai 2020?", "count", { filter: "year:2017..2020" }],
  ["Studi yg terbit tahun 2015-2018 apa aja?", "list", { filter: "year:2015..2018" }],
  // a count with a topic counts the studies that speak of it
  ["How many studies discuss trauma?", "count", { filter: "topic:trauma" }],
  // a second question joined to the first asks of the studies; its words are no part of the topic
  ["Which studies deal with trauma, and what does each contribute?", "list", { filter: "topic:trauma" }],
  ["How many studies discuss trauma, and why?", "count", { filter: "topic:trauma" }],
  // a lexicon phrase of several words is one concept to count by
  ["How many studies were about mental health?", "count", { filter: "topic:mental health" }],
  ["Berapa studi yang membahas kesehatan mental?", "count", { filter: "topic:sehat mental" }],
  // how a program works is what it does; whether it worked is what it found
  ["How does the MLMC program work?", "lookup", { studies: [3], fields: ["intervention"] }],
  ["Did the MLMC program work?", "lookup", { studies: [3], fields: ["outcomes"] }],
  ["Bagaimana cara kerja program MLMC?", "lookup", { studies: [3] }],
  // studies that share a year or a journal
  ["Which studies were published in the same year?", "aggregate", { field: "year", op: "repeated" }],
  ["Studi mana saja yang terbit di tahun yang sama?", "aggregate", { field: "year", op: "repeated" }],
  ["Which studies appeared in the same journal?", "aggregate", { field: "venue", op: "repeated" }],
  // where articles were searched for is a database, not a country
  ["Where did the review search for articles?", "aggregate", { field: "database" }],
  ["review ini nyari artikel di mana aja?", "aggregate", { field: "database" }],
  ["Where was study 1 conducted?", "lookup", { studies: [1], fields: ["country"] }],
  // a count of nothing but a value of the studies' records counts the studies with it
  ["How many were from Indonesia?", "count", { filter: "country:ID" }],
  ["dapet berapa dari google scholar?", "count", { filter: "database:google-scholar" }],
  // ... not a count of something else in that place, nor of the people a value names
  ["Berapa kasus di Indonesia?", "explain"],
  ["How many survivors were interviewed?", "explain"],
  // the noun that opens an Indonesian question with "apa" is what it asks for, not the authors beside it
  ["Dataset apa yang dibuat penulis review ini?", "explain"],
  ["Jurnal apa yang menerbitkan review ini?", "review-meta"],
  // the gist of the studies (plural) on a topic is each of them
  ["Tell me about the UNICEF studies", "list", { filter: "topic:unicef" }],
  ["Ceritakan studi-studi tentang UNICEF", "list", { filter: "topic:unicef" }],
  // a topic verb says what follows is the topic, however many concepts it has
  ["How many studies discuss government policy?", "count", { filter: "topic:govern polici" }],
  ["Ada berapa studi yang membahas kebijakan pemerintah?", "count", { filter: "topic:bijak perintah" }],
  // ... but how the review sifted its articles is its method's, not a topic its studies speak of
  ["How many articles were excluded?", "explain"],
  ["Berapa artikel yang dieksklusi?", "explain"],
  ["How many studies did the review include?", "count"],
  ["ada berapa artikel yang direview?", "count"],
  // being reviewed is no topic of the studies: all of them are counted
  ["Berapa artikel yang ditelaah?", "count", { noFilters: true }],
  ["How many articles were analysed?", "count", { noFilters: true }],
  // aggregate: distributions and extremes
  ["Which countries do the studies come from?", "aggregate", { field: "country", op: "distribution" }],
  // a comparison of the studies a value picks out
  ["Compare the studies from the United States", "list", { filter: "country:US", fields: ["design", "intervention", "outcomes"] }],
  ["Bandingkan studi-studi yang kualitatif", "list", { filter: "design:qualitative", fields: ["country", "intervention", "outcomes"] }],
  // the value most studies share
  ["What is the most common design among the studies?", "aggregate", { field: "design", op: "most-common" }],
  ["Negara mana yang paling banyak diteliti?", "aggregate", { field: "country", op: "most-common" }],
  ["Kebanyakan studi ditemukan di database apa?", "aggregate", { field: "database", op: "most-common" }],
  // the studies ranked by their number of participants
  ["Which study had the most participants?", "aggregate", { field: "population", op: "largest-sample" }],
  // "only" asked yes or no: all of them by that field show whether it is the only one
  ["Were only qualitative studies included?", "aggregate", { field: "design", op: "distribution" }],
  ["Apakah hanya studi dari Indonesia yang dimasukkan?", "aggregate", { field: "country", op: "distribution" }],
  // "all" asked yes or no is answered as "only" is
  ["Do all the studies use qualitative methods?", "aggregate", { field: "design", op: "distribution" }],
  ["Apakah semua studi dilakukan di Indonesia?", "aggregate", { field: "country", op: "distribution" }],
  ["Which one was the only study from Science Direct?", "list", { filter: "database:sciencedirect" }],
  // a side of a comparison described by a place and a word few studies have names the one study that fits
  ["Compare study 1 with the mentor program in the United States", "compare", { studies: [1, 3] }],
  // "approach" is a program's as much as a study's method: it asks for the method only of a study and nothing else
  ["What approach did study 3 use?", "lookup", { studies: [3], fields: ["design"] }],
  ["How does the MLMC program differ from study 1 in its approach?", "compare", { studies: [1, 3], fields: ["design", "intervention"] }],
  ["Bandingkan studi 1 dengan program mentor di Amerika Serikat", "compare", { studies: [1, 3] }],
  // ... or by a word few studies have and the named one does not: those studies are the other side
  ["Compare the Rafferty study with the UNICEF one", "compare", { studies: [2, 4] }],
  ["Bandingkan studi Rafferty dengan program UNICEF", "compare", { studies: [2, 4] }],
  // ... but two studies named are the comparison, whatever else the question says
  ["Compare study 1 and study 3 on their UNICEF links", "compare", { studies: [1, 3] }],
  ["Which of studies 2 and 3 had more participants?", "aggregate", { field: "population", op: "largest-sample" }],
  ["Studi 2 dan 3, mana yang pesertanya lebih sedikit?", "aggregate", { field: "population", op: "smallest-sample" }],
  ["Studi mana yang respondennya paling sedikit?", "aggregate", { field: "population", op: "smallest-sample" }],
  ["Negara mana saja yang diteliti di studi-studi ini?", "aggregate", { field: "country", op: "distribution" }],
  ["What designs were used across the studies?", "aggregate", { field: "design", op: "distribution" }],
  ["Metode apa saja yang dipakai di semua studi?", "aggregate", { field: "design", op: "distribution" }],
  ["Which databases did the studies come from?", "aggregate", { field: "database", op: "distribution" }],
  // ... also when a research verb, not a noun, says it is the studies' ("which countries were studied?")
  ["Which countries were studied?", "aggregate", { field: "country", op: "distribution" }],
  ["What populations were examined?", "aggregate", { field: "population", op: "distribution" }],
  ["Populasi apa yang dikaji?", "aggregate", { field: "population", op: "distribution" }],
  ["Which study is the oldest?", "aggregate", { field: "year", op: "earliest" }],
  ["Studi mana yang paling baru?", "aggregate", { field: "year", op: "latest" }],
  ["What is the most recent study in the review?", "aggregate", { field: "year", op: "latest" }],
  // review-meta: the document itself
  ["Who wrote this review?", "review-meta", { field: "authors" }],
  ["Siapa penulis review ini?", "review-meta", { field: "authors" }],
  ["When was this review published?", "review-meta", { field: "year" }],
  ["Review ini terbit di jurnal apa?", "review-meta", { field: "venue" }],
  // ... but the studies' authors and journals are the studies' ("the authors of the included studies")
  ["What journals published the included studies?", "aggregate", { field: "venue", op: "distribution" }],
  ["Who are the authors of the included studies?", "list", { fields: ["authors"], noFilters: true }],
  ["Siapa saja penulis artikel-artikel yang direview?", "list", { fields: ["authors"], noFilters: true }],
  ["What do the authors of this review conclude?", "explain"],
  ["What did the authors say about mentoring?", "explain"],
  ["Apa yang dikatakan penulis review tentang program pemerintah?", "explain"],
  // the collection itself, and a question about what its documents say
  ["Which documents are in the library?", "review-meta", { field: "title" }],
  ["Dokumen apa saja yang ada?", "review-meta", { field: "title" }],
  ["Which documents mention mentoring?", "explain"],
  // the review's own design, asked as a design it might have
  ["Does this review include a meta-analysis?", "explain", { sections: ["methods", "abstract"] }],
  ["Is this a systematic review?", "explain", { sections: ["methods", "abstract"] }],
  ["Was this a simpler kind of literature review?", "explain", { sections: ["methods", "abstract"] }],
  // ... or as the kind of document it is
  ["What kind of review is this?", "explain", { sections: ["methods", "abstract"] }],
  ["Review ini jenisnya apa?", "explain", { sections: ["methods", "abstract"] }],
  ["Ini review jenis apa?", "explain", { sections: ["methods", "abstract"] }],
  ["What kinds of programs does the review describe?", "explain", { sections: [] }],
  ["Which studies were a meta-analysis?", "list", { filter: "design:meta-analysis" }],
  // ... or no document named and nothing else asked: the document in scope (or each one)
  ["Who wrote it?", "review-meta", { field: "authors" }],
  ["Siapa penulisnya?", "review-meta", { field: "authors" }],
  // the authors as who says it, not what is asked
  ["What did the authors conclude?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  // a document named by its noun ("the PaSa paper") is no studies noun; "made" asks nothing
  ["What are the findings of the PaSa paper?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  ["What recommendations are made in this review?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  ["What method did the authors use?", "explain"],
  ["Who wrote study 3 and what did it find?", "lookup", { studies: [3], fields: ["authors", "outcomes"] }],
  // how the review chose its studies is its method
  ["How were the articles selected?", "explain", { sections: ["methods", "abstract"] }],
  ["Bagaimana artikel dipilih dalam review ini?", "explain", { sections: ["methods", "abstract"] }],
  ["Bahasa artikel yang boleh masuk review ini apa aja?", "explain", { sections: ["methods", "abstract"] }],
  // ... a document named by its title word, as well as "this review"
  ["Who wrote the PaSa paper?", "review-meta", { field: "authors" }],
  ["Paper PaSa terbit tahun berapa?", "review-meta", { field: "year" }],
  // ... what its first page says beyond the study fields: institutions, the corresponding author
  ["Which institutions are the PaSa authors affiliated with?", "review-meta", { field: "affiliations" }],
  ["Penulis review ini dari universitas mana?", "review-meta", { field: "affiliations" }],
  ["Where are the authors from, which organisations?", "review-meta", { field: "affiliations" }],
  ["Who is the corresponding author of the PaSa paper?", "review-meta", { field: "corresponding" }],
  ["What is the DOI of the PaSa paper?", "review-meta", { field: "doi" }],
  ["DOI-nya review ini apa?", "review-meta", { field: "doi" }],
  ["Organisasi apa saja yang terlibat?", "explain"],
  ["Which organisations does this review mention?", "explain"],
  ["Which university is Yichen He from?", "review-meta", { field: "affiliations" }],
  ["Why is each query paired with its corresponding papers in PaSa?", "explain"],
  ["Which organisations ran the programs in the studies?", "explain"],
  // ... its author list counted, or one place in it; several identity fields in turn
  ["How many authors does the PaSa paper have?", "review-meta", { field: "authors", count: true }],
  ["Siapa penulis pertama paper PaSa?", "review-meta", { field: "authors", nth: 1 }],
  ["Where and when was the PaSa paper published?", "review-meta", { field: "year", identityAlso: ["venue"] }],
  // ... "presented", "dirilis" ask it too of a document named and nothing else, not of what the document holds
  ["Where and when was the PaSa paper presented?", "review-meta", { field: "year", identityAlso: ["venue"] }],
  ["Kapan paper PaSa dirilis?", "review-meta", { field: "year" }],
  ["Where is the crawler presented in the PaSa paper?", "explain"],
  ["Kode PaSa dirilis di mana?", "explain"],
  // ... but a count of something else is not the author list counted (a phone number, the studies)
  ["Nomor telepon penulis paper PaSa berapa?", "explain"],
  // ... nor a kind of value asked ("researchers" is an author word, but their opinion is no identity)
  ["What is the opinion of researchers about the PaSa paper?", "explain"],
  ["How many studies did the review include, and who wrote them?", "explain"],
  // explain: answered from prose
  ["Why is coordination between agencies a problem?", "explain"],
  // the review's own method (inclusion criteria, search terms), not a list of studies on that "topic"
  // the document itself and nothing to look for in it: its abstract; what it recommends: its conclusion
  ["What is this review about?", "explain", { sections: ["abstract"] }],
  ["Summarize the review", "explain", { sections: ["abstract"] }],
  // a hyphenated word is topic only through its parts
  ["Give me a two-sentence summary of the review.", "explain", { sections: ["abstract"] }],
  ["Review ini membahas apa?", "explain", { sections: ["abstract"] }],
  ["How did the review search for articles?", "explain", { sections: [] }],
  ["What does the review recommend?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  ["What are the main findings?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  ["Apa temuan utama review ini?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  ["Apa saja rekomendasi dari review ini?", "explain", { sections: ["conclusion", "discussion", "abstract"] }],
  ["Apa saja kriteria inklusi artikelnya?", "explain", { sections: ["methods", "abstract"] }],
  ["Kriteria inklusi studinya dari bidang apa aja?", "explain", { sections: ["methods", "abstract"] }],
  ["Which keywords were used to search the databases?", "explain", { sections: ["methods", "abstract"] }],
  // a limit on what was searched is part of the method, not a topic to filter the studies by
  ["Publikasi yang dikaji dibatasi dari tahun berapa?", "explain", { sections: ["methods", "abstract"] }],
  ["Was the search restricted to journals in some languages?", "explain", { sections: ["methods", "abstract"] }],
  // what the document says of itself: only its own passages, not its included studies'
  ["What are the limitations of this review?", "explain", { ownVoice: true }],
  ["Apa saja kelemahan tinjauan ini?", "explain", { ownVoice: true }],
  ["Did the review appraise the quality of its studies?", "explain", { ownVoice: true }],
  ["Apa tujuan artikel ini?", "explain", { ownVoice: true }],
  ["What weaknesses of its own does this paper acknowledge?", "explain", { ownVoice: true }],
  // ... but a study's limitation, the studies' own limitations or aims, or a program's weakness are not
  ["Dalam review ini, apa keterbatasan studi Rafferty?", "explain", { studies: [2], ownVoice: false }],
  ["What limitations did the studies in this review report?", "list"],
  ["Apa tujuan studi-studi dalam review ini?", "explain", { ownVoice: false }],
  ["What weaknesses of the shelter programs does the review point out?", "explain", { ownVoice: false }],
  ["Mengapa anak-anak rentan menjadi korban perdagangan?", "explain"],
  ["What does the review conclude?", "explain"],
  ["Apa kesimpulan dari tinjauan ini?", "explain"],
  ["How did the MLMC mentors support the girls?", "explain", { studies: [3] }],
  // a word of the study's title is no name of it: the mentors are what is asked, not an overview
  ["Siapa yang jadi mentor di program MLMC?", "explain", { studies: [3] }],
  // small talk is answered in kind; beside a question it asks nothing
  ["Ada berapa studi dari luar negeri?", "count"],
  ["Studi mana saja yang dilakukan di dalam negeri?", "list", { filter: "country:ID" }],
  ["hello", "out-of-scope"],
  ["Terima kasih ya kak!", "out-of-scope"],
  ["ok thanks so much", "out-of-scope"],
  ["bye", "out-of-scope"],
  ["thanks, who wrote study 3?", "lookup", { studies: [3], fields: ["authors"] }],
  ["Halo, studi apa saja yang direview?", "list", { noFilters: true }],
  ["Which studies were included in the review?", "list", { noFilters: true }],
  ["Studi apa saja yang direview?", "list", { noFilters: true }],
  ["Apa saja syarat artikel yang dipakai di review ini?", "explain", { sections: ["methods", "abstract"] }],
  ["How did the review decide which articles to include?", "explain", { sections: ["methods", "abstract"] }],
  // what included articles needed, or were allowed, is a criterion of the review's
  ["Which indexing did included articles need?", "explain", { sections: ["methods", "abstract"] }],
  ["In which languages were the articles allowed?", "explain", { sections: ["methods", "abstract"] }],
  ["What do the studies say children need?", "list"],
  ["Which studies included interviews?", "list", { filter: "design:interview" }],
  // a "not" among the topic words lists the studies without the topic
  ["Which studies do not mention poverty?", "list", { filter: "!topic:poverti" }],
  ["Studi mana yang tidak membahas UNICEF?", "list", { filter: "!topic:unicef" }],
  ["Gimana cara balai di Jepara membantu anak-anak?", "explain", { studies: [1] }],
  ["What method did this review use to find its articles?", "explain"],
  ["Metode review ini apa?", "explain"],
  ["How much did the MLMC program cost?", "explain", { studies: [3] }],
  ["Berapa biaya program rehabilitasi di Jepara?", "explain", { studies: [1] }],
  // counting something inside a study is not counting studies
  ["How many sessions did the study 3 mentors hold?", "explain", { studies: [3] }],
  ["What is child trafficking?", "explain"],
  ["What's the weather like in Jakarta today?", "explain"],
];

describe("what a question counts", () => {
  const types = (text: string) => analyzeQuestion(text, SYNTHETIC_INDEX).answerTypes;
  it("counting something inside a study asks for an amount; counting studies does not", () => {
    expect(types("How many sessions did the study 3 mentors hold?")).toContain("amount");
    expect(types("How many of the four studies are qualitative?")).not.toContain("amount");
    expect(types("Berapa dari 4 artikel itu yang kualitatif?")).not.toContain("amount");
  });
  it("reads 'when was/did ...', 'kapan ...' opening a question as asking for a date; not 'when does', nor a study's year", () => {
    expect(types("When was the mentoring program run?")).toContain("date");
    expect(types("Kapan program itu dijalankan?")).toContain("date");
    expect(types("When does the program end a session?")).not.toContain("date");
    expect(types("Were they still children when they were interviewed?")).not.toContain("date");
    expect(types("Kapan studi 2 terbit?")).not.toContain("date");
    // a window of time asks for dates too
    expect(types("What time frame did the search cover?")).toContain("date");
    expect(types("What publication years did this review's search cover?")).toContain("date");
  });
  it("reads one word as one kind of value: 'who funded' asks for a funder, not for funding amounts", () => {
    expect(types("Who funded the mentoring program?")).toEqual(["funder"]);
    expect(types("Siapa yang mendanai program itu?")).toEqual(["funder"]);
    expect(types("How much funding did the program get?")).toContain("cost");
  });
  it("reads every word of the clause an auxiliary opens after 'how much' as saying what is measured", () => {
    const counted = (text: string) => analyzeQuestion(text, SYNTHETIC_INDEX).counted;
    expect(counted("How much does mentoring improve school attendance?")).toEqual(expect.arrayContaining(["mentor", "school", "attend"]));
    // without one, a plural noun still ends what is counted
    expect(counted("How many mentors worked with the girls?")).toEqual(["mentor"]);
  });
  it("what a count counts is read after its count word, past further count words and never after 'tahun'", () => {
    const counted = (text: string) => analyzeQuestion(text, SYNTHETIC_INDEX).counted;
    expect(counted("Berapa usia rata-rata para mentor?")).toEqual(expect.arrayContaining(["usia"]));
    // an estimate of victims counts victims ("perkiraan" says how the figure was had, not what it counts)
    expect(counted("Berapa perkiraan korban perdagangan tiap tahun?")).toContain("korban");
    expect(counted("Berapa jumlah staf di lembaga itu?")).toContain("staf");
    expect(counted("How many interviews did the study 3 mentors hold?")).toContain("interview");
    expect(counted("Studi 2 terbit tahun berapa?")).toEqual([]);
    expect(counted("What did study 2 find?")).toEqual([]);
    // the run of content words after the count phrase, not a name further on, nor a comparative
    expect(counted("How many of the questionnaire items were dropped in study 3?")).toContain("item");
    expect(counted("How many of the questionnaire items were dropped in study 3?")).not.toContain("drop");
    expect(counted("How many papers were collected from ICLR 2023?")).toEqual(["paper"]);
    expect(counted("How much better is study 3's recall than study 4's?")).toEqual([]);
    // the noun counted, not its modifier: English puts it last, Indonesian first; the run is kept as written
    expect(counted("How many social workers does study 3 employ?")).toEqual(["worker"]);
    // an English count ends at its plural noun: the verb after it is not counted
    expect(counted("How many annotators worked on the benchmark?")).toEqual(["annot"]);
    expect(analyzeQuestion("How many annotators worked on the benchmark?", SYNTHETIC_INDEX).countedPhrase).toBe("annotators");
    expect(analyzeQuestion("How many social workers does study 3 employ?", SYNTHETIC_INDEX).countedPhrase).toBe("social workers");
    expect(counted("Berapa usia rata-rata penyintas di studi 2?")).toEqual(["usia"]);
    // a rate is a number of what stands beside its rate word
    expect(counted("What was the attrition rate in study 3?")).toEqual(["attrit"]);
    expect(counted("Berapa angka kekambuhan di studi 1?")).toEqual(expect.arrayContaining(["kambuh"]));
    expect(types("What was the attrition rate in study 3?")).toContain("amount");
    // a bound asks for the value it bounds as a figure: English names it after the bound, Indonesian before
    expect(counted("What is the maximum age of the mentors in study 3?")).toEqual(["ag"]);
    expect(types("What is the maximum age of the mentors in study 3?")).toEqual(["amount"]);
    expect(counted("Usia minimal peserta studi 2 berapa?")).toEqual(expect.arrayContaining(["usia"]));
    // a limit is a bound too: "berapa batas usia" asks for an age, as "the age limit" does
    expect(counted("Berapa batas usia anak menurut definisi di review ini?")).toEqual(["usia"]);
    expect(counted("What is the age limit for a child in the review's definition?")).toEqual(["ag"]);
    // Indonesian may put what is measured before "berapa", when a clause or nothing follows ("umur berapa yang ...")
    expect(counted("umur berapa yg dianggap anak?")).toEqual(["umur"]);
    expect(counted("Usia berapa yang termasuk anak?")).toEqual(["usia"]);
    // ... right before it: a word before a comma is not what it counts
    expect(counted("Dari 32 artikel yang ketemu, berapa yang akhirnya ditelaah?")).not.toContain("temu");
    // ... and is no topic of its own (a word the documents never use would make the question look unanswerable)
    expect(analyzeQuestion("What is the maximum age of the mentors in study 3?", SYNTHETIC_INDEX).topic).not.toContain("maximum");
  });
  it("a count asked of a paper's prose (no study records) wants a number beside what it counts", () => {
    const q = analyzeQuestion("How many papers were collected from ICLR 2023?", SYNTHETIC_INDEX);
    expect(q.counted).toEqual(["paper"]);
    expect(planQuestion(resolveFollowUp(q, undefined), { hasStudies: false, docs: [] })).toMatchObject({ kind: "explain", answerTypes: ["amount"] });
  });
  it("a share or a percentage asks for a prevalence; a year of something other than a study asks for a date", () => {
    expect(types("What proportion of the mentors were women?")).toContain("prevalence");
    expect(types("Berapa persen anak yang kembali ke keluarga?")).toContain("prevalence");
    expect(types("In what year was the task force set up?")).toContain("date");
    expect(types("Gugus tugas itu dibentuk tahun berapa?")).toContain("date");
    // a study's own year is a lookup, answered from the records
    expect(types("What year was study 4 published?")).not.toContain("date");
  });
  it("an ordinal pointing back ('the second one') is not a topic to look up", () => {
    expect(analyzeQuestion("and what about the second one?", SYNTHETIC_INDEX).topic).toEqual([]);
    expect(analyzeQuestion("yang ketiga gimana?", SYNTHETIC_INDEX).topic).toEqual([]);
  });
  it("a unit of time named with 'how many' asks for a duration", () => {
    expect(types("How many seconds does the mentor intake interview last?")).toContain("duration");
    expect(types("Berapa menit sesi konselingnya?")).toContain("duration");
  });
  it("'tahun berapa' asks for a year, not an amount", () => {
    expect(types("Penulis studi 2 siapa, tahunnya berapa?")).not.toContain("amount");
  });
});

describe("what a question sets aside", () => {
  const excluded = (text: string) => analyzeQuestion(text, SYNTHETIC_INDEX).excludedTopic;
  it("is the words after an exclusion word, up to the clause's end or a question or field word", () => {
    expect(excluded("What activities does the shelter offer besides counselling?")).toEqual(["counsel"]);
    expect(excluded("Selain konseling, kegiatan apa saja yang ada di shelter?")).toEqual(["konseling"]);
    expect(excluded("Apart from sport and art, what did the mentors do?")).toEqual(["sport", "art"]);
    expect(excluded("What activities does the shelter offer?")).toEqual([]);
  });
});

describe("a question that asks for several items", () => {
  const several = (text: string) => analyzeQuestion(text, SYNTHETIC_INDEX).several;
  it("is a list, or 'what'/'which' before a plural noun, past words such as 'are the main'", () => {
    expect(several("What concepts did the mentoring study identify?")).toBe(true);
    expect(several("What are the main activities at the shelter?")).toBe(true);
    expect(several("What kinds of services does the shelter offer?")).toBe(true);
    expect(several("Kegiatan apa saja yang ada di shelter?")).toBe(true);
    expect(several("What is the main finding of study 3?")).toBe(false);
    expect(several("What does the shelter offer?")).toBe(false);
  });
});

describe("planQuestion", () => {
  it("has at least 60 questions of its own", () => expect(CASES.length).toBeGreaterThanOrEqual(60));

  for (const [text, kind, expected = {}] of CASES) {
    it(`${kind}: ${text}`, () => {
      const p = plan(text);
      expect(p.kind).toBe(kind);
      if (expected.studies) expect("studies" in p ? p.studies.map((s) => s.number) : []).toEqual(expected.studies);
      if (expected.fields) expect("fields" in p ? [...p.fields].sort() : []).toEqual([...expected.fields].sort());
      // A negated filter is written "!field:key".
      const filters = p.kind === "list" || p.kind === "count" ? p.filters.map((f) => `${f.negated ? "!" : ""}${f.field}:${f.key}`) : [];
      if (expected.filter) expect(filters).toContain(expected.filter);
      if (expected.also) expect(filters).toContain(expected.also);
      if (expected.noFilters) expect(p.kind === "list" || p.kind === "count" ? p.filters : undefined).toEqual([]);
      if (expected.either !== undefined) expect(p.kind === "list" && p.filters.length === 2 && p.filters.every((f) => f.either === true)).toBe(expected.either);
      if (expected.op) expect(p.kind === "aggregate" ? p.op : undefined).toBe(expected.op);
      if (expected.sections) expect(p.kind === "explain" ? p.sections : undefined).toEqual(expected.sections);
      if (expected.ownVoice !== undefined) expect(p.kind === "explain" && p.ownVoice === true).toBe(expected.ownVoice);
      if (expected.field) expect(p.kind === "aggregate" || p.kind === "review-meta" ? p.field : undefined).toBe(expected.field);
      if (expected.count !== undefined) expect(p.kind === "review-meta" && p.count === true).toBe(expected.count);
      if (expected.nth !== undefined) expect(p.kind === "review-meta" ? p.nth : undefined).toBe(expected.nth);
      if (expected.identityAlso) expect(p.kind === "review-meta" ? p.also : undefined).toEqual(expected.identityAlso);
    });
  }
});

describe("an extreme among the studies a list named", () => {
  it("plans 'which one is the oldest?' after a list as the earliest of those studies", () => {
    const list = { question: analyzeQuestion("Which studies were qualitative?", SYNTHETIC_INDEX), planKind: "list", fields: [], entities: [1, 2, 4].map((number) => ({ docId: "review.txt", number })) };
    const p = planQuestion(resolveFollowUp(analyzeQuestion("which one is the oldest?", SYNTHETIC_INDEX), list), { hasStudies: true, docs: [] });
    expect(p).toMatchObject({ kind: "aggregate", field: "year", op: "earliest" });
    expect(p.kind === "aggregate" ? p.within?.map((s) => s.number) : []).toEqual([1, 2, 4]);
  });
});

describe("a review's own method, among papers", () => {
  const withPapers = (text: string) => planQuestion(resolveFollowUp(analyzeQuestion(text, SYNTHETIC_INDEX), undefined), { hasStudies: true, docs: [], reviews: ["review.txt"] });
  it("asks the reviews for a search strategy or inclusion criteria", () => {
    expect(withPapers("What search terms did they type into the databases?")).toMatchObject({ kind: "explain", docs: ["review.txt"] });
    expect(withPapers("Apa kriteria inklusinya?")).toMatchObject({ kind: "explain", docs: ["review.txt"] });
  });
  it("leaves keywords, which a paper has too, to every document", () => {
    expect(withPapers("What are the keywords?")).toMatchObject({ kind: "explain", docs: [] });
  });
});

describe("the documents of a library as a set", () => {
  // A library of papers (no included-studies table) and one with a review's table.
  const papers = (text: string) => planQuestion(resolveFollowUp(analyzeQuestion(text, SYNTHETIC_INDEX), undefined), { hasStudies: false, docs: [], library: ["a.pdf", "b.pdf", "c.pdf"] });
  const withTable = (text: string) => planQuestion(resolveFollowUp(analyzeQuestion(text, SYNTHETIC_INDEX), undefined), { hasStudies: true, docs: [], library: ["review.txt", "a.pdf"] });

  it("asks which documents are about a topic", () => {
    for (const q of ["Which documents are about compilers?", "Dokumen mana yang membahas kompilator?", "Which of these papers deal with compilers?"]) {
      expect(papers(q), q).toMatchObject({ kind: "review-meta", field: "title", topic: expect.any(Array) });
    }
    // With a study table, "documents" are still the documents.
    expect(withTable("Which documents are about mentoring?")).toMatchObject({ kind: "review-meta", topic: expect.any(Array) });
  });

  it("answers 'each document' from every document in turn", () => {
    expect(papers("What are the main findings of each document?")).toMatchObject({ kind: "explain", docs: ["a.pdf", "b.pdf", "c.pdf"], eachDoc: true, sections: ["abstract", "conclusion"] });
    expect(papers("Ringkas temuan utama masing-masing paper")).toMatchObject({ kind: "explain", eachDoc: true });
    // Each one's gist, from its abstract; the collection's titles when only the list is asked.
    for (const q of ["What is each document about?", "Apa isi masing-masing dokumen?", "Summarize each paper"]) {
      expect(papers(q), q).toMatchObject({ kind: "explain", eachDoc: true, sections: ["abstract"] });
    }
    expect(papers("List all documents")).toMatchObject({ kind: "review-meta", field: "title" });
    expect(papers("List all documents")).not.toHaveProperty("topic");
  });

  it("answers findings asked of no document in particular from each paper of a library without a review, and from the review beside papers", () => {
    expect(papers("What are the main findings?")).toMatchObject({ kind: "explain", docs: ["a.pdf", "b.pdf", "c.pdf"], eachDoc: true, sections: ["abstract", "conclusion"] });
    const mixed = planQuestion(resolveFollowUp(analyzeQuestion("What are the main findings?", SYNTHETIC_INDEX), undefined), { hasStudies: true, docs: [], reviews: ["review.txt"], library: ["review.txt", "a.pdf"] });
    expect(mixed).toMatchObject({ kind: "explain", docs: ["review.txt"], sections: ["conclusion", "discussion", "abstract"] });
    expect(mixed).not.toHaveProperty("eachDoc");
  });

  it("answers a named paper's aim from where it introduces itself, as it would 'this paper'", () => {
    for (const q of ["What is the aim of the PaSa paper?", "Apa tujuan paper PaSa?", "What are the objectives of PaSa?"]) {
      expect(papers(q), q).toMatchObject({ kind: "explain", ownVoice: true, sections: ["abstract", "introduction"] });
    }
    // ... not a limitation of it, nor the aims of the studies a review names
    expect(papers("What are the limitations of the PaSa paper?")).toMatchObject({ ownVoice: true, sections: [] });
    expect(withTable("Apa tujuan studi-studi dalam review ini?")).not.toMatchObject({ ownVoice: true });
  });

  it("asks the problem a named paper addresses as its aim, but not the problems a study identifies", () => {
    for (const q of ["What problem does PaSa try to solve?", "What problem does the PaSa paper address?", "Masalah apa yang ingin diselesaikan paper PaSa?"]) {
      expect(papers(q), q).toMatchObject({ kind: "explain", ownVoice: true, sections: ["abstract", "introduction"] });
    }
    expect(withTable("What problems does the Jepara study identify?")).not.toMatchObject({ ownVoice: true });
    // ... and of each document of a library in turn
    expect(papers("For every paper in the library, what problem does it address?")).toMatchObject({ kind: "explain", eachDoc: true, sections: ["abstract", "introduction"] });
  });

  it("orders the documents named by their years when it asks which is older or newer", () => {
    expect(papers("Which paper is older, PaSa or the review?")).toMatchObject({ kind: "review-meta", field: "year", order: "earliest" });
    expect(papers("Mana yang lebih baru, paper PaSa atau review ini?")).toMatchObject({ kind: "review-meta", field: "year", order: "latest" });
  });

  it("asks where a paper's authors work as their institutions, and who they are first when that is asked too", () => {
    expect(papers("Where do the PaSa authors work?")).toMatchObject({ kind: "review-meta", field: "affiliations" });
    expect(papers("Penulis paper PaSa bekerja di mana?")).toMatchObject({ kind: "review-meta", field: "affiliations" });
    // the country the authors are from is where they work
    expect(papers("Which country were the PaSa authors from?")).toMatchObject({ kind: "review-meta", field: "affiliations" });
    // the company behind a paper is its authors' institution
    expect(papers("Which company made PaSa?")).toMatchObject({ kind: "review-meta", field: "affiliations" });
    expect(papers("Penulis paper PaSa berasal dari negara mana?")).toMatchObject({ kind: "review-meta", field: "affiliations" });
    expect(papers("Who are the authors of the PaSa paper and where do they work?")).toMatchObject({ kind: "review-meta", field: "authors", also: ["affiliations"] });
    expect(papers("Who is the corresponding author of the PaSa paper?")).toMatchObject({ kind: "review-meta", field: "corresponding" });
    expect(papers("Who is the corresponding author of the PaSa paper?")).not.toHaveProperty("also");
  });

  it("asks where a named paper appeared when a conference is asked with publishing or presenting", () => {
    // where it was presented is where it appeared; where in it a topic is presented is not
    expect(analyzeQuestion("Where was it presented?", SYNTHETIC_INDEX).asks).toContain("venue");
    expect(analyzeQuestion("Where is the crawler presented in the PaSa paper?", SYNTHETIC_INDEX).asks).not.toContain("venue");
    for (const q of ["Which conference was PaSa published at?", "At which conference was the PaSa paper presented?", "Paper PaSa terbit di konferensi apa?", "Where was the PaSa paper presented?"]) {
      expect(papers(q), q).toMatchObject({ kind: "review-meta", field: "venue" });
    }
    // a conference that is what the paper is about stays a topic
    expect(papers("How many papers from each conference are in the PaSa dataset?")).not.toMatchObject({ kind: "review-meta" });
  });

  it("leaves papers that are what a paper is about, a study table's articles, and 'do any discuss' alone", () => {
    // "papers" with nothing that points at the library is content ("Which conferences' papers were collected?").
    expect(papers("Which conferences' papers were collected for the dataset?")).not.toMatchObject({ kind: "review-meta" });
    expect(papers("Do any of these papers discuss Python?")).toMatchObject({ kind: "explain" });
    expect(papers("Do any of these papers discuss Python?")).not.toMatchObject({ eachDoc: true });
    // With a study table, "each article" is each study.
    expect(withTable("What did each article find?")).not.toMatchObject({ eachDoc: true });
  });
});

describe("a count after a list", () => {
  it("plans 'how many are there?' and 'ada berapa?' after a list as a count by the list's filters", () => {
    const question = analyzeQuestion("Which studies were qualitative?", SYNTHETIC_INDEX);
    const filters = planQuestion(resolveFollowUp(question, undefined), { hasStudies: true, docs: [] });
    expect(filters.kind).toBe("list");
    const list = { question, planKind: "list", fields: [], filters: filters.kind === "list" ? filters.filters : [], entities: [1, 2, 4].map((number) => ({ docId: "review.txt", number })) };
    for (const text of ["how many are there?", "ada berapa?"]) {
      const p = planQuestion(resolveFollowUp(analyzeQuestion(text, SYNTHETIC_INDEX), list), { hasStudies: true, docs: [] });
      expect(p).toMatchObject({ kind: "count", filters: [{ field: "design" }] });
    }
    // Without a list before it, "how many are there?" asks for an amount in the text.
    expect(planQuestion(resolveFollowUp(analyzeQuestion("how many are there?", SYNTHETIC_INDEX), undefined), { hasStudies: true, docs: [] }).kind).toBe("explain");
  });
});

describe("a new topic after a topic list", () => {
  it("plans 'and resilience?', 'kalau kemiskinan?' after a list by a topic as the same list by the new topic", () => {
    const question = analyzeQuestion("Which studies mention trauma?", SYNTHETIC_INDEX);
    const first = planQuestion(resolveFollowUp(question, undefined), { hasStudies: true, docs: [] });
    expect(first).toMatchObject({ kind: "list", filters: [{ field: "topic" }] });
    const list = { question, planKind: "list", fields: [], filters: first.kind === "list" ? first.filters : [], entities: [2, 3].map((number) => ({ docId: "review.txt", number })) };
    const next = (text: string) => planQuestion(resolveFollowUp(analyzeQuestion(text, SYNTHETIC_INDEX), list), { hasStudies: true, docs: [] });
    expect(next("and resilience?")).toMatchObject({ kind: "list", filters: [{ field: "topic", text: "resilience" }] });
    expect(next("kalau kemiskinan?")).toMatchObject({ kind: "list", filters: [{ field: "topic", text: "kemiskinan" }] });
    // A question of its own is no continuation of the list.
    expect(next("What is the capital of France?").kind).not.toBe("list");
  });
});

describe("topicWords", () => {
  it("keeps the small words between the topic words, and only those", () => {
    const words = (text: string) => topicWords(text, analyzeQuestion(text, SYNTHETIC_INDEX).topic);
    expect(words("Which studies deal with the commercial sexual exploitation of children?")).toBe("commercial sexual exploitation of children");
    expect(topicWords("Which studies discuss trauma and, in Jepara, education?", ["trauma", "educ"])).toBe("trauma education");
  });
});


describe("what is proposed", () => {
  it("reads a proposal as a recommendation, but 'who proposed ...?' as asking who", () => {
    expect(analyzeQuestion("What does Rafferty propose?", SYNTHETIC_INDEX).asks).toEqual(["recommendations"]);
    expect(analyzeQuestion("Who proposed trace trees?", SYNTHETIC_INDEX).asks).not.toContain("recommendations");
    expect(analyzeQuestion("Siapa yang mengusulkan program itu?", SYNTHETIC_INDEX).asks).not.toContain("recommendations");
  });
});
