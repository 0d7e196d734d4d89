/**
 * The written labelling rules for short messages (issue 16), applied to the training rows whose
 * source labels follow another convention:
 * - a question about how, when, whether or what = inquiry;
 * - something failed or must be done for the customer = support request;
 * - dissatisfaction with the company, product or service = complaint, even when help is asked.
 * Bitext and CLINC file "how do I cancel my order?" or "can I increase my limit?" under a task
 * intent (support). By the rules these are inquiries, unless the message also reports a failure
 * ("how do I report an error with my payment?", "why was my card declined?").
 */

/** Opens with a question about how, whether, what or where to do something. */
const PROCEDURE_QUESTION =
  /^\s*(?:(?:hi|hello|hey)[,!. ]+)?(?:how (?:do|can|could|should|would|does|will|to|is it possible|long|much|many|soon|often)|how's|what (?:do|should|would|must) (?:i|we) (?:need to |have to )?do|what (?:is|are|'s) the (?:way|procedure|process|steps?)|where (?:can|do|should|could) (?:i|we)|when (?:can|do|should|could|will) (?:i|we)|is (?:it|there) (?:possible|a way|any way)|are there (?:any )?ways?|can (?:i|we)|could (?:i|we)|may (?:i|we)|am i able to|do you (?:know how|offer|allow|have|let)|i (?:do ?n[o']t|do not|dont) know (?:how|what|where|whether|if)|i'?d like to know|i would like to know|i want(?:ed)? to know|i need to know|i wanna know|(?:can|could) you tell me (?:how|what|where|when|whether|if)|tell me (?:how|what|where|when|whether|if)|show me how|help me (?:to )?(?:know|understand|see|find out) (?:how|what|where|when|whether|if)|i (?:was )?wonder(?:ing)?|wondering (?:how|if|whether|what|where))\b/i;

/** Reports that something went wrong: then it is a support request whatever the phrasing. */
const FAILURE =
  /\b(?:error|errors|problem|problems|issue|issues|trouble|troubles|fail(?:ed|s|ing|ure)?|declin(?:ed|ing)|reject(?:ed|ing)|block(?:ed)?|lock(?:ed)?|frozen|freeze|hold|stolen|lost|damaged|broken|wrong|incorrect|not working|doesn'?t work|didn'?t work|won'?t|can'?t|cannot|unable|never arrived|hasn'?t arrived|why (?:is|was|did|has|have|does|do|am|are|can'?t|won'?t)|fraud|scam|report)\b/i;

export function labelByRule<L extends 'inquiry' | 'complaint' | 'support'>(text: string, label: L): L | 'inquiry' {
  if (label !== 'support') return label;
  return PROCEDURE_QUESTION.test(text) && !FAILURE.test(text) ? 'inquiry' : label;
}
