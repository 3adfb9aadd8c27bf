using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Commands.Users;

/// <summary>orgrestructure users disable: signs the account out on every node within seconds and refuses its sign-ins; recorded in the accounts stream.</summary>
internal sealed class UsersDisableCommand : ICliCommand
{
    public string Name => "users disable";

    public string Summary => "Disable an account (signed out everywhere, sign-ins refused)";

    public string Usage => """
        Usage: orgrestructure users disable USER

        Its cookies and bearer tokens stop working on every node within seconds; its history stays.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count != 1 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return await UsersSupport.RefuseAsync(context, "Cần đúng một tên đăng nhập.", "Give exactly one user name.");
        }

        return await UsersSupport.RunAsync(context, createStore: false, async (accounts, history) =>
        {
            if (await accounts.UpdateAsync(args[0], a => a with { Disabled = true }, cancellationToken) is not { } disabled)
            {
                await context.Error.WriteLineAsync($"No account {args[0]}. / Không có tài khoản {args[0]}.");
                return 1;
            }

            await history.RecordAsync(new AccountDisabled(disabled.UserName), UsersSupport.Operator, AccountHistory.OperatorRole, cancellationToken);
            await context.Output.WriteLineAsync($"Disabled {disabled.UserName}.");
            return 0;
        });
    }
}
