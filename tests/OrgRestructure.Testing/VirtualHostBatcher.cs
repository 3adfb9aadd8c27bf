using System.Text;

namespace OrgRestructure.Testing;

/// <summary>
/// Creates virtual hosts in batches. Every rabbitmqctl call boots an Erlang VM (about a second of
/// CPU), so the requests that arrive while one call runs are all served by the next single call.
/// </summary>
internal sealed class VirtualHostBatcher(Func<IReadOnlyList<string>, Task> createAll)
{
    private readonly Lock _lock = new();
    private List<(string Name, TaskCompletionSource Done)> _pending = [];
    private bool _flushing;

    public Task CreateAsync(string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _pending.Add((name, done));
            if (!_flushing)
            {
                _flushing = true;
                _ = Task.Run(FlushAsync);
            }
        }

        return done.Task;
    }

    /// <summary>One Erlang expression adding each virtual host and giving guest full rights on it.</summary>
    public static string ErlangToCreate(IEnumerable<string> names)
    {
        var erlang = new StringBuilder();
        foreach (var name in names)
        {
            erlang.Append("ok = rabbit_vhost:add(<<\"").Append(name).Append("\">>, <<\"orgrestructure-tests\">>), ")
                .Append("rabbit_auth_backend_internal:set_permissions(<<\"guest\">>, <<\"").Append(name)
                .Append("\">>, <<\".*\">>, <<\".*\">>, <<\".*\">>, <<\"orgrestructure-tests\">>), ");
        }

        return erlang.Append("ok.").ToString();
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            List<(string Name, TaskCompletionSource Done)> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                batch = _pending;
                _pending = [];
            }

            try
            {
                await createAll([.. batch.Select(b => b.Name)]);
                batch.ForEach(b => b.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                batch.ForEach(b => b.Done.TrySetException(ex));
            }
        }
    }
}
