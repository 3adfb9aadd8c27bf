using OrgRestructure.EventStore.Sqlite;
using OrgRestructure.EventStore.Tests.Support;

namespace OrgRestructure.EventStore.Tests.Sqlite;

public sealed class SqliteWriterGateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task a_queued_interactive_write_goes_before_background_writes_queued_earlier()
    {
        var gate = SqliteWriterGate.For(TestDatabases.NewSqlitePath());
        var order = new List<string>();
        var holder = await gate.EnterAsync(WritePriority.Background, CancellationToken.None);
        var background = Enumerable.Range(1, 3).Select(i => Enter(gate, WritePriority.Background, $"background {i}", order)).ToList();
        var interactive = Enter(gate, WritePriority.Interactive, "interactive", order);

        holder.Dispose();
        await Task.WhenAll(background.Append(interactive)).WaitAsync(Patience);

        Assert.Equal(["interactive", "background 1", "background 2", "background 3"], order);
    }

    [Fact]
    public async Task writers_of_one_priority_go_in_arrival_order()
    {
        var gate = SqliteWriterGate.For(TestDatabases.NewSqlitePath());
        var order = new List<string>();
        var holder = await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var waiting = Enumerable.Range(1, 4).Select(i => Enter(gate, WritePriority.Interactive, $"command {i}", order)).ToList();

        holder.Dispose();
        await Task.WhenAll(waiting).WaitAsync(Patience);

        Assert.Equal(["command 1", "command 2", "command 3", "command 4"], order);
    }

    [Fact]
    public async Task a_writer_that_gave_up_waiting_is_passed_by_and_the_gate_is_not_lost()
    {
        var gate = SqliteWriterGate.For(TestDatabases.NewSqlitePath());
        var holder = await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        using var giveUp = new CancellationTokenSource();
        var abandoned = gate.EnterAsync(WritePriority.Interactive, giveUp.Token);
        var next = gate.EnterAsync(WritePriority.Background, CancellationToken.None);

        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        holder.Dispose();
        using (await next.WaitAsync(Patience))
        {
            Assert.False(gate.EnterAsync(WritePriority.Interactive, CancellationToken.None).IsCompleted);
        }
    }

    [Fact]
    public async Task disposing_a_lease_twice_lets_in_one_writer_not_two()
    {
        var gate = SqliteWriterGate.For(TestDatabases.NewSqlitePath());
        var lease = await gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var first = gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);
        var second = gate.EnterAsync(WritePriority.Interactive, CancellationToken.None);

        lease.Dispose();
        lease.Dispose();
        await first.WaitAsync(Patience);

        Assert.False(second.IsCompleted);
        (await first).Dispose();
        (await second.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public void every_spelling_of_one_file_shares_one_gate()
    {
        var path = TestDatabases.NewSqlitePath();
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

        Assert.Same(SqliteWriterGate.For(path), SqliteWriterGate.For(relative));
        Assert.NotSame(SqliteWriterGate.For(path), SqliteWriterGate.For(TestDatabases.NewSqlitePath()));
    }

    private static async Task Enter(SqliteWriterGate gate, WritePriority priority, string who, List<string> order)
    {
        using var lease = await gate.EnterAsync(priority, CancellationToken.None);
        lock (order)
        {
            order.Add(who);
        }
    }
}
