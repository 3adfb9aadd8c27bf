using System.CommandLine;
using System.Globalization;

namespace OrgRestructure.Cli.Commands.Users;

/// <summary>orgrestructure users list: every account with its role, scope and state.</summary>
internal sealed class UsersListCommand : ICliCommand
{
    public string Name => "users list";

    public Command Create(CliContext context)
    {
        var command = new Command("list", "List the accounts: role, scope, enabled or disabled, last sign-in");
        command.SetAction((_, cancellationToken) => RunAsync(context, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliContext context, CancellationToken cancellationToken)
    {
        return await UsersSupport.RunAsync(context, createStore: false, async accounts =>
        {
            var all = await accounts.ListAsync(cancellationToken);
            var width = Math.Max(4, all.Select(a => a.UserName.Length).DefaultIfEmpty(0).Max()) + 2;
            await context.Output.WriteLineAsync($"{"USER".PadRight(width)}{"ROLE",-28}{"SCOPE",-20}{"STATE",-10}LAST SIGN-IN");
            foreach (var a in all)
            {
                var lastSignIn = a.LastSignIn?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "-";
                await context.Output.WriteLineAsync($"{a.UserName.PadRight(width)}{a.Role,-28}{a.District ?? a.Province,-20}{(a.Disabled ? "disabled" : "enabled"),-10}{lastSignIn}");
            }

            await context.Output.WriteLineAsync($"{all.Count} account(s).");
            return 0;
        });
    }
}
