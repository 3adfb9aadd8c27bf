using System.CommandLine;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Commands.Users;

/// <summary>orgrestructure users disable: signs the account out on every node within seconds and refuses its sign-ins.</summary>
internal sealed class UsersDisableCommand : ICliCommand
{
    public string Name => "users disable";

    public Command Create(CliContext context)
    {
        var user = new Argument<string>("USER") { Description = "The user name (any letter case)" };
        var command = new Command("disable", """
            Disable an account (signed out everywhere, sign-ins refused)

            Its cookies and bearer tokens stop working on every node within seconds; its history stays.
            """) { user };
        command.SetAction((parsed, cancellationToken) => UsersSupport.RunAsync(context, createStore: false, async (accounts, history) =>
        {
            var userName = parsed.GetRequiredValue(user);
            var recorded = (WriteScope scope, Account _, Account after) =>
                history.RecordAsync(scope, new AccountDisabled(after.UserName), UsersSupport.Operator, AccountHistory.OperatorRole, cancellationToken);
            if (await accounts.UpdateAsync(userName, a => a with { Disabled = true }, recorded, cancellationToken) is not { } disabled)
            {
                await context.Error.WriteLineAsync($"No account {userName}. / Không có tài khoản {userName}.");
                return 1;
            }

            await context.Output.WriteLineAsync($"Disabled {disabled.UserName}.");
            return 0;
        }));
        return command;
    }
}
