// Peak JS heaps during a load: the loader worker's, through the browser's CDP session
// (Target.attachToTarget without flattening, then Runtime.getHeapUsage sent into the worker
// with Target.sendMessageToTarget), and the page's, on its own CDP session. Polled every 50 ms.

/** @typedef {import('@playwright/test').CDPSession} CDPSession */

const POLL_MS = 50;

/**
 * @typedef {object} HeapPeaks
 * @property {number} workerPeak bytes of JS heap in use, the largest sample (NaN: no sample)
 * @property {number} workerTotalPeak bytes the worker's heap had reserved, the largest sample
 * @property {number} workerSamples
 * @property {number} pagePeak bytes of the page's JS heap in use, the largest sample
 * @property {number} pageBefore bytes in use on the page before the load
 * @property {number} pageSamples
 */

/**
 * Starts polling; `stop` ends it and gives the peaks.
 * @param {CDPSession} browserSession from `browser.newBrowserCDPSession()`
 * @param {CDPSession} pageSession from `context.newCDPSession(page)`
 * @returns {Promise<{ stop: () => Promise<HeapPeaks> }>}
 */
export async function watchHeaps(browserSession, pageSession) {
  const peaks = {
    workerPeak: NaN,
    workerTotalPeak: NaN,
    workerSamples: 0,
    pagePeak: NaN,
    pageBefore: NaN,
    pageSamples: 0,
  };
  const before = await pageSession.send('Runtime.getHeapUsage');
  peaks.pageBefore = before.usedSize;
  peaks.pagePeak = before.usedSize;

  /** @type {string | null} */
  let workerSession = null;
  /** @type {Set<string>} worker targets seen, so a closed one is not attached again */
  const seen = new Set();
  let nextId = 1;
  let workerInFlight = false;
  let pageInFlight = false;
  let attaching = false;

  /** @param {{ sessionId?: string, message: string }} event */
  const onMessage = (event) => {
    if (event.sessionId !== workerSession) return;
    /** @type {{ id?: number, result?: { usedSize?: number, totalSize?: number } }} */
    const reply = JSON.parse(event.message);
    if (reply.id === undefined || !reply.result) return;
    workerInFlight = false;
    const used = reply.result.usedSize ?? NaN;
    const total = reply.result.totalSize ?? NaN;
    peaks.workerSamples += 1;
    if (!(used <= peaks.workerPeak)) peaks.workerPeak = used;
    if (!(total <= peaks.workerTotalPeak)) peaks.workerTotalPeak = total;
  };
  browserSession.on('Target.receivedMessageFromTarget', onMessage);

  const findWorker = async () => {
    attaching = true;
    try {
      const { targetInfos } = await browserSession.send('Target.getTargets');
      const worker = targetInfos.find((t) => t.type === 'worker' && !seen.has(t.targetId));
      if (!worker) return;
      seen.add(worker.targetId);
      const { sessionId } = await browserSession.send('Target.attachToTarget', {
        targetId: worker.targetId,
        flatten: false,
      });
      workerSession = sessionId;
    } catch {
      // The worker went away between listing and attaching: try again on the next tick.
    } finally {
      attaching = false;
    }
  };

  const tick = () => {
    if (workerSession === null) {
      if (!attaching) void findWorker();
    } else if (!workerInFlight) {
      workerInFlight = true;
      const message = JSON.stringify({ id: nextId++, method: 'Runtime.getHeapUsage' });
      browserSession
        .send('Target.sendMessageToTarget', { sessionId: workerSession, message })
        .catch(() => {
          workerSession = null;
          workerInFlight = false;
        });
    }
    if (!pageInFlight) {
      pageInFlight = true;
      pageSession
        .send('Runtime.getHeapUsage')
        .then(({ usedSize }) => {
          peaks.pageSamples += 1;
          if (!(usedSize <= peaks.pagePeak)) peaks.pagePeak = usedSize;
        })
        .catch(() => undefined)
        .finally(() => (pageInFlight = false));
    }
  };
  const timer = setInterval(tick, POLL_MS);
  tick();

  return {
    async stop() {
      clearInterval(timer);
      browserSession.off('Target.receivedMessageFromTarget', onMessage);
      if (workerSession !== null) {
        await browserSession
          .send('Target.detachFromTarget', { sessionId: workerSession })
          .catch(() => undefined);
      }
      return peaks;
    },
  };
}
