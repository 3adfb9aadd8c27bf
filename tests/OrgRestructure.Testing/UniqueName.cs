namespace OrgRestructure.Testing;

/// <summary>Database and virtual host names: the caller's prefix, made safe, plus a random suffix.</summary>
internal static class UniqueName
{
    public static string From(string? prefix, int maxLength)
    {
        var clean = new string((prefix ?? "test").ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
        var suffix = "_" + Guid.NewGuid().ToString("N")[..12];
        return clean[..Math.Min(clean.Length, maxLength - suffix.Length)] + suffix;
    }
}
