export { fold } from './fold';
export { parseRule, checkRule, RuleSyntaxError, DEFAULT_NEAR_DISTANCE, MAX_NEAR_DISTANCE } from './rule-parser';
export { printRule, termsOf, type RuleNode, type TermNode, type FieldNode } from './rule-ast';
export { WatchMatcher, compileWatches, type MatchInput, type CompileProblem } from './watch-matcher';
export { validateWatchRules, type WatchIssue } from './validate-watch';
export { candidateQuery, ruleQuery, type EsQuery } from './search-query';
