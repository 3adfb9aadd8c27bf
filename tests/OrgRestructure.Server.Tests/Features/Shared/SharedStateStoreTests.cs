using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using OrgRestructure.EventStore.Hosting;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.SharedState;
using OrgRestructure.Testing;

namespace OrgRestructure.Server.Tests.Features.Shared;

/// <summary>
/// What nodes share through the store's database, each "node" here a container of its own on the
/// same database: SQLite (the embedded default) and PostgreSQL (a cluster).
/// </summary>
public sealed class SharedStateStoreTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task an_idempotency_key_runs_once_waits_while_running_and_then_replays_its_answer_to_everyone(bool postgres)
    {
        var database = await DatabaseAsync(postgres);
        var nodeA = Node(database).GetRequiredService<IdempotencyStore>();
        var nodeB = Node(database).GetRequiredService<IdempotencyStore>();

        var first = await nodeA.ClaimAsync("duyxuyen.thuongvu\nkey-1", "fingerprint");
        var whileRunning = await nodeB.ClaimAsync("duyxuyen.thuongvu\nkey-1", "fingerprint");
        await nodeA.CompleteAsync("duyxuyen.thuongvu\nkey-1", new IdempotentAnswer(200, "application/json", "{\"version\":7}"u8.ToArray()));
        var replay = await nodeB.ClaimAsync("duyxuyen.thuongvu\nkey-1", "fingerprint");
        var otherRequest = await nodeB.ClaimAsync("duyxuyen.thuongvu\nkey-1", "another fingerprint");
        var otherUser = await nodeB.ClaimAsync("phuocson.thuongvu\nkey-1", "fingerprint");

        Assert.Equal(IdempotencyClaim.Run, first.Claim);
        Assert.Equal(IdempotencyClaim.InProgress, whileRunning.Claim);
        Assert.Equal(IdempotencyClaim.Replay, replay.Claim);
        Assert.Equal((200, "application/json", "{\"version\":7}"), (replay.Answer!.Status, replay.Answer.ContentType, System.Text.Encoding.UTF8.GetString(replay.Answer.Body)));
        Assert.Equal(IdempotencyClaim.Mismatch, otherRequest.Claim);
        Assert.Equal(IdempotencyClaim.Run, otherUser.Claim);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_claim_its_node_keeps_renewing_holds_but_one_whose_node_died_is_taken_over_after_the_timeout(bool postgres)
    {
        var database = await DatabaseAsync(postgres);
        var clock = new MovableClock();
        var nodeA = Node(database, clock).GetRequiredService<IdempotencyStore>();
        var nodeB = Node(database, clock).GetRequiredService<IdempotencyStore>();
        await nodeA.ClaimAsync("u\nrunning", "f");
        await nodeA.ClaimAsync("u\nnode-died", "f");

        for (var waited = TimeSpan.Zero; waited <= IdempotencyStore.ClaimTimeout; waited += IdempotencyStore.RenewEvery)
        {
            clock.Advance(IdempotencyStore.RenewEvery);
            await nodeA.RenewAsync("u\nrunning");
        }

        Assert.Equal(IdempotencyClaim.InProgress, (await nodeB.ClaimAsync("u\nrunning", "f")).Claim);
        Assert.Equal(IdempotencyClaim.Run, (await nodeB.ClaimAsync("u\nnode-died", "f")).Claim);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_refused_request_keeps_no_answer_so_its_corrected_retry_runs(bool postgres)
    {
        var database = await DatabaseAsync(postgres);
        var records = Node(database).GetRequiredService<IdempotencyStore>();

        await records.ClaimAsync("u\nk", "f");
        await records.AbandonAsync("u\nk");

        Assert.Equal(IdempotencyClaim.Run, (await records.ClaimAsync("u\nk", "f")).Claim);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task what_one_node_protects_another_node_on_the_same_database_reads(bool postgres)
    {
        var database = await DatabaseAsync(postgres);
        var protectedByA = Node(database).GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Protect("duyxuyen.thuongvu");

        var readByB = Node(database).GetRequiredService<IDataProtectionProvider>().CreateProtector("cookie").Unprotect(protectedByA);

        Assert.Equal("duyxuyen.thuongvu", readByB);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task a_token_issued_by_one_node_is_known_to_another_until_the_account_changes(bool postgres)
    {
        var database = await DatabaseAsync(postgres);
        var nodeA = Node(database).GetRequiredService<AccountStore>();
        var nodeB = Node(database).GetRequiredService<AccountStore>();
        await nodeA.AddAsync([Account.Create("duyxuyen.ubkt", "UBKT Duy Xuyên", "InspectionCommittee", "Quảng Nam", "Duy Xuyên", nodeA.HashPassword("Mat-khau-2014"))]);
        var account = (await nodeA.SignInAsync("duyxuyen.ubkt", "Mat-khau-2014"))!.Account!;
        var (token, _) = await nodeA.IssueTokenAsync(account, TimeSpan.FromHours(1));

        var known = await nodeB.FindTokenAsync(token);
        await nodeB.UpdateAsync("duyxuyen.ubkt", a => a with { Disabled = true });

        Assert.Equal(("duyxuyen.ubkt", account.SecurityStamp), (known!.UserName, known.SecurityStamp));
        Assert.Null(await nodeA.FindTokenAsync(token));
        Assert.Equal(SignInStatus.Disabled, (await nodeA.SignInAsync("duyxuyen.ubkt", "Mat-khau-2014"))!.Status);
    }

    private static async Task<IRelationalEventStore> DatabaseAsync(bool postgres)
    {
        if (postgres)
        {
            var server = await PostgresServer.GetAsync();
            return EventStoreFactory.Create(await server.CreateDatabaseAsync("shared_state"), string.Empty);
        }

        var directory = Path.Combine(Path.GetTempPath(), "orgrestructure-shared-state-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return EventStoreFactory.Create(null, Path.Combine(directory, "orgrestructure.db"));
    }

    private static ServiceProvider Node(IRelationalEventStore store, TimeProvider? clock = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(store);
        services.AddSingleton(clock ?? TimeProvider.System);
        services.AddLogging();
        services.AddSharedState();
        return services.BuildServiceProvider();
    }

    private sealed class MovableClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
