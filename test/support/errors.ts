import { PromptgateError } from '../../src/errors.js';

/** Run `fn` and return the PromptgateError it throws; fail the test when it throws nothing or something else. */
export function errorOf(fn: () => unknown): PromptgateError {
  try {
    fn();
  } catch (err) {
    if (err instanceof PromptgateError) return err;
    throw err;
  }
  throw new Error('expected a PromptgateError');
}
