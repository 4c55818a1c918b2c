import { inferScale, type ScoreScale } from '../../normalize';
import type { Result } from '../../result';

/**
 * Watches the raw scores of a file that does not say its scale, to infer it at the end: the
 * smallest of 0..1, 1..10 and 0..100 that holds every score. Scores strictly between 0 and 1
 * beside scores above 1 mean two scales in one file, which the notes say.
 */
export class ScaleProbe {
  private min = Infinity;
  private max = -Infinity;
  private fractions = 0;
  private firstFraction = 0;

  see(rawScore: number): void {
    this.min = Math.min(this.min, rawScore);
    this.max = Math.max(this.max, rawScore);
    if (rawScore > 0 && rawScore < 1) {
      if (this.fractions === 0) this.firstFraction = rawScore;
      this.fractions += 1;
    }
  }

  /** The scale of every score seen, or why there is none. */
  scale(): Result<{ scale: ScoreScale }> {
    const scale = inferScale(this.min, this.max);
    if (scale) return { ok: true, scale };
    return {
      ok: false,
      reason: `scores range from ${this.min} to ${this.max}: not on a 0..1, 1..10 or 0..100 scale`,
    };
  }

  /** What the user should know about reading the scores on `scale`. */
  notes(scale: ScoreScale): string[] {
    if (scale.top === 1) return [];
    const notes: string[] = [];
    if (this.fractions > 0) {
      notes.push(
        `scores mix scales: ${this.fractions} between 0 and 1 (first ${this.firstFraction}) beside scores up to ${this.max}; all were read on the ${scale.label} scale, so check the file`,
      );
    }
    notes.push(
      `scores read on the ${scale.label} scale (highest ${this.max}) and divided by ${scale.top}`,
    );
    return notes;
  }
}
