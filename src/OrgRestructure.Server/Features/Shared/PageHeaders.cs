using OrgRestructure.Workflows.ReadModels;

namespace OrgRestructure.Server.Features.Shared;

/// <summary>
/// Lists answer a JSON array (as before paging existed) and name the next page in headers:
/// <c>X-Next-Cursor</c> (pass it back as <c>cursor</c>) and an RFC 8288 <c>Link: rel="next"</c>.
/// </summary>
public static class PageHeaders
{
    public const string NextCursor = "X-Next-Cursor";

    public static IReadOnlyList<T> WithNextPage<T>(this HttpContext context, Page<T> page)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        if (page.NextCursor is { } cursor)
        {
            var query = context.Request.Query.Where(q => q.Key != "cursor").Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value.ToString())}").Append("cursor=" + cursor);
            context.Response.Headers[NextCursor] = cursor;
            context.Response.Headers.Link = $"<{context.Request.Path}?{string.Join('&', query)}>; rel=\"next\"";
        }

        return page.Items;
    }
}
