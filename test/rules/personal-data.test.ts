/** GB 11643 check digits and masking, table-driven. */
import { idCheckDigit, idNumberProblem, isMobilePhone, maskIdNumber, maskPhone } from '../../shared/domain/personal-data';

// Numbers built from a valid region and birth date with their computed check digits.
const valid = (first17: string) => `${first17}${idCheckDigit(first17)}`;

describe('GB 11643 identity numbers', () => {
  test.each([
    ['11010519491231002', 'X'], // the standard's own worked example
  ])('check digit of %s is %s', (first17, digit) => expect(idCheckDigit(first17)).toBe(digit));

  test.each([
    [valid('33010219900101123'), null],
    ['11010519491231002X', null],
    ['11010519491231002x', null],
    ['110105194912310021', /校验位/],
    ['11010519491331002X', /出生日期/],
    ['11010518000101002X', /出生日期/],
    ['1101051949123100', /18位/],
    ['11010519491231002Y', /18位/],
    ['', /18位/],
  ])('%s → %s', (id, problem) => {
    const p = idNumberProblem(id);
    if (problem === null) expect(p).toBeNull();
    else expect(p).toMatch(problem);
  });
});

test.each([
  ['13812345678', true],
  ['19912345678', true],
  ['12812345678', false],
  ['1381234567', false],
  ['0571-65213800', false],
])('mobile phone %s → %s', (p, ok) => expect(isMobilePhone(p)).toBe(ok));

test.each([
  ['330102199001011234', '3301**********1234'],
  ['11010519491231002X', '1101**********002X'],
])('masks id %s', (id, masked) => expect(maskIdNumber(id)).toBe(masked));

test('masks phones', () => {
  expect(maskPhone('13812345678')).toBe('138****5678');
});
