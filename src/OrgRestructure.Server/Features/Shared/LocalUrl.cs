namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// The rule of <c>IUrlHelper.IsLocalUrl</c> for redirects taken from user input: a path starting
/// with a single '/' not followed by '/' or '\', or '~/' likewise. Anything else (//x, /\x,
/// http:x, absolute URLs) is not local.
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url))
        {
            return false;
        }

        if (url[0] == '/')
        {
            return url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !HasControlCharacter(url.AsSpan(1)));
        }

        if (url[0] == '~' && url.Length > 1 && url[1] == '/')
        {
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\' && !HasControlCharacter(url.AsSpan(2)));
        }

        return false;
    }

    /// <summary><paramref name="url"/> when it is local, otherwise "/".</summary>
    public static string OrRoot(string? url) => IsLocal(url) ? url! : "/";

    private static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return false;
    }
}
