using System.Text;
using System.Text.Json;

namespace OrgRestructure.Workflows.ReadModels;

/// <summary>
/// Which cases a caller may see: a province, and a district unless the caller works province-wide;
/// <see cref="Nationwide"/> (no province) for the central organization board.
/// </summary>
public sealed record ReadScope(string? Province, string? District)
{
    public static readonly ReadScope Nationwide = new(null, null);
}

/// <summary>A page of a list and the opaque cursor of the next one (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor);

/// <summary>
/// Keyset cursors: the sort key of the last row of a page, as base64url JSON. Opaque to clients;
/// a cursor that does not decode is refused by the caller as bad input.
/// </summary>
public static class PageCursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);

    public static string Encode(params string[] keys) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(keys))).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The keys of <paramref name="cursor"/>; null when it is not one of ours.</summary>
    public static string[]? Decode(string? cursor, int count)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var keys = JsonSerializer.Deserialize<string[]>(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
            return keys?.Length == count ? keys : throw new FormatException("wrong cursor shape");
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            throw new InvalidCursorException(ex);
        }
    }
}

/// <summary>The cursor given is not one this server issued (400).</summary>
public sealed class InvalidCursorException(Exception inner) : Runtime.WorkflowException(
    "invalid-cursor", "Con trỏ trang (cursor) không hợp lệ; hãy bắt đầu lại từ trang đầu.", "The page cursor is not valid; start again from the first page.", 400)
{
    public Exception Reason { get; } = inner;
}
