namespace OrgRestructure.EventStore.Leadership;

/// <summary>
/// Leadership for the embedded SQLite setup: an exclusive lock on a file beside the database,
/// released by the OS when the process exits. Also guards against a second process started on
/// the same data directory.
/// </summary>
public sealed class FileLeaderLock(string directory) : ILeaderLock
{
    public Task<ILeaderLease?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{name}.leader.lock");
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
            return Task.FromResult<ILeaderLease?>(new Lease(stream));
        }
        catch (IOException)
        {
            return Task.FromResult<ILeaderLease?>(null);
        }
    }

    private sealed class Lease(FileStream stream) : ILeaderLease
    {
        public Task<bool> IsHeldAsync(CancellationToken cancellationToken = default) => Task.FromResult(stream.CanWrite);

        public ValueTask DisposeAsync() => stream.DisposeAsync();
    }
}

/// <summary>Leadership within one process (in-memory setup, tests): one holder per name.</summary>
public sealed class InProcessLeaderLock : ILeaderLock
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);

    public Task<ILeaderLease?> TryAcquireAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<ILeaderLease?>(_held.Add(name) ? new Lease(this, name) : null);
        }
    }

    private void Release(string name)
    {
        lock (_gate)
        {
            _held.Remove(name);
        }
    }

    private sealed class Lease(InProcessLeaderLock owner, string name) : ILeaderLease
    {
        private bool _released;

        public Task<bool> IsHeldAsync(CancellationToken cancellationToken = default) => Task.FromResult(!_released);

        public ValueTask DisposeAsync()
        {
            if (!_released)
            {
                _released = true;
                owner.Release(name);
            }

            return ValueTask.CompletedTask;
        }
    }
}
