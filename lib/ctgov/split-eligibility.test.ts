import { describe, expect, it } from 'vitest';
import { splitEligibility } from './split-eligibility';

const inc = (text: string) => ({ kind: 'INCLUSION', text });
const exc = (text: string) => ({ kind: 'EXCLUSION', text });

describe('splitEligibility: headings', () => {
  it.each([
    ['Inclusion Criteria:', 'Exclusion Criteria:'],
    ['Inclusion criteria', 'Exclusion criteria'],
    ['Key Inclusion Criteria:', 'Key Exclusion Criteria:'],
    ['**Inclusion Criteria:**', '**Exclusion Criteria:**'],
    ['*Inclusion Criteria*', '_Exclusion Criteria_'],
    ['### Inclusion Criteria', '### Exclusion Criteria'],
    ['INCLUSION CRITERIA:', 'EXCLUSION CRITERIA:'],
  ])('reads "%s" / "%s"', (inclusion, exclusion) => {
    const markdown = `${inclusion}\n\n* Adult\n\n${exclusion}\n\n* Pregnant`;
    expect(splitEligibility(markdown)).toEqual({ items: [inc('Adult'), exc('Pregnant')], notes: [] });
  });

  it('treats a generic "Eligibility criteria:" heading and text before any heading as inclusion', () => {
    expect(splitEligibility('* Adult\n\nEligibility criteria:\n\n* Consents').items).toEqual([
      inc('Adult'),
      inc('Consents'),
    ]);
  });

  it('reads a heading with its first criterion on the same line', () => {
    expect(splitEligibility('Inclusion Criteria: Age 18-65\nExclusion Criteria: Pregnancy').items).toEqual([
      inc('Age 18-65'),
      exc('Pregnancy'),
    ]);
  });

  it('keeps the cohort named in a heading', () => {
    expect(splitEligibility('Inclusion Criteria for Cohort A:\n\n* Adult').items).toEqual([inc('For Cohort A: Adult')]);
  });

  it('switches back to inclusion when an inclusion heading follows exclusions', () => {
    const markdown = 'Exclusion Criteria:\n* Pregnant\n\nInclusion Criteria:\n* Adult';
    expect(splitEligibility(markdown).items).toEqual([exc('Pregnant'), inc('Adult')]);
  });
});

describe('splitEligibility: lists', () => {
  it('reads *, -, + and numbered bullets (1. and 1))', () => {
    const markdown = 'Inclusion Criteria:\n\n* one\n- two\n+ three\n1. four\n2) five\n10. six';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual([
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
    ]);
  });

  it('keeps indented sub-bullets with their parent, deeper levels indented further', () => {
    const markdown =
      'Inclusion Criteria:\n\n* Active disease defined by\n\n  * BASDAI >= 4\n  * Pain >= 4\n    * on NRS\n* Next';
    expect(splitEligibility(markdown).items).toEqual([
      inc('Active disease defined by\n- BASDAI >= 4\n- Pain >= 4\n  - on NRS'),
      inc('Next'),
    ]);
  });

  it('keeps numbered sub-items under a numbered parent', () => {
    const markdown = '1. Not of childbearing potential:\n\n   1. Postmenopausal;\n   2. Sterilised.\n2. Next';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual([
      'Not of childbearing potential:\n- Postmenopausal;\n- Sterilised.',
      'Next',
    ]);
  });

  it('joins wrapped lines and indented paragraphs to their item', () => {
    const markdown = '* Weight stable\nfor 3 months\n\n  within 5%\n* Next';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual([
      'Weight stable for 3 months within 5%',
      'Next',
    ]);
  });

  it('keeps a standalone paragraph between bullets as its own criterion', () => {
    const markdown = '* One\n\nTissue block received before randomization.\n\n* Two';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual([
      'One',
      'Tissue block received before randomization.',
      'Two',
    ]);
  });

  it('drops empty bullets and list debris', () => {
    const markdown = '* One\n*\n* \n\n-Patients must start therapy. -\n\n       -';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual(['One', 'Patients must start therapy.']);
  });

  it('returns nothing for empty input', () => {
    expect(splitEligibility('')).toEqual({ items: [], notes: [] });
    expect(splitEligibility(null)).toEqual({ items: [], notes: [] });
    expect(splitEligibility('\n\n   \n')).toEqual({ items: [], notes: [] });
  });
});

describe('splitEligibility: text cleanup', () => {
  it('removes backslash escapes and collapses whitespace', () => {
    const markdown = '* PHQ-9 \\>= 10 and  \\< 20\n* BMI \\> 40 kg/m\\^2, ALT \\= 2\\*ULN \\[see protocol\\]';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual([
      'PHQ-9 >= 10 and < 20',
      'BMI > 40 kg/m^2, ALT = 2*ULN [see protocol]',
    ]);
  });

  it('removes emphasis markers but keeps literal asterisks', () => {
    expect(splitEligibility('* **Must** have *active* disease, pN0\\*').items.map((item) => item.text)).toEqual([
      'Must have active disease, pN0*',
    ]);
  });

  it('handles Windows line endings and tabs', () => {
    expect(
      splitEligibility('Inclusion Criteria:\r\n\r\n* Adult\r\n\t* sub\r\nExclusion Criteria:\r\n* Pregnant').items,
    ).toEqual([inc('Adult\n- sub'), exc('Pregnant')]);
  });
});

describe('splitEligibility: group labels, combining intros and notes', () => {
  it('prefixes criteria with a short group label', () => {
    const markdown =
      'Inclusion criteria:\n\nFor adolescents:\n\n* Student\n\nFor parents:\n\n* Caregiver\n\nExclusion criteria:\n\n* Intoxicated';
    expect(splitEligibility(markdown).items).toEqual([
      inc('For adolescents: Student'),
      inc('For parents: Caregiver'),
      exc('Intoxicated'),
    ]);
  });

  it('keeps "one of the following" bullets inside one criterion so the "one of" is not lost', () => {
    const markdown =
      'Participants must meet one of the following:\n\n* Condition A\n* Condition B\n\nSeparate criterion';
    expect(splitEligibility(markdown).items.map((item) => item.text)).toEqual([
      'Participants must meet one of the following:\n- Condition A\n- Condition B',
      'Separate criterion',
    ]);
  });

  it('drops an "all of the following" intro: the bullets are independent criteria anyway', () => {
    expect(splitEligibility('Must meet all of the following:\n* A\n* B').items.map((item) => item.text)).toEqual([
      'A',
      'B',
    ]);
  });

  it('moves registry disclaimers to notes', () => {
    const markdown =
      'Exclusion Criteria:\n\n* Pregnant\n\nNote: Other protocol defined Inclusion/Exclusion criteria may apply';
    expect(splitEligibility(markdown)).toEqual({
      items: [exc('Pregnant')],
      notes: ['Note: Other protocol defined Inclusion/Exclusion criteria may apply'],
    });
  });
});
