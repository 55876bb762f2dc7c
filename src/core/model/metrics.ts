// How well answers match labelled requests, counted the way the owner's scorer counts them
// (first recommendation in `accept`, "nothing fits" precision and recall, industry accuracy and
// false industries, volume) plus data classes, a confusion matrix and calibration bins.
import type { AnswerT } from '../answer.js';
import type { ExampleT } from './corpus.js';

export interface Metrics {
  readonly n: number;
  readonly category: number;
  readonly perCategory: Readonly<Record<string, { n: number; ok: number }>>;
  /** confusion[wanted][got] */
  readonly confusion: Readonly<Record<string, Record<string, number>>>;
  readonly none: { precision: number; recall: number };
  readonly industry: { accuracy: number; n: number; falseRate: number; nullN: number };
  readonly volume: { accuracy: number; n: number };
  readonly data: { precision: number; recall: number; positives: number };
  /** By confidence tenth: how many answers, how many right. */
  readonly calibration: readonly { from: number; n: number; ok: number; meanConfidence: number }[];
}

const ratio = (k: number, n: number): number => (n ? k / n : 1);

export function measure(pairs: readonly { example: ExampleT; answer: AnswerT }[]): Metrics {
  const perCategory: Record<string, { n: number; ok: number }> = {};
  const confusion: Record<string, Record<string, number>> = {};
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, n: 0, ok: 0, sum: 0 }));
  let ok = 0, noneTP = 0, noneFP = 0, noneFN = 0;
  let indN = 0, indOk = 0, nullN = 0, indFalse = 0, volN = 0, volOk = 0;
  let dataTP = 0, dataFP = 0, dataFN = 0;
  for (const { example: e, answer: a } of pairs) {
    const got = a.recommendations[0]?.category ?? 'none';
    const want = e.accept[0]!;
    const right = e.accept.includes(got);
    perCategory[want] ??= { n: 0, ok: 0 };
    perCategory[want].n++;
    confusion[want] ??= {};
    confusion[want][got] = (confusion[want][got] ?? 0) + 1;
    if (right) {
      ok++;
      perCategory[want].ok++;
    }
    const wantNone = e.accept.includes('none');
    if (wantNone && got === 'none') noneTP++;
    if (!wantNone && got === 'none') noneFP++;
    if (wantNone && got !== 'none') noneFN++;
    if (e.industry) {
      indN++;
      if (a.industry === e.industry) indOk++;
    } else {
      nullN++;
      if (a.industry !== null) indFalse++;
    }
    if (e.volume) {
      volN++;
      const v = a.volume;
      if (v && v.count === e.volume.count && v.unit === e.volume.unit && v.period === e.volume.period) volOk++;
    }
    for (const c of a.data) {
      if (e.data.includes(c)) dataTP++;
      else dataFP++;
    }
    for (const c of e.data) if (!a.data.includes(c)) dataFN++;
    const bin = bins[Math.min(9, Math.floor(a.confidence * 10))]!;
    bin.n++;
    bin.sum += a.confidence;
    if (right) bin.ok++;
  }
  return {
    n: pairs.length,
    category: ratio(ok, pairs.length),
    perCategory,
    confusion,
    none: { precision: ratio(noneTP, noneTP + noneFP), recall: ratio(noneTP, noneTP + noneFN) },
    industry: { accuracy: ratio(indOk, indN), n: indN, falseRate: nullN ? indFalse / nullN : 0, nullN },
    volume: { accuracy: ratio(volOk, volN), n: volN },
    data: { precision: ratio(dataTP, dataTP + dataFP), recall: ratio(dataTP, dataTP + dataFN), positives: dataTP + dataFN },
    calibration: bins.map((b) => ({ from: b.from, n: b.n, ok: b.ok, meanConfidence: b.n ? b.sum / b.n : 0 })),
  };
}

const f3 = (n: number): string => n.toFixed(3);

/** One line in the owner's scorer's words, plus data classes. */
export function summaryLine(m: Metrics): string {
  return (
    `category ${f3(m.category)} (n ${m.n}) · none p/r ${m.none.precision.toFixed(2)}/${m.none.recall.toFixed(2)} · ` +
    `industry ${f3(m.industry.accuracy)} (n ${m.industry.n}), false ${(m.industry.falseRate * 100).toFixed(1)}% · ` +
    `volume ${f3(m.volume.accuracy)} (n ${m.volume.n}) · data p/r ${m.data.precision.toFixed(2)}/${m.data.recall.toFixed(2)} (n ${m.data.positives})`
  );
}
