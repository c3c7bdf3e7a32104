import { inPool, runProcess } from '../../../src/operator/terraform/run-process';

describe('runProcess', () => {
  it('collects the exit code and both output streams', async () => {
    const result = await runProcess(
      process.execPath,
      ['-e', 'console.log("out"); console.error("err"); process.exit(3)'],
      {
        cwd: process.cwd(),
        env: process.env,
      },
    );
    expect(result).toEqual({ code: 3, stdout: 'out\n', stderr: 'err\n' });
  });
});

describe('inPool', () => {
  it('keeps the order of the tasks and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const task = (value: number) => async () => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5 * (4 - value)));
      running -= 1;
      return value;
    };
    expect(await inPool([1, 2, 3, 4].map(task), 2)).toEqual([1, 2, 3, 4]);
    expect(peak).toBe(2);
  });
});
