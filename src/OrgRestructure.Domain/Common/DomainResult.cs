namespace OrgRestructure.Domain.Common;

/// <summary>
/// Either a value or every problem that prevented it. Bad input is an expected outcome here,
/// so it is reported as data instead of an exception.
/// </summary>
public sealed class DomainResult<T>
{
    private readonly T? _value;

    internal DomainResult(T? value, IReadOnlyList<Problem> problems)
    {
        _value = value;
        Problems = problems;
    }

    public IReadOnlyList<Problem> Problems { get; }

    public bool IsSuccess => Problems.Count == 0;

    /// <summary>The value; only call when <see cref="IsSuccess"/> is true.</summary>
    public T Value => IsSuccess
        ? _value!
        : throw new InvalidOperationException("The result has problems: " + string.Join("; ", Problems));
}

/// <summary>Creates results.</summary>
public static class DomainResult
{
    public static DomainResult<T> Success<T>(T value) => new(value, []);

    public static DomainResult<T> Failure<T>(IEnumerable<Problem> problems)
    {
        var list = problems.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("A failure needs at least one problem.", nameof(problems));
        }

        return new DomainResult<T>(default, list);
    }
}
