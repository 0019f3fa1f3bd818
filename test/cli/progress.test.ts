import { describe, expect, it } from 'vitest';
import { ProgressBar } from '../../src/cli/progress.js';

function fakeStream(): { stream: NodeJS.WriteStream; text: () => string } {
  let out = '';
  const stream = { write: (chunk: string) => ((out += chunk), true) } as unknown as NodeJS.WriteStream;
  return { stream, text: () => out };
}

describe('progress bar', () => {
  it('shows done/total, rate, time left and failures, and redraws the last state', () => {
    const { stream, text } = fakeStream();
    const bar = new ProgressBar(4, stream);
    bar.tick(false);
    bar.tick(true);
    bar.tick(false);
    bar.tick(false);
    const last = text().split('\r\x1b[2K').pop() ?? '';
    expect(last).toMatch(/^\[#{24}\] {2}4\/4 {2}[\d.]+\/s {2}ETA 0s {2}1 failed$/);
  });

  it('prints a line above the bar without garbling it', () => {
    const { stream, text } = fakeStream();
    const bar = new ProgressBar(10, stream);
    bar.tick(false);
    bar.print('case-3.yaml:5:8  error');
    expect(text()).toContain('\r\x1b[2Kcase-3.yaml:5:8  error\n');
  });
});
