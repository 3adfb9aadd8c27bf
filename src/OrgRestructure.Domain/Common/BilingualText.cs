namespace OrgRestructure.Domain.Common;

/// <summary>A sentence in Vietnamese (the default for users) and in English.</summary>
public sealed record BilingualText(string Vi, string En)
{
    /// <summary>Picks the text for a language code; anything not English gets Vietnamese.</summary>
    public string In(string? language) =>
        language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? En : Vi;

    public override string ToString() => Vi;
}
