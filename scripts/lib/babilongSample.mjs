// A synthetic BABILong results folder: one model, one prompt configuration, qa1..qa5 at five
// lengths, 10 answers per file, right less often as the filler grows. Seeded, so reruns agree.

export const BABILONG_CONFIG = 'instruction_yes_examples_yes_post_prompt_yes_chat_template_no';
export const BABILONG_TASKS = ['qa1', 'qa2', 'qa3', 'qa4', 'qa5'];
export const BABILONG_LENGTHS = ['0k', '1k', '4k', '16k', '64k'];
const ROOMS = ['bathroom', 'bedroom', 'garden', 'hallway', 'kitchen', 'office'];
const PEOPLE = ['Mary', 'John', 'Daniel', 'Sandra'];

/**
 * mulberry32: a small seeded generator.
 * @param {number} seed
 */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** @param {string} text */
const quoted = (text) => (/[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/**
 * @param {readonly string[]} list
 * @param {number} index
 * @returns {string}
 */
const pick = (list, index) => list[index % list.length] ?? '';

/** The folder's files: `babilong/babilong_evals/haymap-demo/demo-8b/qa<N>_<len>_<cfg>.csv`. */
export function babilongFiles() {
  const next = random(12);
  /** @type {{ name: string; text: string }[]} */
  const files = [];
  BABILONG_TASKS.forEach((task, t) => {
    BABILONG_LENGTHS.forEach((length, l) => {
      const right = 0.97 - 0.12 * l - 0.04 * t;
      const lines = [',target,output,question'];
      for (let i = 0; i < 10; i += 1) {
        const target = pick(ROOMS, Math.floor(next() * ROOMS.length));
        const person = pick(PEOPLE, Math.floor(next() * PEOPLE.length));
        const wrong = pick(ROOMS, ROOMS.indexOf(target) + 1 + Math.floor(next() * 5));
        const output =
          next() < right
            ? `${target.slice(0, 1).toUpperCase()}${target.slice(1)}.`
            : `The ${wrong}.`;
        lines.push(
          [i, target, output, `Where is ${person}?`].map((v) => quoted(String(v))).join(','),
        );
      }
      files.push({
        name: `babilong/babilong_evals/haymap-demo/demo-8b/${task}_${length}_${BABILONG_CONFIG}.csv`,
        text: `${lines.join('\n')}\n`,
      });
    });
  });
  return files;
}
