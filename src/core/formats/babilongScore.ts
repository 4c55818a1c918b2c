/**
 * BABILong's own scoring of an answer (`compare_answers` in booydar/babilong,
 * `babilong/metrics.py`), followed to the letter so a heatmap shows the numbers the benchmark
 * prints, its substring quirks included: a label counts when it occurs anywhere in the answer's
 * first sentence, so "none" also collects "one" and a qa7 answer "none" never passes.
 */

/** Every label a task's answer can be, per task (booydar/babilong, `babilong/metrics.py`). */
export const TASK_LABELS: Readonly<Record<string, readonly string[]>> = {
  qa1: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa2: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa3: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa4: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa5: ['Bill', 'Fred', 'Jeff', 'Mary', 'apple', 'football', 'milk'],
  qa6: ['no', 'yes'],
  qa7: ['none', 'one', 'three', 'two'],
  qa8: ['apple', 'football', 'milk', 'nothing'],
  qa9: ['no', 'yes'],
  qa10: ['maybe', 'no', 'yes'],
  qa11: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa12: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa13: ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'],
  qa14: ['bedroom', 'cinema', 'kitchen', 'office', 'park', 'school'],
  qa15: ['cat', 'mouse', 'sheep', 'wolf'],
  qa16: ['gray', 'green', 'white', 'yellow'],
  qa17: ['no', 'yes'],
  qa18: ['no', 'yes'],
  qa19: ['e,e', 'e,n', 'e,s', 'n,e', 'n,n', 'n,w', 's,e', 's,s', 's,w', 'w,n', 'w,s', 'w,w'],
  qa20: ['bedroom', 'bored', 'garden', 'hungry', 'kitchen', 'thirsty', 'tired'],
};

/** An answer as the benchmark reads it: missing is "", any other value its text. */
function answerText(output: unknown): string {
  if (output === undefined || output === null) return '';
  if (typeof output === 'string') return output;
  // Python's str(): a CSV or JSON value is a number or a boolean here, or JSON's own text.
  if (typeof output === 'object') return JSON.stringify(output);
  return typeof output === 'boolean' || typeof output === 'number' ? String(output) : '';
}

/**
 * The part of an answer that is scored: lower-cased, up to the first `.`, then up to any
 * `<context>` or `<example>` (a model that goes on to write examples). The original also cuts at
 * `Question`, which never occurs once the text is lower-cased, so it changes nothing.
 */
export function firstSentence(output: unknown): string {
  const text = answerText(output).toLowerCase();
  return (text.split('.')[0] ?? '').split('<context>')[0]?.split('<example>')[0] ?? '';
}

/** The task's labels that occur in the answer and not in the question, lower-cased. */
export function collectedLabels(
  output: unknown,
  question: string,
  labels: readonly string[],
): Set<string> {
  const answer = firstSentence(output);
  const asked = question.toLowerCase();
  const collected = new Set<string>();
  for (const label of labels) {
    const lower = label.toLowerCase();
    // Labels named in the question are never the answer.
    if (answer.includes(lower) && !asked.includes(lower)) collected.add(lower);
  }
  return collected;
}

/**
 * 1 when the answer is right by BABILong's rule, else 0. A target with a comma longer than 3
 * characters is a list (qa8): right iff every part is collected and nothing else; any other
 * target is right iff it is the only label collected.
 */
export function compareAnswers(
  target: string,
  output: unknown,
  question: string,
  labels: readonly string[],
): 0 | 1 {
  const collected = collectedLabels(output, question, labels);
  const wanted = target.toLowerCase();
  const parts = wanted.includes(',') && wanted.length > 3 ? new Set(wanted.split(',')) : null;
  const expected = parts ?? new Set([wanted]);
  const same = collected.size === expected.size && [...expected].every((p) => collected.has(p));
  return same ? 1 : 0;
}
