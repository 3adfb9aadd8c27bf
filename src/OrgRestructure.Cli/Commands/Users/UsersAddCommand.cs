using OrgRestructure.Cli.Commands.Migrate;
using OrgRestructure.Hosting.SharedState;

namespace OrgRestructure.Cli.Commands.Users;

/// <summary>orgrestructure users add: an account in the store's accounts table, which every node reads, recorded in the accounts stream.</summary>
internal sealed class UsersAddCommand : ICliCommand
{
    private static readonly string[] WithValue = ["--display-name", "--role", "--province", "--district", "--email", "--password"];

    public string Name => "users add";

    public string Summary => "Add an account (every node of the deployment knows it at once)";

    public string Usage => $"""
        Usage: orgrestructure users add USER --display-name NAME --role ROLE --province PROVINCE
                                        [--district DISTRICT] [--email ADDRESS] --password PASSWORD

        ROLE is one of: {string.Join(", ", AccountRoleNames.All)}.
        District roles need --district; province-wide roles take none. The password is stored only
        as a hash; it needs at least 10 characters. The user name is unique in any letter case.
        """;

    public async Task<int> RunAsync(CliContext context, IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0].StartsWith("--", StringComparison.Ordinal))
        {
            return await UsersSupport.RefuseAsync(context, "Thiếu tên đăng nhập.", "The user name is missing.");
        }

        if (await StoreCommandSupport.ParseAsync(context, [.. args.Skip(1)], WithValue) is not { } options)
        {
            return 2;
        }

        var userName = args[0];
        var role = options.GetValueOrDefault("--role");
        var district = options.GetValueOrDefault("--district");
        var password = options.GetValueOrDefault("--password") ?? string.Empty;
        if (!AccountRoleNames.All.Contains(role))
        {
            return await UsersSupport.RefuseAsync(context, "Vai trò không có: " + role, $"Unknown role '{role}'; one of {string.Join(", ", AccountRoleNames.All)}.");
        }

        if (options.GetValueOrDefault("--display-name") is not { Length: > 0 } displayName || options.GetValueOrDefault("--province") is not { Length: > 0 } province)
        {
            return await UsersSupport.RefuseAsync(context, "Cần --display-name và --province.", "--display-name and --province are required.");
        }

        if (AccountRoleNames.IsProvinceWide(role!) != string.IsNullOrWhiteSpace(district))
        {
            return await UsersSupport.RefuseAsync(context, "Vai trò cấp huyện cần --district; vai trò cấp tỉnh thì không.", "District roles need --district; province-wide roles take none.");
        }

        if (password.Length < 10)
        {
            return await UsersSupport.RefuseAsync(context, "Mật khẩu cần ít nhất 10 ký tự.", "The password needs at least 10 characters.");
        }

        return await UsersSupport.RunAsync(context, createStore: true, async (accounts, history) =>
        {
            var account = Account.Create(userName, displayName, role!, province, district, accounts.HashPassword(password), options.GetValueOrDefault("--email"));
            if (await accounts.AddAsync([account], cancellationToken) == 0)
            {
                await context.Error.WriteLineAsync($"The user name {userName} is taken. / Tên đăng nhập {userName} đã có.");
                return 1;
            }

            await history.RecordAsync(
                new AccountCreated(account.UserName, account.DisplayName, account.Role, account.Province, account.District, account.Email), UsersSupport.Operator, AccountHistory.OperatorRole, cancellationToken);
            await context.Output.WriteLineAsync($"Added {account.UserName} ({role}, {district ?? province}).");
            return 0;
        });
    }
}
