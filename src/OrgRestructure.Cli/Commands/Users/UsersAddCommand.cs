using System.CommandLine;
using OrgRestructure.EventStore.Storage;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Commands.Users;

/// <summary>orgrestructure users add: an account in the store's accounts table, which every node reads.</summary>
internal sealed class UsersAddCommand : ICliCommand
{
    public string Name => "users add";

    public Command Create(CliContext context)
    {
        var user = new Argument<string>("USER") { Description = "The user name (unique in any letter case)" };
        var displayName = new Option<string>("--display-name") { Description = "The name pages show", HelpName = "NAME", Required = true };
        var role = new Option<string>("--role") { Description = $"One of: {string.Join(", ", AccountRoleNames.All)}", HelpName = "ROLE", Required = true };
        var province = new Option<string>("--province") { Description = "The province the account works in", HelpName = "PROVINCE", Required = true };
        var district = new Option<string?>("--district") { Description = "The district, for district roles", HelpName = "DISTRICT" };
        var email = new Option<string?>("--email") { Description = "Where its notifications are e-mailed", HelpName = "ADDRESS" };
        var password = new Option<string>("--password") { Description = "At least 10 characters; stored only as a hash", HelpName = "PASSWORD", Required = true };
        role.CompletionSources.Add([.. AccountRoleNames.All]);
        role.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is var value && !AccountRoleNames.All.Contains(value))
            {
                result.AddError(UsersSupport.Bilingual("Vai trò không có: " + value, $"Unknown role '{value}'; one of {string.Join(", ", AccountRoleNames.All)}."));
            }
        });
        password.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is not { Length: >= 10 })
            {
                result.AddError(UsersSupport.Bilingual("Mật khẩu cần ít nhất 10 ký tự.", "The password needs at least 10 characters."));
            }
        });
        var command = new Command("add", $"""
            Add an account (every node of the deployment knows it at once)

            ROLE is one of: {string.Join(", ", AccountRoleNames.All)}.
            District roles need --district; province-wide roles take none. The password is stored only
            as a hash; it needs at least 10 characters. The user name is unique in any letter case.
            """) { user, displayName, role, province, district, email, password };
        command.Validators.Add(result =>
        {
            if (result.GivenValue(role) is { } value && AccountRoleNames.All.Contains(value)
                && AccountRoleNames.IsProvinceWide(value) != string.IsNullOrWhiteSpace(result.GivenValue(district)))
            {
                result.AddError(UsersSupport.Bilingual("Vai trò cấp huyện cần --district; vai trò cấp tỉnh thì không.", "District roles need --district; province-wide roles take none."));
            }
        });
        command.SetAction((parsed, cancellationToken) => UsersSupport.RunAsync(context, createStore: true, async (accounts, history) =>
        {
            var userName = parsed.GetRequiredValue(user);
            var account = Account.Create(
                userName, parsed.GetRequiredValue(displayName), parsed.GetRequiredValue(role), parsed.GetRequiredValue(province), parsed.GetValue(district),
                accounts.HashPassword(parsed.GetRequiredValue(password)), parsed.GetValue(email));
            var recorded = (WriteScope scope, Account a) => history.RecordAsync(
                scope, new AccountCreated(a.UserName, a.DisplayName, a.Role, a.Province, a.District, a.Email), UsersSupport.Operator, AccountHistory.OperatorRole, cancellationToken);
            if (await accounts.AddAsync([account], recorded, cancellationToken) == 0)
            {
                await context.Error.WriteLineAsync($"The user name {userName} is taken. / Tên đăng nhập {userName} đã có.");
                return 1;
            }

            await context.Output.WriteLineAsync($"Added {account.UserName} ({account.Role}, {account.District ?? account.Province}).");
            return 0;
        }));
        return command;
    }
}
