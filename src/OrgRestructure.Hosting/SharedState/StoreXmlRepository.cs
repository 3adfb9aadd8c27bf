using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using OrgRestructure.EventStore.Storage;

namespace OrgRestructure.Hosting.SharedState;

/// <summary>
/// ASP.NET Core's data-protection key ring kept in the store's database, so a cookie or antiforgery
/// token protected on one node is read on every other. A key is inserted under its name once; a
/// second node storing the same name changes nothing.
/// </summary>
/// <remarks>
/// IXmlRepository is synchronous; the key ring calls it at start-up and then about once a day,
/// never per request, so waiting on the database here blocks no request thread.
/// </remarks>
public sealed class StoreXmlRepository(SharedStateDatabase database, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ReadAsync().GetAwaiter().GetResult();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        WriteAsync(element, string.IsNullOrWhiteSpace(friendlyName) ? Guid.NewGuid().ToString("N") : friendlyName).GetAwaiter().GetResult();
    }

    private async Task<IReadOnlyCollection<XElement>> ReadAsync()
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand("SELECT xml FROM protection_keys ORDER BY created_ms, name");
        await using var reader = await command.ExecuteReaderAsync();
        var elements = new List<XElement>();
        while (await reader.ReadAsync())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    private async Task WriteAsync(XElement element, string name)
    {
        await using var scope = await database.BeginWriteAsync(CancellationToken.None);
        await using (var insert = scope.CreateCommand("INSERT INTO protection_keys (name, xml, created_ms) VALUES (@n, @x, @c) ON CONFLICT (name) DO NOTHING"))
        {
            await insert.With("n", name).With("x", element.ToString(SaveOptions.DisableFormatting)).With("c", clock.GetUtcNow().ToUnixTimeMilliseconds()).ExecuteNonQueryAsync();
        }

        await scope.CommitAsync();
    }
}
