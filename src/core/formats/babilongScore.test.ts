import { describe, expect, it } from 'vitest';
import { collectedLabels, compareAnswers, firstSentence, TASK_LABELS } from './babilongScore';

const rooms = TASK_LABELS.qa1 ?? [];
const counts = TASK_LABELS.qa7 ?? [];
const things = TASK_LABELS.qa8 ?? [];

describe('firstSentence', () => {
  it.each([
    ['missing output is ""', undefined, ''],
    ['null output is ""', null, ''],
    ['a number is its text', 12.5, '12'],
    ['a boolean is its text', true, 'true'],
    ['lower-cased', 'KITCHEN', 'kitchen'],
    ['text before the first "."', 'Garden. Then the hallway.', 'garden'],
    ['then before <context>', 'office <context> kitchen', 'office '],
    ['then before <example>', 'office <example> kitchen', 'office '],
    [
      '"Question" is gone once lower-cased, so it cuts nothing',
      'office Question kitchen',
      'office question kitchen',
    ],
  ])('%s', (_rule, output, shown) => {
    expect(firstSentence(output)).toBe(shown);
  });
});

describe('collectedLabels', () => {
  it.each([
    [
      'labels occurring as substrings',
      'the bathroom and bedroomish',
      'Where?',
      ['bathroom', 'bedroom'],
    ],
    [
      'labels in the lowercased question are dropped',
      'kitchen or garden',
      'Was Mary in the GARDEN?',
      ['kitchen'],
    ],
    ['labels of the task are lower-cased', 'bill has it', 'Who?', ['bill']],
    ['"none" also contains "one"', 'none', 'How many?', ['none', 'one']],
  ])('%s', (_rule, output, question, labels) => {
    const task = labels.includes('bill')
      ? (TASK_LABELS.qa5 ?? [])
      : labels.includes('none')
        ? counts
        : rooms;
    expect([...collectedLabels(output, question, task)].sort()).toEqual([...labels].sort());
  });
});

describe('compareAnswers', () => {
  it.each([
    // [rule, target, output, question, labels, score]
    [
      'the only label collected is the target',
      'kitchen',
      'The kitchen.',
      'Where is Mary?',
      rooms,
      1,
    ],
    ['target compared lower-cased', 'Kitchen', 'kitchen', 'Where is Mary?', rooms, 1],
    ['two labels collected: wrong', 'kitchen', 'kitchen or office', 'Where is Mary?', rooms, 0],
    ['a wrong label: wrong', 'kitchen', 'office', 'Where is Mary?', rooms, 0],
    ['no label: wrong', 'kitchen', 'I do not know', 'Where is Mary?', rooms, 0],
    ['missing output: wrong', 'kitchen', undefined, 'Where is Mary?', rooms, 0],
    ['only the first sentence counts', 'kitchen', 'Kitchen. Not the office.', 'Where?', rooms, 1],
    ['nothing after <context> counts', 'kitchen', 'kitchen<context>office', 'Where?', rooms, 1],
    ['nothing after <example> counts', 'kitchen', 'kitchen <example> office', 'Where?', rooms, 1],
    [
      'a label from the question is dropped',
      'kitchen',
      'from the office to the kitchen',
      'Did Mary leave the office?',
      rooms,
      1,
    ],
    [
      'the target named in the question never passes',
      'office',
      'office',
      'Is the office empty?',
      rooms,
      0,
    ],
    ['qa7 "two" passes', 'two', 'two', 'How many objects?', counts, 1],
    [
      'qa7 "none" never passes: it also collects "one"',
      'none',
      'none',
      'How many objects?',
      counts,
      0,
    ],
    [
      'qa8 list: every part and nothing else',
      'apple,milk',
      'milk, apple',
      'What is Mary carrying?',
      things,
      1,
    ],
    ['qa8 list: a part missing', 'apple,milk', 'apple', 'What is Mary carrying?', things, 0],
    [
      'qa8 list: one more collected',
      'apple,milk',
      'apple, milk, football',
      'What is Mary carrying?',
      things,
      0,
    ],
    ['qa8 single thing', 'football', 'football', 'What is Mary carrying?', things, 1],
    [
      'qa19 "n,w" is 3 characters: one label, not a list',
      'n,w',
      'n,w',
      'How do you go?',
      TASK_LABELS.qa19 ?? [],
      1,
    ],
    ['a number output is read as its text', 'two', 2, 'How many?', counts, 0],
  ] as const)('%s', (_rule, target, output, question, labels, score) => {
    expect(compareAnswers(target, output, question, labels)).toBe(score);
  });
});
