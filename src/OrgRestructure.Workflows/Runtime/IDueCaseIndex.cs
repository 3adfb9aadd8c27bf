namespace OrgRestructure.Workflows.Runtime;

/// <summary>
/// Which running cases have something due (a reminder, a deadline, a timer) at a time: lets the
/// deadline scan touch only those cases instead of folding every stream.
/// </summary>
public interface IDueCaseIndex
{
    Task<IReadOnlyList<string>> DueCaseIdsAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
