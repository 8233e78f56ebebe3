export type { AssertionSpec } from './schema.js';
export { checkAssertions } from './check.js';
export { compileRegex, compileSchema, parseJsonOutput, type AssertionWhere } from './compile.js';
export { gradeOutput, REASON_CHARS, type AssertionResult, type Grade, type GradeContext, type GradedOutput } from './grade.js';
export { readGraderAnswer, rubricRequest, type GraderRequest, type GraderVerdict, type RubricChoice } from './rubric.js';
export { COMPLETION_VARIABLE, templateAssertions } from './template.js';
export { ASSERTION_TYPES, parseAssertionSpecs, type AssertionListWhere } from './validate.js';
