namespace OrgRestructure.Domain.Common;

/// <summary>
/// One reason input was refused. <paramref name="Subject"/> names what is wrong (an organization id,
/// a candidate, a field) so a clerk can find and fix it; <paramref name="Code"/> is stable for programs.
/// </summary>
public sealed record Problem(string Code, string Subject, string Vi, string En)
{
    public BilingualText Message => new(Vi, En);

    public override string ToString() => string.IsNullOrEmpty(Subject) ? Vi : $"{Subject}: {Vi}";
}
