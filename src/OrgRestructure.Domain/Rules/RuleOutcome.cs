using OrgRestructure.Domain.Common;

namespace OrgRestructure.Domain.Rules;

/// <summary>
/// What every rule returns besides its verdict: a sentence a clerk can check, and the problems
/// with the input (when there are any the verdict is negative and the explanation lists them).
/// </summary>
public abstract record RuleOutcome(BilingualText Explanation, IReadOnlyList<Problem> Problems)
{
    public bool HasProblems => Problems.Count > 0;
}
