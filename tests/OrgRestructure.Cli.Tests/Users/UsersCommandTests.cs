using OrgRestructure.Cli.Tests.Store;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Tests.Users;

public sealed class UsersCommandTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task an_operator_adds_lists_and_disables_an_account_in_the_store_every_node_reads(bool postgres)
    {
        var cli = postgres ? await StoreCli.PostgresAsync() : StoreCli.Sqlite();

        var added = await cli.RunAsync("users", "add", "duyxuyen.thuky", "--display-name", "Thư ký Duy Xuyên", "--role", "Reviewer",
            "--province", "Quảng Nam", "--district", "Duy Xuyên", "--email", "thuky@duyxuyen.example", "--password", "Mat-khau-2014");
        var listed = await cli.RunAsync("users", "list");
        var disabled = await cli.RunAsync("users", "disable", "DuyXuyen.ThuKy");
        var after = await cli.RunAsync("users", "list");

        Assert.Equal((0, 0, 0, 0), (added.Exit, listed.Exit, disabled.Exit, after.Exit));
        Assert.Matches(@"duyxuyen\.thuky\s+Reviewer\s+Duy Xuyên\s+enabled\s+-", listed.Output);
        Assert.Matches(@"duyxuyen\.thuky\s+Reviewer\s+Duy Xuyên\s+disabled", after.Output);
        var store = cli.OpenStore();
        using var owned = store as IDisposable;
        using var database = new SharedStateDatabase(store);
        var accounts = new AccountStore(database, TimeProvider.System);
        var account = await accounts.FindAsync("duyxuyen.thuky");
        Assert.True(account!.Disabled);
        Assert.Equal("thuky@duyxuyen.example", account.Email);
        Assert.True(accounts.VerifyPassword(account, "Mat-khau-2014"));
        Assert.Equal(SignInStatus.Disabled, (await accounts.SignInAsync("duyxuyen.thuky", "Mat-khau-2014"))!.Status);
    }

    [Fact]
    public async Task a_taken_user_name_in_another_letter_case_is_refused_and_the_first_account_stays()
    {
        var cli = StoreCli.Sqlite();
        string[] rest = ["--display-name", "Quản trị", "--role", "Administrator", "--province", "Quảng Nam", "--password", "Mat-khau-2014"];

        var first = await cli.RunAsync(["users", "add", "quantri", .. rest]);
        var second = await cli.RunAsync(["users", "add", "QuanTri", .. rest]);

        Assert.Equal(0, first.Exit);
        Assert.Equal(1, second.Exit);
        Assert.Contains("taken", second.Error, StringComparison.Ordinal);
        Assert.Contains("1 account(s)", (await cli.RunAsync("users", "list")).Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Secretary", "Duy Xuyên", "Mat-khau-2014", "Unknown role")]
    [InlineData("Reviewer", null, "Mat-khau-2014", "District roles need --district")]
    [InlineData("Auditor", "Duy Xuyên", "Mat-khau-2014", "province-wide roles take none")]
    [InlineData("Reviewer", "Duy Xuyên", "ngan", "at least 10 characters")]
    public async Task bad_input_is_refused_with_exit_code_2_and_the_reason_in_both_languages(string role, string? district, string password, string reason)
    {
        var cli = StoreCli.Sqlite();
        List<string> args = ["users", "add", "someone", "--display-name", "Ai đó", "--role", role, "--province", "Quảng Nam", "--password", password];
        if (district is not null)
        {
            args.AddRange(["--district", district]);
        }

        var (exit, _, error) = await cli.RunAsync([.. args]);

        Assert.Equal(2, exit);
        Assert.Contains(reason, error, StringComparison.Ordinal);
        Assert.Contains(" / ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task an_operators_add_and_disable_are_events_of_the_accounts_stream_naming_the_operator()
    {
        var cli = StoreCli.Sqlite();
        await cli.RunAsync("users", "add", "phuocson.thuky", "--display-name", "Thư ký Phước Sơn", "--role", "Reviewer",
            "--province", "Quảng Nam", "--district", "Phước Sơn", "--password", "Mat-khau-2014");
        await cli.RunAsync("users", "disable", "phuocson.thuky");
        var refused = await cli.RunAsync("users", "disable", "khong.co");

        var store = cli.OpenStore();
        using var owned = store as IDisposable;
        var changes = await new AccountHistory(store).OfAsync("phuocson.thuky");
        Assert.Equal(1, refused.Exit);
        Assert.Collection(
            changes,
            c => Assert.Equal(new AccountCreated("phuocson.thuky", "Thư ký Phước Sơn", "Reviewer", "Quảng Nam", "Phước Sơn", null), c.Change),
            c => Assert.Equal(new AccountDisabled("phuocson.thuky"), c.Change));
        Assert.All(changes, c => Assert.Equal((AccountHistory.OperatorPrefix + Environment.UserName, AccountHistory.OperatorRole), (c.Actor, c.ActorRole)));
        Assert.Equal(2, (await store.ReadStreamAsync(AccountHistory.StreamId)).Count);
    }
}
