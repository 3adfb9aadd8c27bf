using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.EventStore.Streams;

namespace OrgRestructure.Server.Tests.Infrastructure;

/// <summary>
/// The server's store with the reads made while serving an HTTP request counted: what "a list
/// request reads no stream" is checked against. Background work (the outbox relay, consumers) runs
/// outside any request and is not counted.
/// </summary>
public sealed class CountingEventStore(IEventStore inner, IHttpContextAccessor requests) : IEventStore
{
    private int _reads;

    /// <summary>Puts a counting store in front of the server's own (for <c>ServerHost.StartAsync(services: …)</c>).</summary>
    public static void Install(IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddSingleton(sp => new CountingEventStore(sp.GetRequiredService<IRelationalEventStore>(), sp.GetRequiredService<IHttpContextAccessor>()));
        services.RemoveAll<IEventStore>();
        services.AddSingleton<IEventStore>(sp => sp.GetRequiredService<CountingEventStore>());
    }

    /// <summary>Stream reads, scans, stream listings and version look-ups by requests since the start (or <see cref="Reset"/>).</summary>
    public int Reads => Volatile.Read(ref _reads);

    public void Reset() => Interlocked.Exchange(ref _reads, 0);

    public Task<AppendResult> AppendAsync(AppendRequest request, CancellationToken cancellationToken = default) => inner.AppendAsync(request, cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadStreamAsync(string streamId, StreamRange? range = null, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.ReadStreamAsync(streamId, range, cancellationToken);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAllAsync(long afterPosition, int maxCount, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.ReadAllAsync(afterPosition, maxCount, cancellationToken);
    }

    public async IAsyncEnumerable<StoredEvent> ScanAllAsync(long afterPosition, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Count();
        await foreach (var e in inner.ScanAllAsync(afterPosition, cancellationToken))
        {
            yield return e;
        }
    }

    public Task<long> GetStreamVersionAsync(string streamId, CancellationToken cancellationToken = default)
    {
        Count();
        return inner.GetStreamVersionAsync(streamId, cancellationToken);
    }

    public Task<IReadOnlyList<string>> ListStreamsAsync(CancellationToken cancellationToken = default)
    {
        Count();
        return inner.ListStreamsAsync(cancellationToken);
    }

    private void Count()
    {
        if (requests.HttpContext is not null)
        {
            Interlocked.Increment(ref _reads);
        }
    }
}
