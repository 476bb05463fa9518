/**
 * "hello", "terima kasih ya kak", "bye": a message that only greets, thanks or says goodbye is answered in
 * kind, naming what can be asked about, and cites nothing (plan.ts: smallTalkOf). It is not an answer from
 * the documents, so it counts as one they do not give (abstained), with a reason that says why.
 */
import type { ComposeContext, Composition } from "./compose-context.ts";
import { documentName } from "./compose-context.ts";
import { MESSAGES } from "./messages.ts";
import type { SmallTalk } from "./plan.ts";
import { SentenceBuilder } from "./render.ts";

export function composeSmallTalk(context: ComposeContext, talk: SmallTalk): Composition {
  const m = MESSAGES[context.lang];
  const about = context.documents.length === 1 ? documentName(context, context.documents[0].id) : m.theDocuments(context.documents.length);
  const sentence = new SentenceBuilder().say(m.smallTalk[talk](about, context.records.length > 0)).done("frame");
  return { sentences: [sentence], abstained: true, studies: [], reason: `small talk: ${talk}`, bestSupport: 0 };
}
