namespace OrgRestructure.Workflows.Runtime;

/// <summary>A text in Vietnamese (the default) and English.</summary>
public sealed record LocalizedText(string Vi, string En)
{
    public string In(string? language) => string.Equals(language, "en", StringComparison.OrdinalIgnoreCase) ? En : Vi;

    public override string ToString() => $"{Vi} / {En}";
}

/// <summary>Who acts: a user id, the role they act in, and the organizational scope of that role.</summary>
public sealed record Actor(string Id, string Role, string? Scope = null)
{
    public static readonly Actor System = new("system", "system");
}
