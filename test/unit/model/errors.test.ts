/**
 * The collect-then-throw helpers every loader and command uses: inputProblemsOf flattens what a
 * catch block caught (and lets crashes through); throwIfAny throws nothing, the one problem, or
 * InputErrors with every problem.
 */
import { describe, expect, it } from 'vitest';
import { InputError, InputErrors, inputProblemsOf, throwIfAny } from '../../../model/errors.ts';

const one = new InputError('first', { file: 'a.yaml', line: 1, column: 1 });
const two = new InputError('second', { file: 'b.yaml' });
const three = new InputError('third', { file: 'c.yaml', keyPath: 'tokens' });

function thrownBy(run: () => void): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('inputProblemsOf', () => {
  it('an InputError is one problem; an InputErrors is its items', () => {
    expect(inputProblemsOf(one)).toEqual([one]);
    expect(inputProblemsOf(new InputErrors([one, two]))).toEqual([one, two]);
  });

  it('anything else is rethrown unchanged (a bug is not an input problem)', () => {
    const bug = new TypeError('x is undefined');
    expect(thrownBy(() => inputProblemsOf(bug))).toBe(bug);
    expect(thrownBy(() => inputProblemsOf('text'))).toBe('text');
  });
});

describe('throwIfAny', () => {
  it('returns when nothing was collected', () => {
    expect(thrownBy(() => throwIfAny([]))).toBeUndefined();
    expect(thrownBy(() => throwIfAny([], { asList: true }))).toBeUndefined();
  });

  it('throws the InputError itself when there is one', () => {
    expect(thrownBy(() => throwIfAny([one]))).toBe(one);
  });

  it('asList: InputErrors even for one problem', () => {
    const error = thrownBy(() => throwIfAny([one], { asList: true }));
    expect(error).toBeInstanceOf(InputErrors);
    expect((error as InputErrors).errors).toEqual([one]);
  });

  it('several problems, nested InputErrors flattened in order, as one InputErrors', () => {
    const error = thrownBy(() => throwIfAny([one, new InputErrors([two, three])]));
    expect(error).toBeInstanceOf(InputErrors);
    expect((error as InputErrors).errors).toEqual([one, two, three]);
    expect((error as InputErrors).message).toBe('a.yaml:1:1: first\nb.yaml: second\nc.yaml: tokens: third');
  });

  it('a lone nested InputErrors with one item is that item', () => {
    expect(thrownBy(() => throwIfAny([new InputErrors([two])]))).toBe(two);
  });
});
