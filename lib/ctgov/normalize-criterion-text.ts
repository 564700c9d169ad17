import { unescapeMarkdown } from './markdown-text';

// Rewrites criterion wording into a small canonical language the rule matchers read:
// lower case, comparators as symbols (">=", "<", …), ranges as "18~65", measure names as
// short tokens ("phq9", "sbp", "uln") and lab multiples as "2 x". Wording that is not
// understood is left in place so the caller can refuse to suggest a rule.

const NUMBER_WORDS: Record<string, string> = {
  one: '1',
  two: '2',
  three: '3',
  four: '4',
  five: '5',
  six: '6',
  seven: '7',
  eight: '8',
  nine: '9',
  ten: '10',
};

type Rewrite = [RegExp, string];

const SYMBOLS: Rewrite[] = [
  [/[≥⩾≧]/g, ' >= '],
  [/[≤⩽≦]/g, ' <= '],
  [/[‐‑‒–—−]/g, '-'],
  [/×/g, ' x '],
  [/[’`]/g, "'"],
  [/=\s*>/g, '>='],
  [/=\s*</g, '<='],
  [/>\s*\/?\s*=/g, '>='],
  [/<\s*\/?\s*=/g, '<='],
];

// Longest names first: each rewrite sees the output of the ones before it.
const ALIASES: Rewrite[] = [
  [/patient health questionnaire[- ]?(?:9|nine)?(?:\s*item)?|\bphq[- ]?9\b/g, ' phq9 '],
  [
    /quick inventory of depressive symptomatology[- ]?(?:16[- ]?)?\(?self[- ]?report(?:ed)?\)?(?:[- ]?16)?|\bqids[- ]?sr(?:[- ]?16)?\b/g,
    ' qidssr ',
  ],
  [/montgomery[- ](?:and |& )?[aå]sberg depression rating scale|\bmadrs\b(?![- ]?s\b)/g, ' madrs '],
  [
    /hamilton (?:depression rating scale|rating scale for depression)(?:[- ]?17)?|\b(?:ham[- ]?d|hdrs|hrsd)(?:[- ]?17)?(?:[- ]?item)?\b/g,
    ' hamd ',
  ],
  [/generalized anxiety disorder[- ]?7|\bgad[- ]?7\b/g, ' gad7 '],
  [/body mass index|\bbmi\b/g, ' bmi '],
  [/kg\s*\/\s*m\s*(?:\^?\s*2|²)|kg\s+per\s+(?:square\s+meter|m2)/g, ' kgm2 '],
  [/systolic (?:blood pressure|bp)|\bsbp\b|\bsystolic\b/g, ' sbp '],
  [/diastolic (?:blood pressure|bp)|\bdbp\b|\bdiastolic\b/g, ' dbp '],
  [/blood pressure|\bbp\b/g, ' bp '],
  [/mm\s*hg/g, ' mmhg '],
  [
    /(?:the\s+)?(?:institutional\s+)?(?:upper\s+limits?\s+of\s+(?:the\s+)?(?:institutional\s+)?normal(?:\s+range)?|upper\s+normal\s+limit)|\buln\b/g,
    ' uln ',
  ],
  [
    /(?:the\s+)?(?:institutional\s+)?(?:lower\s+limits?\s+of\s+(?:the\s+)?(?:institutional\s+)?normal(?:\s+range)?|lower\s+normal\s+limit)|\blln\b/g,
    ' lln ',
  ],
  [/alanine\s+(?:amino\s*)?trans(?:aminase|ferase)|\b(?:alt|sgpt)\b/g, ' alt '],
  [/aspartate\s+(?:amino\s*)?trans(?:aminase|ferase)|\b(?:ast|sgot)\b/g, ' ast '],
  [/(?:direct|conjugated)\s+bilirubin/g, ' dbili '],
  [/alkaline\s+phosphatase|\balk\.?\s*phos\b|\balp\b/g, ' alp '],
  [/(?:serum\s+)?creatinine(?!\s+clearance)/g, ' creat '],
  [/thyroid[- ]stimulating\s+hormone|\btsh\b/g, ' tsh '],
  [/heart\s+rate|\bpulse(?:\s+rate)?\b/g, ' hr '],
  [/beats\s+per\s+minute|\bbpm\b/g, ' bpm '],
  [/oxygen\s+saturation|\bsp?o2\b|\bsao2\b/g, ' spo2 '],
  [
    /(?:on\s+)?(?:an?\s+)?(?:\(?0\s*(?:-|to)\s*10\)?\s*(?:-?\s*point\s+)?)?(?:numeric(?:al)?\s+(?:pain\s+)?rating\s+scale|\bnrs\b)/g,
    ' nrs ',
  ],
  [/(?:on\s+)?(?:an?\s+)?\(?0\s*(?:-|to)\s*10\)?\s*(?:-?\s*point\s+)?(?:pain\s+)?scale/g, ' nrs '],
];

const VERBAL_COMPARATORS: Rewrite[] = [
  // Postfix forms first: "18 years or older", "15 or higher", "18+".
  [
    /(\d+(?:\.\d+)?)\s*(years?|yrs?)?(?:\s+(?:of\s+age|old))?\s+(?:or|and)\s+(?:older|over|above|greater|higher|more)\b/g,
    ' >= $1 $2 ',
  ],
  [
    /(\d+(?:\.\d+)?)\s*(years?|yrs?)?(?:\s+(?:of\s+age|old))?\s+(?:or|and)\s+(?:younger|under|below|less|lower|fewer)\b/g,
    ' <= $1 $2 ',
  ],
  [/(\d+(?:\.\d+)?)\s*\+/g, ' >= $1 '],
  [/(?:greater|more|higher)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:greater|more|higher)\s+than/g, ' >= '],
  [/(?:less|lower|fewer)\s+than\s+or\s+equal\s+to|equal\s+to\s+or\s+(?:less|lower|fewer)\s+than/g, ' <= '],
  [
    /\b(?:no|not)\s+(?:more|greater|higher)\s+than\b|\bnot\s+(?:to\s+)?exceed(?:ing)?\b|\bat\s+most\b|\bup\s+to\b|\bmaximum\s+of\b/g,
    ' <= ',
  ],
  [/\b(?:no|not)\s+(?:less|lower|fewer)\s+than\b|\bat\s+least\b|\b(?:a\s+)?minimum\s+of\b/g, ' >= '],
  [/\b(?:over|above|older\s+than)\s+(?:the\s+)?age\s+(?:of\s+)?(?=\d)/g, ' age > '],
  [/\b(?:under|below|younger\s+than)\s+(?:the\s+)?age\s+(?:of\s+)?(?=\d)/g, ' age < '],
  [/\b(?:above|over)\s+(?:the\s+)?(?=uln|lln)/g, ' > '],
  [/\b(?:below|under)\s+(?:the\s+)?(?=uln|lln)/g, ' < '],
  [
    /\b(?:greater|more|higher|larger|older)\s+than\b|\bin\s+excess\s+of\b|\bexceed(?:ing|s)?\b|\b(?:above|over)\b(?=\s*\d)/g,
    ' > ',
  ],
  [/\b(?:less|lower|fewer|younger)\s+than\b|\b(?:below|under)\b(?=\s*\d)/g, ' < '],
];

const RANGES: Rewrite[] = [
  [/\bbetween\s+(\d+(?:\.\d+)?)\s*(?:years?|yrs?)?\s+and\s+(\d+(?:\.\d+)?)/g, ' $1~$2 '],
  [/\bfrom\s+(\d+(?:\.\d+)?)\s*(?:years?|yrs?)?\s+to\s+(\d+(?:\.\d+)?)/g, ' $1~$2 '],
  [/(\d+(?:\.\d+)?)\s*(?:years?|yrs?)?\s*(?:-|to|through)\s*(\d+(?:\.\d+)?)/g, ' $1~$2 '],
];

function applyAll(text: string, rewrites: Rewrite[]): string {
  return rewrites.reduce((out, [pattern, replacement]) => out.replace(pattern, replacement), text);
}

export function normalizeCriterionText(text: string): string {
  let out = unescapeMarkdown(text).normalize('NFKC').toLowerCase();
  out = applyAll(out, SYMBOLS);
  out = applyAll(out, ALIASES);
  // "ALT (SGPT)" and "BMI (BMI)" name one measure twice.
  out = out.replace(/\bhamd\s*\(?\s*17[- ]?items?\s*\)?|\b17[- ]?items?\s+hamd\b/g, ' hamd ');
  out = out.replace(
    /\b(phq9|qidssr|madrs|hamd|gad7|bmi|sbp|dbp|bp|alt|ast|uln|lln|hr|spo2|nrs)\s*\(\s*\1(?:\s*(?:or|\/|,)\s*\1)*\s*\)/g,
    '$1',
  );
  out = out.replace(
    /\b(one|two|three|four|five|six|seven|eight|nine|ten)\s+times\b/g,
    (_, word: string) => `${NUMBER_WORDS[word]} x`,
  );
  out = out.replace(/\btwice\b/g, '2 x').replace(/(\d+(?:\.\d+)?)\s*(?:x|times|-?\s*fold)(?=\s|$|[^a-z])/g, '$1 x ');
  out = applyAll(out, VERBAL_COMPARATORS);
  out = applyAll(out, RANGES);
  out = out.replace(/\s*(>=|<=|>|<|=)\s*/g, ' $1 ');
  return out.replace(/\s+/g, ' ').trim();
}
